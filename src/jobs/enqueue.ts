import type { z } from "zod";
import type { AppContext } from "../app/context";
import { insertJob } from "../db/queries/jobQueries";
import { AppError } from "../domain/appError";
import type { JobDefinition } from "./defineJob";

/** Validates the payload now, so a bad job is refused at the caller rather than failing later in a worker. */
export async function enqueue<S extends z.ZodType>(
  ctx: AppContext,
  def: JobDefinition<S>,
  workspaceId: string | null,
  payload: z.infer<S>,
  opts: { runAt?: Date } = {},
) {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) throw new AppError("validation", `invalid ${def.kind} payload`, parsed.error.issues);
  return insertJob(ctx.db, {
    workspaceId,
    kind: def.kind,
    payload: { v: def.version, data: parsed.data },
    maxAttempts: def.maxAttempts ?? 5,
    runAt: opts.runAt ?? ctx.clock.now(),
  });
}
