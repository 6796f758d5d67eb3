import { and, eq, inArray, sql } from "drizzle-orm";
import { classifyInbound } from "../../domain/inbound/classifyInbound";
import { suggestClassification } from "../../domain/inbox/suggestClassification";
import { automaticTransitionAllowed, isLeadStatus } from "../../domain/leadStatus";
import { enrollments, inboundMessages, leads, workspaces } from "../../db/schema";
import type { AppContext } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";

export type InboundInput = {
  workspaceId: string;
  leadId: string;
  enrollmentId?: string | null;
  channel: "email" | "linkedin";
  from: string;
  subject: string;
  text: string;
  headers?: Record<string, string | undefined> | import("../../domain/inbound").HeaderField[];
  /** The raw source when there is one: bounce reports are then read from their delivery-status part. */
  raw?: Uint8Array | string;
  messageId?: string | null;
  inReplyTo?: string | null;
  ourAddresses?: string[];
};

const live = ["active", "paused"] as const;

/**
 * Records what a prospect sent us. A human reply on any channel stops every later step of every
 * sequence for that lead (and, if the workspace asks, for everyone at the same company) in one
 * transaction that locks the enrollments, so a send being claimed either committed before (and is
 * sent) or sees the reply (and is not). Auto-replies pause until the stated return date.
 */
export async function recordInboundMessage(ctx: AppContext, m: InboundInput) {
  const now = ctx.clock.now();
  const c = classifyInbound({
    headers: m.headers ?? {},
    from: m.from,
    subject: m.subject,
    text: m.text,
    ourAddresses: m.ourAddresses ?? [],
    receivedAtMs: now.getTime(),
    raw: m.raw,
    messageId: m.messageId,
  });
  if (c.kind === "own_copy") return c;
  const actor = {
    workspaceId: m.workspaceId,
    userId: null,
    role: "admin" as const,
    via: "system" as const,
    label: m.channel === "email" ? "email reply" : "LinkedIn reply",
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(inboundMessages).values({
      workspaceId: m.workspaceId,
      leadId: m.leadId,
      enrollmentId: m.enrollmentId ?? null,
      channel: m.channel,
      kind: c.kind,
      fromAddress: m.from,
      subject: m.subject,
      text: m.text,
      messageId: m.messageId ?? null,
      inReplyTo: m.inReplyTo ?? null,
      receivedAt: now,
      suggestedClassification: suggestClassification({ kind: c.kind, subject: m.subject, text: m.text })
        .classification,
    });
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, m.leadId), eq(leads.workspaceId, m.workspaceId)))
      .for("update");
    if (!lead) return;
    const setLead = async (status: "replied" | "bounced") => {
      if (isLeadStatus(lead.status) && automaticTransitionAllowed(lead.status, status))
        await tx.update(leads).set({ status, updatedAt: now }).where(eq(leads.id, lead.id));
    };
    if (c.kind === "human_reply") {
      const stopped = await tx
        .update(enrollments)
        .set({ state: "replied", stateReason: `replied on ${m.channel}`, nextStepAt: null, updatedAt: now })
        .where(and(eq(enrollments.leadId, lead.id), inArray(enrollments.state, [...live])))
        .returning({ id: enrollments.id });
      await setLead("replied");
      const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, m.workspaceId));
      let colleagues = 0;
      if (ws?.stopCompanyOnReply && lead.companyDomain) {
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
    } else if (c.kind === "auto_reply" && c.returnDateSource === "none") {
      // A read receipt: automatic, but it says nothing about being away.
      await recordLeadEvents(tx, actor, now, [
        { leadId: lead.id, type: "read_receipt", data: { reason: c.reason } },
      ]);
    } else if (c.kind === "auto_reply") {
      await tx
        .update(enrollments)
        .set({
          state: "paused",
          stateReason: `auto-reply (${c.reason})`,
          pausedUntil: new Date(c.pauseUntilMs!),
          updatedAt: now,
        })
        .where(and(eq(enrollments.leadId, lead.id), eq(enrollments.state, "active")));
      await recordLeadEvents(tx, actor, now, [
        {
          leadId: lead.id,
          type: "auto_reply",
          data: { reason: c.reason, pausedUntil: new Date(c.pauseUntilMs!).toISOString() },
        },
      ]);
    } else if (c.kind === "bounce" && !c.hard) {
      // Delayed or mailbox full: the address exists; the sequence goes on and a later step may land.
      const r = c.report?.recipients[0];
      await recordLeadEvents(tx, actor, now, [
        {
          leadId: lead.id,
          type: "soft_bounce",
          data: { status: r?.status ?? null, diagnostic: r?.diagnosticCode ?? null },
        },
      ]);
    } else if (c.kind === "bounce") {
      const r = c.report?.recipients[0];
      await tx
        .update(enrollments)
        .set({
          state: "bounced",
          stateReason: `the email bounced${r?.status ? ` (${r.status})` : ""}`,
          nextStepAt: null,
          updatedAt: now,
        })
        .where(and(eq(enrollments.leadId, lead.id), inArray(enrollments.state, [...live])));
      await tx.update(leads).set({ emailStatus: "invalid" }).where(eq(leads.id, lead.id));
      await setLead("bounced");
      await recordLeadEvents(tx, actor, now, [
        {
          leadId: lead.id,
          type: "bounced",
          data: { subject: m.subject, status: r?.status ?? null, diagnostic: r?.diagnosticCode ?? null },
        },
      ]);
    }
  });
  return c;
}
