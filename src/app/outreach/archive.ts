import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import { runs, sequences } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { getRun } from "./runs";
import { getSequence } from "./sequences";

/**
 * Archiving keeps everything (enrollments, sent messages, replies, analytics) and stops sending: a
 * running sequence is paused, and it leaves the lists. Unarchiving shows it again, still paused.
 */
export async function archiveSequence(ctx: AppContext, actor: Actor, id: string, archived: boolean) {
  const seq = await getSequence(ctx, actor, id);
  await ctx.db
    .update(sequences)
    .set({
      archivedAt: archived ? (seq.archivedAt ?? ctx.clock.now()) : null,
      ...(archived && seq.status === "active" ? { status: "paused" as const } : {}),
    })
    .where(eq(sequences.id, id));
  return getSequence(ctx, actor, id);
}

/** Archives a run with every sequence in it (each paused), or shows them again. */
export async function archiveRun(ctx: AppContext, actor: Actor, id: string, archived: boolean) {
  const run = await getRun(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(runs)
      .set({
        archivedAt: archived ? (run.archivedAt ?? now) : null,
        ...(archived && run.status === "active" ? { status: "paused" as const } : {}),
      })
      .where(eq(runs.id, id));
    if (archived) {
      await tx
        .update(sequences)
        .set({ status: "paused" })
        .where(and(eq(sequences.runId, id), eq(sequences.status, "active")));
      await tx
        .update(sequences)
        .set({ archivedAt: now })
        .where(and(eq(sequences.runId, id), isNull(sequences.archivedAt)));
    } else await tx.update(sequences).set({ archivedAt: null }).where(eq(sequences.runId, id));
  });
  return getRun(ctx, actor, id);
}

export type DeletedCounts = { sequences: number; enrollments: number; messages: number; drafts: number };

/** What deleting would remove, counted for the confirmation and answered by the delete. */
async function countsOf(ctx: AppContext, where: ReturnType<typeof sql>): Promise<DeletedCounts> {
  const [r] = await queryRows<DeletedCounts>(
    ctx.db,
    sql`select count(*)::int as sequences,
          (select count(*) from enrollments e where e.sequence_id in (select id from sequences s where ${where}))::int as enrollments,
          (select count(*) from messages m join enrollments e on e.id = m.enrollment_id
             where e.sequence_id in (select id from sequences s where ${where}))::int as messages,
          (select count(*) from message_drafts d where d.sequence_id in (select id from sequences s where ${where}))::int as drafts
        from sequences s where ${where}`,
  );
  return r ?? { sequences: 0, enrollments: 0, messages: 0, drafts: 0 };
}

/**
 * Deletes a sequence for good: its steps, enrollments (the schedule), the record of the messages it
 * sent and its Messaging Lab drafts go with it. Replies stay in the Inbox (unlinked from the
 * sequence) and the leads stay; what was sent stays in the recipients' mailboxes.
 */
export async function deleteSequence(ctx: AppContext, actor: Actor, id: string) {
  await getSequence(ctx, actor, id);
  const counts = await countsOf(ctx, sql`s.id = ${id}::uuid`);
  await ctx.db.delete(sequences).where(eq(sequences.id, id));
  return { deleted: counts };
}

/** Deletes a run and every sequence in it (see deleteSequence for what goes with each). */
export async function deleteRun(ctx: AppContext, actor: Actor, id: string) {
  await getRun(ctx, actor, id);
  const counts = await countsOf(ctx, sql`s.run_id = ${id}::uuid`);
  await ctx.db.delete(runs).where(eq(runs.id, id));
  return { deleted: counts };
}

/** The same counts before deleting, for the dialog that asks. */
export async function sequenceDeletionPreview(ctx: AppContext, actor: Actor, id: string) {
  await getSequence(ctx, actor, id);
  return countsOf(ctx, sql`s.id = ${id}::uuid`);
}
export async function runDeletionPreview(ctx: AppContext, actor: Actor, id: string) {
  await getRun(ctx, actor, id);
  return countsOf(ctx, sql`s.run_id = ${id}::uuid`);
}
