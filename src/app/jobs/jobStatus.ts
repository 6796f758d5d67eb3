import * as q from "../../db/queries/jobQueries";
import { AppError } from "../../domain/appError";
import type { Actor, AppContext } from "../context";

export function presentJob(j: q.JobRow) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    attempts: j.attempts,
    progress: { done: j.progressDone, total: j.progressTotal },
    result: j.result ?? null,
    error: j.error,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  };
}

export async function getJob(ctx: AppContext, actor: Actor, id: number) {
  const row = await q.getJobRow(ctx.db, actor.workspaceId, id);
  if (!row) throw new AppError("not_found", `no job ${id} in this workspace`);
  return presentJob(row);
}

export async function listJobs(ctx: AppContext, actor: Actor, limit = 50) {
  return (await q.listJobRows(ctx.db, actor.workspaceId, limit)).map(presentJob);
}

export async function cancelJob(ctx: AppContext, actor: Actor, id: number) {
  if (!(await q.cancelJobRow(ctx.db, actor.workspaceId, id, ctx.clock.now())))
    throw new AppError("conflict", "only a queued job of this workspace can be cancelled");
}
