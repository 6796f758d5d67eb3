import { and, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { type BounceOutcome, bounceOutcome } from "../../domain/deliverability/bounceOutcome";
import { describeBounce } from "../../domain/deliverability/describeBounce";
import { automaticTransitionAllowed, isLeadStatus } from "../../domain/leadStatus";
import { nextWindowStart } from "../../domain/schedule/sendingWindow";
import { markMessageBounced, softBouncesSince } from "../../db/queries/inboundQueries";
import { enrollments, leads, suppressions } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { workspaceWindow } from "../outreach/enrollments";
import { sequenceWindow } from "../outreach/sequenceWindow";
import { workspaceDeliverability } from "../senders/senderHealthGuard";
import type { ReportFacts } from "./inboundFacts";
import type { InboundMatch } from "./matchInbound";

type Tx = Parameters<Parameters<AppContext["db"]["transaction"]>[0]>[0];
const live = ["active", "paused"] as const;
const DAY_MS = 86_400_000;

const eventType: Record<ReportFacts["class"], string> = {
  permanent: "bounced",
  temporary: "soft_bounce",
  policy: "bounce_refused",
  undetermined: "bounce_unreadable",
  complaint: "spam_complaint",
  delivered: "delivery_report",
  delayed: "delivery_delayed",
};

/**
 * Acts on a delivery report or complaint about one lead, inside the recording transaction (the
 * lead row is locked by the caller). What each class does is decided by the pure bounceOutcome;
 * this applies it and writes the timeline sentence with the class, status, diagnostic and
 * reporting server. Returns whether it counts against the sending account's health.
 */
export async function applyDeliveryReport(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  r: {
    inboundId: string;
    lead: typeof leads.$inferSelect;
    match: InboundMatch;
    report: ReportFacts;
    subject: string;
    now: Date;
  },
) {
  const { lead, match, now } = r;
  const recipient = match.recipient ?? r.report.recipients[0] ?? null;
  // The class of the recipient that is this lead decides, not the worst of a multi-recipient report.
  const cls = recipient?.class ?? r.report.class;
  const settings = await workspaceDeliverability(
    { db: tx as unknown as AppContext["db"] },
    actor.workspaceId,
  );
  const enrollment = match.message
    ? (
        await tx
          .select()
          .from(enrollments)
          .where(eq(enrollments.id, match.message.enrollmentId))
          .for("update")
      )[0]
    : undefined;
  const outcome = bounceOutcome({
    class: cls,
    nowMs: now.getTime(),
    earlierSoftBounces:
      cls === "temporary"
        ? await softBouncesSince(
            tx,
            lead.id,
            new Date(now.getTime() - settings.softBounceDays * DAY_MS),
            r.inboundId,
          )
        : 0,
    step:
      match.message && enrollment
        ? {
            enrollmentId: enrollment.id,
            stepIndex: match.message.stepIndex,
            attempt: match.message.attempt,
            enrollmentState: enrollment.state,
            lastStepIndex: enrollment.lastStepIndex,
          }
        : null,
    settings,
  });
  if (match.message) await markMessageBounced(tx, match.message.id, cls, now);
  const retryAt = await applyOutcome(ctx, tx, lead, outcome, enrollment?.zone ?? null, now);
  const facts = {
    class: cls,
    recipient: recipient?.address ?? lead.email,
    status: recipient?.status ?? null,
    diagnostic: recipient?.diagnostic ?? null,
    reportingMta: r.report.reportingMta,
    phrase: recipient?.phrase ?? "",
  };
  const retryOn =
    retryAt && enrollment
      ? DateTime.fromJSDate(retryAt, { zone: enrollment.zone }).toFormat("ccc d LLL, HH:mm")
      : null;
  await recordLeadEvents(tx, actor, now, [
    {
      leadId: lead.id,
      type: eventType[cls],
      data: {
        ...facts,
        remoteMta: recipient?.remoteMta ?? null,
        subject: r.subject,
        matchedBy: match.matchedBy,
        step: match.message ? match.message.stepIndex + 1 : null,
        attempt: match.message?.attempt ?? null,
        retryAt: retryAt?.toISOString() ?? null,
        summary: describeBounce(facts, outcome, retryOn),
      },
    },
  ]);
  return { countsAgainstSender: outcome.sender !== null, outcome };
}

/** Applies the decision; returns the instant of a scheduled retry, if any. */
async function applyOutcome(
  ctx: AppContext,
  tx: Tx,
  lead: typeof leads.$inferSelect,
  o: BounceOutcome,
  zone: string | null,
  now: Date,
): Promise<Date | null> {
  if (o.address === "invalid")
    await tx.update(leads).set({ emailStatus: "invalid", updatedAt: now }).where(eq(leads.id, lead.id));
  if (o.lead && isLeadStatus(lead.status) && automaticTransitionAllowed(lead.status, o.lead))
    await tx.update(leads).set({ status: o.lead, updatedAt: now }).where(eq(leads.id, lead.id));
  if (o.suppress && lead.email)
    await tx
      .insert(suppressions)
      .values({ workspaceId: lead.workspaceId, email: lead.email, reason: "spam complaint", createdAt: now })
      .onConflictDoNothing();
  const e = o.enrollments;
  if (e.do === "stop")
    await tx
      .update(enrollments)
      .set({ state: e.state, stateReason: e.reason, nextStepAt: null, updatedAt: now })
      .where(and(eq(enrollments.leadId, lead.id), inArray(enrollments.state, [...live])));
  else if (e.do === "pause")
    await tx
      .update(enrollments)
      .set({ state: "paused", stateReason: e.reason, pausedUntil: null, updatedAt: now })
      .where(
        e.enrollmentId
          ? and(eq(enrollments.id, e.enrollmentId), inArray(enrollments.state, [...live]))
          : and(eq(enrollments.leadId, lead.id), eq(enrollments.state, "active")),
      );
  else if (e.do === "retry") {
    const [row] = await tx
      .select({ sequenceId: enrollments.sequenceId })
      .from(enrollments)
      .where(and(eq(enrollments.id, e.enrollmentId), eq(enrollments.workspaceId, lead.workspaceId)));
    const txCtx = { ...ctx, db: tx as unknown as AppContext["db"] };
    const { cache } = row
      ? await sequenceWindow(txCtx, lead.workspaceId, row.sequenceId)
      : await workspaceWindow(txCtx, lead.workspaceId);
    const at = new Date(nextWindowStart(e.notBeforeMs, zone ?? "UTC", cache));
    await tx
      .update(enrollments)
      .set({
        state: sql`case when ${enrollments.state} = 'completed' then 'active' else ${enrollments.state} end`,
        stateReason: sql`case when ${enrollments.state} = 'completed' then null else ${enrollments.stateReason} end`,
        // The claim picks the step after last_step_index: step back one so the bounced step (not
        // the one after it) is what goes out again. Step indices are 1-based.
        lastStepIndex: e.stepIndex > 1 ? e.stepIndex - 1 : null,
        nextStepIndex: e.stepIndex,
        stepAttempt: e.attempt,
        nextStepAt: at,
        updatedAt: now,
      })
      .where(and(eq(enrollments.id, e.enrollmentId), inArray(enrollments.state, [...live, "completed"])));
    return at;
  }
  return null;
}
