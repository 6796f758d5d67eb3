import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { imports } from "../../db/schema";
import { enqueue } from "../../jobs/enqueue";
import { importLeadsJob } from "../../jobs/definitions/importLeadsJob";
import type { Actor, AppContext } from "../context";
import { getList } from "../lists/lists";
import type { MappingInput } from "./importLeads";
import { previewImport, validateMapping } from "./previewImport";
import { getImportRow, presentImport } from "./uploads";

/**
 * Queues an uploaded file for import into a list, with the person's corrected mapping (or the one
 * the importer proposes from the first rows). The import's list, mapping and status and its job
 * are written in one transaction: a worker can never claim the job and find the import half set
 * up, and two starts of the same upload cannot both queue it.
 */
export async function startImport(
  ctx: AppContext,
  actor: Actor,
  importId: string,
  o: { listId: string; mapping?: MappingInput[] | null },
) {
  const imp = await getImportRow(ctx, actor, importId);
  if (imp.status !== "uploaded") throw new AppError("conflict", `this import is already ${imp.status}`);
  await getList(ctx, actor, o.listId);
  // The preview stored the header; an upload started in the same call has had none yet.
  const headers = imp.headers ?? (await previewImport(ctx, actor, importId)).headers;
  if (o.mapping) validateMapping(o.mapping, headers.length);
  const row = await ctx.db.transaction(async (tx) => {
    const [queued] = await tx
      .update(imports)
      .set({ listId: o.listId, mapping: o.mapping ?? null, status: "queued" })
      .where(and(eq(imports.id, importId), eq(imports.status, "uploaded")))
      .returning();
    if (!queued) throw new AppError("conflict", "this import was started already");
    const job = await enqueue({ ...ctx, db: tx }, importLeadsJob, actor.workspaceId, {
      importId,
      actorLabel: actor.label,
    });
    const [withJob] = await tx
      .update(imports)
      .set({ jobId: job.id })
      .where(eq(imports.id, importId))
      .returning();
    return withJob!;
  });
  return presentImport(ctx, row);
}
