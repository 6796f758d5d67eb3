import { and, eq, inArray, sql } from "drizzle-orm";
import { extractReturnDate } from "../../domain/inbound/extractReturnDate";
import { suggestClassification } from "../../domain/inbox/suggestClassification";
import { automaticTransitionAllowed, isLeadStatus } from "../../domain/leadStatus";
import { nextWindowStart } from "../../domain/schedule/sendingWindow";
import { isFreeMailDomain } from "../../domain/verification/isFreeMailDomain";
import { insertInboundOnce } from "../../db/queries/inboundQueries";
import { enrollments, leads, workspaces } from "../../db/schema";
import { type Actor, type AppContext, systemActor } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { sequenceWindows } from "../outreach/sequenceWindow";
import { guardSenderHealth } from "../senders/senderHealthGuard";
import { applyDeliveryReport } from "./applyDeliveryReport";
import type { InboundFacts, InboundMessageInput } from "./inboundFacts";
import { type InboundMatch, matchInbound } from "./matchInbound";

export type RecordedInbound = {
  kind: InboundFacts["kind"];
  reason: string;
  /** False when this message was recorded before (same Message-ID), or is our own copy. */
  recorded: boolean;
  leadId: string | null;
  matchedBy: InboundMatch["matchedBy"] | null;
};

const live = ["active", "paused"] as const;
type Tx = Parameters<Parameters<AppContext["db"]["transaction"]>[0]>[0];

/**
 * Match → record → act, for every channel. The row is inserted once per Message-ID (a second
 * copy changes nothing), and every effect on the lead and its enrollments happens in the same
 * transaction, under a lock on the lead row: a reply that lands before a send's claim always wins
 * (invariant 2). A message that matches no lead is kept (the inbox's "unmatched" view), never
 * dropped. Sender health is checked after commit, on the sender a bounce or complaint counts against.
 */
export async function recordInbound(
  ctx: AppContext,
  m: InboundMessageInput,
  facts: InboundFacts,
): Promise<RecordedInbound> {
  if (facts.kind === "own_copy")
    return { kind: facts.kind, reason: facts.reason, recorded: false, leadId: null, matchedBy: null };
  const match = await matchInbound(ctx.db, m, facts);
  const report = facts.kind === "bounce" || facts.kind === "complaint" ? facts.report : null;
  const recipient = match?.recipient ?? report?.recipients[0] ?? null;
  const actor = systemActor(
    m.workspaceId,
    report ? "delivery report" : m.channel === "email" ? "email reply" : "LinkedIn reply",
  );
  let senderToCheck: string | null = null;
  const recorded = await ctx.db.transaction(async (tx) => {
    const id = await insertInboundOnce(tx, {
      workspaceId: m.workspaceId,
      leadId: match?.leadId ?? null,
      enrollmentId: match?.enrollmentId ?? null,
      senderAccountId: m.senderAccountId,
      channel: m.channel,
      kind: facts.kind,
      fromAddress: m.from,
      subject: m.subject,
      text: m.text,
      messageId: m.messageId,
      inReplyTo: m.references[0] ?? null,
      receivedAt: m.receivedAt,
      suggestedClassification: suggestClassification({
        kind: facts.kind === "complaint" || facts.kind === "notice" ? "auto_reply" : facts.kind,
        subject: m.subject,
        text: m.text,
      }).classification,
      bounceClass: report?.class ?? null,
      bounceStatus: recipient?.status ?? null,
      bounceDiagnostic: recipient?.diagnostic?.slice(0, 2000) ?? null,
      reportingMta: report?.reportingMta ?? null,
      bouncedRecipient: recipient?.address ?? null,
      matchedBy: match?.matchedBy ?? null,
    });
    if (!id || !match) return !!id;
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, match.leadId), eq(leads.workspaceId, m.workspaceId)))
      .for("update");
    if (!lead) return true;
    if (report) {
      const r = await applyDeliveryReport(ctx, tx, actor, {
        inboundId: id,
        lead,
        match,
        report,
        subject: m.subject,
        now: m.receivedAt,
      });
      senderToCheck = r.countsAgainstSender ? (match.message?.senderAccountId ?? m.senderAccountId) : null;
    } else if (facts.kind === "human_reply") await stopOnReply(tx, actor, lead, m);
    else if (facts.kind === "auto_reply") await pauseForAutoReply(ctx, tx, actor, lead, facts, m);
    else if (facts.kind === "notice")
      await recordLeadEvents(tx, actor, m.receivedAt, [
        { leadId: lead.id, type: "automated_notice", data: { subject: m.subject, reason: facts.reason } },
      ]);
    return true;
  });
  if (senderToCheck) await guardSenderHealth(ctx, m.workspaceId, senderToCheck);
  return {
    kind: facts.kind,
    reason: facts.reason,
    recorded,
    leadId: match?.leadId ?? null,
    matchedBy: match?.matchedBy ?? null,
  };
}

