import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { type ReplyClassification, replyClassifications } from "../../domain/inbox/suggestClassification";
import { queryRows, sqlArray } from "../../db/client";
import { inboundMessages, inboxReplies, messages, senderAccounts } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { getLeadRow } from "../leads/leadDetail";
import { setLeadStatus } from "../leads/editLeads";
import { recordLeadEvents } from "../leads/leadEvents";
import { linkedinAccountOf } from "../integrations/linkedinAccount";
import { linkedinChannelOf } from "../integrations/linkedinSender";
import { ChannelPool, getSenderRow } from "../outreach/senderAccounts";
import { unsubscribeLead } from "../outreach/unsubscribe";

export type InboxChannel = "email" | "linkedin";
export type InboxFilter = {
  runId?: string;
  sequenceId?: string;
  senderAccountId?: string;
  classification?: ReplyClassification;
  unread?: boolean;
  limit?: number;
  offset?: number;
};

const outboundChannels = (c: InboxChannel) =>
  c === "email" ? ["email"] : ["linkedin_invite", "linkedin_message"];

/**
 * Conversations with an answer from the prospect: one per lead and channel, the most recent answer
 * first, with unread counts and the latest classification (the person's, else the suggestion).
 */
export async function listThreads(ctx: AppContext, actor: Actor, f: InboxFilter = {}) {
  const rows = await queryRows<{
    lead_id: string;
    channel: InboxChannel;
    last_at: string;
    unread: number;
    total: number;
    subject: string;
    text: string;
    kind: string;
    classification: string | null;
    suggested: string | null;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    company: string | null;
    status: string;
  }>(
    ctx.db,
    sql`with t as (
          select i.lead_id, i.channel, max(i.received_at) as last_at,
                 count(*) filter (where i.read_at is null)::int as unread, count(*)::int as total,
                 (array_agg(i.id order by i.received_at desc))[1] as last_id
          from inbound_messages i
          where i.workspace_id = ${actor.workspaceId}::uuid and i.lead_id is not null
          group by i.lead_id, i.channel)
        select t.lead_id, t.channel, t.last_at, t.unread, t.total, m.subject, left(m.text, 200) as text, m.kind,
               m.classification, m.suggested_classification as suggested,
               l.first_name, l.last_name, l.email, l.company, l.status
        from t join inbound_messages m on m.id = t.last_id join leads l on l.id = t.lead_id
        where true
          ${f.unread ? sql`and t.unread > 0` : sql``}
          ${f.classification ? sql`and coalesce(m.classification, m.suggested_classification) = ${f.classification}` : sql``}
          ${f.runId ? sql`and exists (select 1 from enrollments e join sequences s on s.id = e.sequence_id where e.lead_id = t.lead_id and s.run_id = ${f.runId}::uuid)` : sql``}
          ${f.sequenceId ? sql`and exists (select 1 from enrollments e where e.lead_id = t.lead_id and e.sequence_id = ${f.sequenceId}::uuid)` : sql``}
          ${f.senderAccountId ? sql`and exists (select 1 from messages o where o.lead_id = t.lead_id and o.sender_account_id = ${f.senderAccountId}::uuid)` : sql``}
        order by t.last_at desc, t.lead_id
        limit ${Math.min(Math.max(f.limit ?? 50, 1), 200)} offset ${Math.max(f.offset ?? 0, 0)}`,
  );
  return rows.map((r) => ({
    leadId: r.lead_id,
    channel: r.channel,
    name: [r.first_name, r.last_name].filter(Boolean).join(" ") || r.email || "(no name)",
    email: r.email,
    company: r.company,
    leadStatus: r.status,
    lastAt: r.last_at,
    unread: r.unread,
    messages: r.total,
    subject: r.subject,
    snippet: r.text,
    kind: r.kind,
    classification: r.classification ?? r.suggested,
    classificationIsSuggestion: !r.classification && !!r.suggested,
  }));
}

/**
 * One conversation, oldest first: what we sent (sequence steps and inbox replies) and what the
 * prospect sent. Opening it marks the prospect's messages read. Text only: inbound HTML is never
 * rendered, so nothing in a received email can run in the app.
 */
