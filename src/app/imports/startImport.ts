import { eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { imports } from "../../db/schema";
import { enqueue } from "../../jobs/enqueue";
import { importLeadsJob } from "../../jobs/definitions/importLeadsJob";
import type { Actor, AppContext } from "../context";
import { getList } from "../lists/lists";
import type { MappingInput } from "./importLeads";
import { getImportRow, presentImport, previewImport, validateMapping } from "./uploads";

/** Queues an uploaded file for import into a list, with the user's corrected mapping (or the proposed one). */
export async function startImport(
  ctx: AppContext,
  actor: Actor,
  importId: string,
  o: { listId: string; mapping?: MappingInput[] | null },
) {
  const imp = await getImportRow(ctx, actor, importId);
  if (imp.status !== "uploaded") throw new AppError("conflict", `this import is already ${imp.status}`);
  await getList(ctx, actor, o.listId);
  const preview = await previewImport(ctx, actor, importId);
  const mapping = o.mapping ?? preview.mapping;
  validateMapping(mapping, preview.headers.length);
  const job = await enqueue(ctx, importLeadsJob, actor.workspaceId, { importId, actorLabel: actor.label });
  const [row] = await ctx.db
    .update(imports)
    .set({ listId: o.listId, mapping, status: "queued", jobId: job.id })
    .where(eq(imports.id, importId))
    .returning();
  return presentImport(ctx, row!);
}
