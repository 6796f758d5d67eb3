import { and, desc, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";
import { jobs, workerHeartbeats } from "../schema";

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: Db,
  v: { workspaceId: string | null; kind: string; payload: unknown; maxAttempts: number; runAt: Date },
) {
  const [row] = await db
    .insert(jobs)
    .values({ ...v, createdAt: v.runAt, updatedAt: v.runAt })
    .returning();
  return row!;
}

/**
 * Claims up to `limit` due jobs of the given kinds: queued ones whose time has come, and running
 * ones whose lease ran out (their worker died). SKIP LOCKED lets many workers claim at once
 * without waiting on each other or taking the same row.
 */
export async function claimJobs(
  db: Db,
  o: { kinds: string[]; workerId: string; now: Date; leaseMs: number; limit: number },
) {
  if (!o.kinds.length) return [];
  const lease = new Date(o.now.getTime() + o.leaseMs);
  const kinds = sql.join(
    o.kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const res = await queryRows<{ id: number }>(
    db,
    sql`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${o.workerId},
      lease_until = ${lease.toISOString()}::timestamptz, updated_at = ${o.now.toISOString()}::timestamptz
    where id in (
      select id from jobs
      where kind in (${kinds}) and (
        (status = 'queued' and run_at <= ${o.now.toISOString()}::timestamptz)
        or (status = 'running' and lease_until < ${o.now.toISOString()}::timestamptz))
      order by run_at, id
      limit ${o.limit}
      for update skip locked)
    returning id`,
  );
  if (!res.length) return [];
  const ids = res.map((r) => Number(r.id));
  return db
    .select()
    .from(jobs)
    .where(
      sql`${jobs.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
}

/** Every write below is conditional on still holding the lease, so a worker that lost it changes nothing. */
const held = (id: number, workerId: string) =>
  and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running"));

export async function renewLease(db: Db, id: number, workerId: string, until: Date, now: Date) {
  const r = await db
    .update(jobs)
    .set({ leaseUntil: until, updatedAt: now })
    .where(held(id, workerId))
    .returning({ id: jobs.id });
  return r.length > 0;
}

export async function setProgress(
  db: Db,
  id: number,
  workerId: string,
  done: number,
  total: number | null,
  now: Date,
) {
  await db
    .update(jobs)
    .set({ progressDone: done, progressTotal: total, updatedAt: now })
    .where(held(id, workerId));
}

export async function completeJob(db: Db, id: number, workerId: string, result: unknown, now: Date) {
  await db
    .update(jobs)
    .set({
      status: "succeeded",
      result: result ?? null,
      lockedBy: null,
      leaseUntil: null,
      updatedAt: now,
      finishedAt: now,
      error: null,
    })
    .where(held(id, workerId));
}

export async function failJob(
  db: Db,
  id: number,
  workerId: string,
  error: string,
  retryAt: Date | null,
  now: Date,
) {
  await db
    .update(jobs)
    .set(
      retryAt
        ? { status: "queued", runAt: retryAt, error, lockedBy: null, leaseUntil: null, updatedAt: now }
        : { status: "failed", error, lockedBy: null, leaseUntil: null, updatedAt: now, finishedAt: now },
    )
    .where(held(id, workerId));
}

/** On shutdown: hand unfinished work back without spending an attempt. */
export async function releaseJob(db: Db, id: number, workerId: string, now: Date) {
  await db
    .update(jobs)
    .set({
      status: "queued",
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      lockedBy: null,
      leaseUntil: null,
      updatedAt: now,
    })
    .where(held(id, workerId));
}

export async function getJobRow(db: Db, workspaceId: string, id: number) {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.workspaceId, workspaceId)));
  return row ?? null;
}

export async function listJobRows(db: Db, workspaceId: string, limit: number) {
  return db.select().from(jobs).where(eq(jobs.workspaceId, workspaceId)).orderBy(desc(jobs.id)).limit(limit);
}

export async function cancelJobRow(db: Db, workspaceId: string, id: number, now: Date) {
  const r = await db
    .update(jobs)
    .set({ status: "cancelled", updatedAt: now, finishedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.workspaceId, workspaceId), eq(jobs.status, "queued")))
    .returning({ id: jobs.id });
  return r.length > 0;
}

export async function beat(db: Db, workerId: string, now: Date) {
  await db
    .insert(workerHeartbeats)
    .values({ id: workerId, startedAt: now, seenAt: now })
    .onConflictDoUpdate({ target: workerHeartbeats.id, set: { seenAt: now } });
}

export async function removeHeartbeat(db: Db, workerId: string) {
  await db.delete(workerHeartbeats).where(eq(workerHeartbeats.id, workerId));
}

export async function lastHeartbeat(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ seenAt: workerHeartbeats.seenAt })
    .from(workerHeartbeats)
    .orderBy(desc(workerHeartbeats.seenAt))
    .limit(1);
  return row?.seenAt ?? null;
}