type LeadRow = typeof leads.$inferSelect;

/** A human reply stops every later step of every sequence for the lead (and colleagues, if asked). */
async function stopOnReply(tx: Tx, actor: Actor, lead: LeadRow, m: InboundMessageInput) {
  const now = m.receivedAt;
  const stopped = await tx
    .update(enrollments)
    .set({ state: "replied", stateReason: `replied on ${m.channel}`, nextStepAt: null, updatedAt: now })
    .where(and(eq(enrollments.leadId, lead.id), inArray(enrollments.state, [...live])))
    .returning({ id: enrollments.id });
  if (isLeadStatus(lead.status) && automaticTransitionAllowed(lead.status, "replied"))
    await tx.update(leads).set({ status: "replied", updatedAt: now }).where(eq(leads.id, lead.id));
  const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, m.workspaceId));
  let colleagues = 0;
  // A reply from one hotmail.fr address says nothing about every other hotmail.fr lead.
  if (ws?.stopCompanyOnReply && lead.companyDomain && !isFreeMailDomain(lead.companyDomain)) {
    const rows = await tx
      .update(enrollments)
      .set({
        state: "replied",
        stateReason: `a colleague (${lead.email ?? lead.id}) replied`,
        nextStepAt: null,
        updatedAt: now,
      })
      .where(
        and(
          inArray(enrollments.state, [...live]),
          sql`${enrollments.leadId} in (select id from leads where workspace_id = ${m.workspaceId}::uuid and company_domain = ${lead.companyDomain} and id <> ${lead.id}::uuid)`,
        ),
      )
      .returning({ id: enrollments.id });
    colleagues = rows.length;
  }
  await recordLeadEvents(tx, actor, now, [
    {
      leadId: lead.id,
      type: "replied",
      data: {
        channel: m.channel,
        subject: m.subject,
        stoppedEnrollments: stopped.length,
        stoppedColleagues: colleagues,
      },
    },
  ]);
}

const DAY_MS = 86_400_000;

/**
 * An out-of-office pauses the lead's active enrollments until the stated return day (else a
 * week); each resumes at the opening of its sending window that day, in the lead's own zone (the
 * day is read again in that zone: "back on Monday" is Monday where the lead is). A read receipt is
 * automatic too but says nothing about being away: it is only noted.
 */
async function pauseForAutoReply(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  lead: LeadRow,
  facts: Extract<InboundFacts, { kind: "auto_reply" }>,
  m: InboundMessageInput,
) {
  const now = m.receivedAt;
  if (facts.readReceipt) {
    await recordLeadEvents(tx, actor, now, [
      { leadId: lead.id, type: "read_receipt", data: { reason: facts.reason } },
    ]);
    return;
  }
  const active = await tx
    .select({ id: enrollments.id, zone: enrollments.zone, sequenceId: enrollments.sequenceId })
    .from(enrollments)
    .where(and(eq(enrollments.leadId, lead.id), eq(enrollments.state, "active")));
  const windowOf = sequenceWindows({ ...ctx, db: tx as unknown as AppContext["db"] }, actor.workspaceId);
  const returnIn = (zone: string) =>
    facts.returnAtMs === null ? null : extractReturnDate(m.text, now.getTime(), { zone });
  let resumeAt: Date | null = null;
  for (const e of active) {
    const cache = await windowOf(e.sequenceId);
    resumeAt = new Date(nextWindowStart(returnIn(e.zone) ?? now.getTime() + 7 * DAY_MS, e.zone, cache));
    await tx
      .update(enrollments)
      .set({
        state: "paused",
        stateReason: `auto-reply (${facts.reason})`,
        pausedUntil: resumeAt,
        updatedAt: now,
      })
      .where(eq(enrollments.id, e.id));
  }
  await recordLeadEvents(tx, actor, now, [
    {
      leadId: lead.id,
      type: "auto_reply",
      data: {
        reason: facts.reason,
        returnDate: facts.returnAtMs ? new Date(facts.returnAtMs).toISOString() : null,
        pausedUntil: (resumeAt ?? new Date(facts.returnAtMs ?? now.getTime() + 7 * DAY_MS)).toISOString(),
      },
    },
  ]);
}