export async function getThread(ctx: AppContext, actor: Actor, leadId: string, channel: InboxChannel) {
  const lead = await getLeadRow(ctx, actor, leadId);
  const out = await ctx.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.leadId, leadId),
        sql`${messages.channel} = any(${sqlArray(outboundChannels(channel))}::text[])`,
      ),
    );
  const inbound = await ctx.db
    .select()
    .from(inboundMessages)
    .where(and(eq(inboundMessages.leadId, leadId), eq(inboundMessages.channel, channel)));
  const replies = await ctx.db
    .select()
    .from(inboxReplies)
    .where(and(eq(inboxReplies.leadId, leadId), eq(inboxReplies.channel, channel)));
  await ctx.db
    .update(inboundMessages)
    .set({ readAt: ctx.clock.now() })
    .where(
      and(eq(inboundMessages.leadId, leadId), eq(inboundMessages.channel, channel), sql`read_at is null`),
    );
  const items = [
    ...out
      .filter((m) => m.status !== "failed" || m.attemptedAt)
      .map((m) => ({
        id: m.id,
        direction: "out" as const,
        source: "sequence" as const,
        at: (m.sentAt ?? m.claimedAt).toISOString(),
        subject: m.subject,
        text: m.body,
        status: m.status,
        stepIndex: m.stepIndex,
      })),
    ...replies.map((r) => ({
      id: r.id,
      direction: "out" as const,
      source: "inbox" as const,
      at: (r.sentAt ?? r.createdAt).toISOString(),
      subject: r.subject,
      text: r.body,
      status: r.status,
      error: r.error,
      by: r.actor,
    })),
    ...inbound.map((i) => ({
      id: i.id,
      direction: "in" as const,
      source: "prospect" as const,
      at: i.receivedAt.toISOString(),
      subject: i.subject,
      text: i.text,
      kind: i.kind,
      classification: i.classification,
      suggestedClassification: i.suggestedClassification,
      classifiedBy: i.classifiedBy,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    lead: {
      id: lead.id,
      name: [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email || "(no name)",
      email: lead.email,
      company: lead.company,
      status: lead.status,
      linkedinUrl: lead.linkedinUrl,
    },
    channel,
    items,
  };
}

/**
 * Sets a reply's classification. "interested" and "meeting booked" may also move the lead to
 * converted; an unsubscribe request unsubscribes the lead at once (suppressed, every sequence stopped).
 */
export async function classifyReply(
  ctx: AppContext,
  actor: Actor,
  inboundId: string,
  classification: ReplyClassification,
  o: { markConverted?: boolean } = {},
) {
  if (!replyClassifications.includes(classification))
    throw new AppError("validation", `unknown classification "${classification}"`, {
      field: "classification",
    });
  const [m] = await ctx.db
    .update(inboundMessages)
    .set({ classification, classifiedBy: actor.label })
    .where(and(eq(inboundMessages.id, inboundId), eq(inboundMessages.workspaceId, actor.workspaceId)))
    .returning();
  if (!m) throw new AppError("not_found", "no such message in this workspace");
  if (m.leadId) {
    await ctx.db.transaction((tx) =>
      recordLeadEvents(tx, actor, ctx.clock.now(), [
        { leadId: m.leadId!, type: "reply_classified", data: { classification, messageId: m.id } },
      ]),
    );
    if (o.markConverted && (classification === "interested" || classification === "meeting_booked"))
      await setLeadStatus(ctx, actor, [m.leadId], "converted");
    if (classification === "unsubscribe_request")
      await unsubscribeLead(ctx, actor.workspaceId, m.leadId, "asked in a reply");
  }
  return m;
}

/**
 * Answers in the conversation's channel and thread: by email from the sender account that wrote to
 * the lead (In-Reply-To the prospect's last message, References the whole thread, "Re: " subject).
 */
export async function replyInThread(
  ctx: AppContext,
  actor: Actor,
  leadId: string,
  channel: InboxChannel,
  input: { text: string; senderAccountId?: string },
) {
  const thread = await getThread(ctx, actor, leadId, channel);
  const lead = await getLeadRow(ctx, actor, leadId);
  if (channel === "email" && !lead.email)
    throw new AppError("validation", "this lead has no email address to answer", { field: "text" });
  const lastIn = [...thread.items].reverse().find((i) => i.direction === "in");
  const [lastOut] = await queryRows<{ sender_account_id: string | null }>(
    ctx.db,
    sql`select sender_account_id from (
          select sender_account_id, claimed_at as at from messages where lead_id = ${leadId}::uuid and sender_account_id is not null
          union all
          select sender_account_id, created_at from inbox_replies where lead_id = ${leadId}::uuid and sender_account_id is not null
        ) x order by at desc limit 1`,
  );
  const senderId = input.senderAccountId ?? lastOut?.sender_account_id ?? null;
  if (channel === "email" && !senderId)
    throw new AppError("not_ready", "choose the sender account to answer from", { field: "senderAccountId" });
  const sender = senderId ? await getSenderRow(ctx, actor.workspaceId, senderId) : null;
  const ids = await queryRows<{ message_id: string }>(
    ctx.db,
    sql`select message_id from (
          select message_id, claimed_at as at from messages where lead_id = ${leadId}::uuid and channel = 'email' and status = 'sent' and message_id is not null
          union all select message_id, received_at from inbound_messages where lead_id = ${leadId}::uuid and channel = 'email' and message_id is not null
          union all select message_id, created_at from inbox_replies where lead_id = ${leadId}::uuid and channel = 'email' and status = 'sent'
        ) x order by at`,
  );
  const references = ids.map((r) => r.message_id);
  const inReplyTo = channel === "email" ? (references.at(-1) ?? null) : null;
  const firstSubject = thread.items.find((i) => i.subject)?.subject ?? lastIn?.subject ?? "";
  const subject = channel === "email" ? `Re: ${firstSubject.replace(/^(re:\s*)+/i, "")}`.trim() : "";
  const id = randomUUID();
  const domain = (sender?.fromEmail ?? "sandbox.overture.local").split("@").pop();
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(inboxReplies)
    .values({
      id,
      workspaceId: actor.workspaceId,
      leadId,
      senderAccountId: sender?.id ?? null,
      channel,
      toAddress: channel === "email" ? lead.email : lead.linkedinUrl,
      subject,
      body: input.text,
      messageId: `<${id}@${domain}>`,
      inReplyTo,
      status: "sending",
      actor: actor.label,
      createdAt: now,
    })
    .returning();
  const pool = new ChannelPool(ctx);
  let error: string | null = null;
  // A LinkedIn answer goes through the connected account when there is one (a person wrote it, so
  // no pacing applies), else through the sandbox channel.
  const linkedin = channel === "linkedin" ? await linkedinAccountOf(ctx, actor.workspaceId) : null;
  try {
    if (linkedin && linkedin.status !== "ok")
      throw new Error(
        `the LinkedIn account is ${linkedin.status}: ${linkedin.pausedReason ?? "check it under Settings → Integrations"}`,
      );
    const out = linkedin
      ? linkedinChannelOf(ctx, linkedin, actor.workspaceId)
      : pool.for(sender ?? ({ id: "sandbox", kind: "sandbox" } as typeof senderAccounts.$inferSelect));
    await out.send({
      channel: channel === "email" ? "email" : "linkedin_message",
      messageId: row!.messageId,
      from: { name: sender?.fromName ?? "", email: sender?.fromEmail ?? "sandbox@overture.local" },
      to: {
        name: [lead.firstName, lead.lastName].filter(Boolean).join(" "),
        email: lead.email,
        linkedinUrl: lead.linkedinUrl,
        leadId,
      },
      subject,
      text: input.text,
      inReplyTo,
      references,
      unsubscribeUrl: null,
    });
  } catch (e) {
    error = (e as Error).message;
  } finally {
    await pool.close();
  }
  const [done] = await ctx.db
    .update(inboxReplies)
    .set(error ? { status: "failed", error } : { status: "sent", sentAt: ctx.clock.now() })
    .where(eq(inboxReplies.id, id))
    .returning();
  await ctx.db.transaction((tx) =>
    recordLeadEvents(tx, actor, ctx.clock.now(), [
      { leadId, type: "inbox_reply", data: { channel, subject, status: done!.status, error } },
    ]),
  );
  if (error) throw new AppError("upstream_failed", `the reply was not sent: ${error}`, { replyId: id });
  return done!;
}

/** Unread conversations, for the navigation badge. */
export async function unreadCount(ctx: AppContext, actor: Actor) {
  const [r] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(distinct (lead_id, channel))::int as n from inbound_messages
        where workspace_id = ${actor.workspaceId}::uuid and read_at is null and lead_id is not null`,
  );
  return r?.n ?? 0;
}
