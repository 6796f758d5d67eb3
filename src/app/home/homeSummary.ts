import { and, asc, eq, isNotNull } from "drizzle-orm";
import { homeCounts, scheduledSequences } from "../../db/queries/homeQueries";
import { integrations, senderAccounts } from "../../db/schema";
import { firstRunChecklist } from "../../domain/home/firstRunChecklist";
import type { Actor, AppContext } from "../context";

const asDate = (d: Date | string | null) => (d === null ? null : new Date(d));

/**
 * What needs a person today (replies, approvals, uncertain sends, a paused LinkedIn account or
 * sender, failed jobs), what is scheduled, and the first-run checklist: the home page in one call.
 */
export async function homeSummary(ctx: AppContext, actor: Actor) {
  const now = ctx.clock.now();
  const [c, scheduled, [li], pausedSenders] = await Promise.all([
    homeCounts(ctx.db, actor.workspaceId, now),
    scheduledSequences(ctx.db, actor.workspaceId, now),
    ctx.db
      .select({ settings: integrations.settings })
      .from(integrations)
      .where(and(eq(integrations.workspaceId, actor.workspaceId), eq(integrations.kind, "unipile"))),
    ctx.db
      .select({
        id: senderAccounts.id,
        name: senderAccounts.name,
        reason: senderAccounts.pausedReason,
        pausedAt: senderAccounts.pausedAt,
      })
      .from(senderAccounts)
      .where(and(eq(senderAccounts.workspaceId, actor.workspaceId), isNotNull(senderAccounts.pausedAt)))
      .orderBy(asc(senderAccounts.name)),
  ]);
  const liStatus = typeof li?.settings.status === "string" ? li.settings.status : null;
  const liReason = typeof li?.settings.pausedReason === "string" ? li.settings.pausedReason : null;
  return {
    needs: {
      repliesToAnswer: c.repliesToAnswer,
      messagesToApprove: c.messagesToApprove,
      emailsToApprove: c.emailsToApprove,
      uncertainSends: c.uncertainSends,
      failedJobs: c.failedJobs,
      // A connected account that is not "ok" holds every LinkedIn step until someone looks.
      linkedinAccount: li && liStatus !== "ok" ? { status: liStatus ?? "unknown", reason: liReason } : null,
      // A paused sender (its health guard, or a person) holds its sequences until someone resumes it.
      pausedSenders: pausedSenders.map((s) => ({ ...s, pausedAt: s.pausedAt! })),
    },
    scheduled: {
      dueNextDay: c.dueNextDay,
      nextSendAt: asDate(c.nextSendAt),
      sequences: scheduled.map((s) => ({ ...s, nextSendAt: asDate(s.nextSendAt) })),
    },
    checklist: firstRunChecklist(c),
  };
}
