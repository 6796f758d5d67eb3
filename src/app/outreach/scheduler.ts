import { and, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { enrollments, messages } from "../../db/schema";
import type { AppContext } from "../context";
import { decideVariantWinners } from "./decideVariantWinners";
import { claimDueSends } from "./scheduler/claimDueSends";
import { deliver } from "./scheduler/deliver";
import type { ChannelPool } from "./senderAccounts";

export { claimDueSends } from "./scheduler/claimDueSends";
export { deliver } from "./scheduler/deliver";

/**
 * Sends left 'sending' by a process that died. One that was never attempted is known not to have
 * left: it is released and the step is due again. One that was attempted may or may not have been
 * delivered: 'uncertain', and the lead is paused for a human.
 */
export async function markStaleSendsUncertain(ctx: AppContext) {
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - ctx.config.sendLeaseSeconds * 1000);
  const released = await ctx.db
    .delete(messages)
    .where(and(eq(messages.status, "sending"), isNull(messages.attemptedAt), lte(messages.claimedAt, cutoff)))
    .returning({ enrollmentId: messages.enrollmentId });
  for (const r of released)
    await ctx.db
      .update(enrollments)
      .set({ nextStepAt: now, updatedAt: now })
      .where(and(eq(enrollments.id, r.enrollmentId), eq(enrollments.state, "active")));
  const stale = await ctx.db
    .update(messages)
    .set({ status: "uncertain", error: "the sending process stopped before the outcome was known" })
    .where(
      and(eq(messages.status, "sending"), isNotNull(messages.attemptedAt), lte(messages.attemptedAt, cutoff)),
    )
    .returning({ enrollmentId: messages.enrollmentId });
  for (const s of stale)
    await ctx.db
      .update(enrollments)
      .set({
        state: "paused",
        stateReason: "a send's outcome is unknown; check it before resuming",
        updatedAt: now,
      })
      .where(eq(enrollments.id, s.enrollmentId));
  return stale.length;
}

/**
 * Out-of-office pauses end by themselves, at the opening of the lead's window on the return day
 * (set so by the auto-reply handling). A step that was due later than that keeps its own time.
 */
export async function resumeExpiredPauses(ctx: AppContext) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const rows = await ctx.db
    .update(enrollments)
    .set({
      state: "active",
      stateReason: null,
      pausedUntil: null,
      nextStepAt: sql`greatest(coalesce(${enrollments.nextStepAt}, ${at}::timestamptz), ${at}::timestamptz)`,
      updatedAt: now,
    })
    .where(
      and(
        eq(enrollments.state, "paused"),
        isNotNull(enrollments.pausedUntil),
        lte(enrollments.pausedUntil, now),
      ),
    )
    .returning({ id: enrollments.id });
  return rows.length;
}

/**
 * One scheduler pass: recover, then claim and send until nothing is due. The next batch is claimed
 * while the current one is being sent (its enrollments have no due time until their outcome is
 * recorded, so the two never overlap).
 */
export async function runSchedulerOnce(ctx: AppContext, pool: ChannelPool, batch = 100) {
  await markStaleSendsUncertain(ctx);
  await resumeExpiredPauses(ctx);
  await decideVariantWinners(ctx);
  let total = 0;
  let claimed = await claimDueSends(ctx, batch);
  while (claimed.length) {
    const [, next] = await Promise.all([deliver(ctx, pool, claimed), claimDueSends(ctx, batch)]);
    total += claimed.length;
    claimed = next;
  }
  return total;
}
