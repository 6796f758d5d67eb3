import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { PermanentSendError } from "../../channels/channel";
import { AppError } from "../../domain/appError";
import { isBlocked } from "../../domain/blocking/isBlocked";
import { findPlaceholders } from "../../domain/messages/renderTemplate";
import { leads, outreachEmails, senderAccounts, suppressions } from "../../db/schema";
import { loadBlocklist } from "../blocklist/blocklist";
import type { Actor, AppContext } from "../context";
import { advanceStatus } from "../leads/advanceStatus";
import { recordLeadEvents } from "../leads/leadEvents";
import { linkBaseFor } from "../senders/trackingDomain";
import { composeEmail } from "../outreach/scheduler/composeEmail";
import { ChannelPool, getSenderRow } from "../outreach/senderAccounts";

export async function listOutreachEmails(ctx: AppContext, actor: Actor, status?: string) {
  return ctx.db
    .select({
      id: outreachEmails.id,
      leadId: outreachEmails.leadId,
      auditId: outreachEmails.auditId,
      toAddress: outreachEmails.toAddress,
      subject: outreachEmails.subject,
      body: outreachEmails.body,
      hook: outreachEmails.hook,
      status: outreachEmails.status,
      writebackStatus: outreachEmails.writebackStatus,
      error: outreachEmails.error,
      createdAt: outreachEmails.createdAt,
      sentAt: outreachEmails.sentAt,
      firstName: leads.firstName,
      lastName: leads.lastName,
      company: leads.company,
    })
    .from(outreachEmails)
    .innerJoin(leads, eq(leads.id, outreachEmails.leadId))
    .where(
      and(
        eq(outreachEmails.workspaceId, actor.workspaceId),
        status ? eq(outreachEmails.status, status as "draft") : undefined,
      ),
    )
    .orderBy(desc(outreachEmails.createdAt), asc(outreachEmails.id))
    .limit(500);
}

export async function getOutreachEmail(ctx: AppContext, actor: Actor, id: string) {
  const [e] = await ctx.db
    .select()
    .from(outreachEmails)
    .where(and(eq(outreachEmails.id, id), eq(outreachEmails.workspaceId, actor.workspaceId)));
  if (!e) throw new AppError("not_found", "no such email in this workspace");
  return e;
}

/** Edits a draft; a sent email is history and stays as it went out. */
export async function updateOutreachEmail(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { subject?: string; body?: string },
) {
  const e = await getOutreachEmail(ctx, actor, id);
  if (!["draft", "approved", "failed"].includes(e.status))
    throw new AppError("conflict", `this email is ${e.status}; it can no longer be edited`);
  const [row] = await ctx.db
    .update(outreachEmails)
    .set({ ...patch, updatedAt: ctx.clock.now() })
    .where(eq(outreachEmails.id, id))
    .returning();
  return row!;
}

/**
 * "Approve & send": a person approved this exact text. It is claimed (draft → sending) in one
 * conditional update, so two clicks or two tabs cannot send it twice; the lead's reply, unsubscribe
 * and blocklist state are checked first, and nothing goes out with a {{placeholder}} left in it.
 */
export async function approveAndSend(ctx: AppContext, actor: Actor, id: string, senderAccountId?: string) {
  const e = await getOutreachEmail(ctx, actor, id);
  // Sent (or being sent) already: a second "Approve & send" answers the first one's result, it sends nothing.
  if (e.status === "sent" || e.status === "sending") return e;
  const [lead] = await ctx.db.select().from(leads).where(eq(leads.id, e.leadId));
  if (!lead?.email) throw new AppError("validation", "the lead has no email address", { field: "toAddress" });
  const left = [...findPlaceholders(e.subject), ...findPlaceholders(e.body)];
  if (left.length)
    throw new AppError("validation", `fill or remove ${left.map((p) => `{{${p}}}`).join(", ")} first`);
  if (["replied", "converted", "unsubscribed", "bounced"].includes(lead.status))
    throw new AppError("conflict", `the lead is ${lead.status.replace("_", " ")}; nothing is sent`);
  const block = isBlocked(lead, await loadBlocklist(ctx, actor.workspaceId));
  if (block.blocked) throw new AppError("conflict", `the lead is blocked (${block.reason})`);
  const [suppressed] = await ctx.db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.workspaceId, actor.workspaceId), eq(suppressions.email, lead.email)));
  if (suppressed) throw new AppError("conflict", "this address unsubscribed; nothing is sent");
  const sender = senderAccountId
    ? await getSenderRow(ctx, actor.workspaceId, senderAccountId)
    : (
        await ctx.db
          .select()
          .from(senderAccounts)
          .where(eq(senderAccounts.workspaceId, actor.workspaceId))
          .orderBy(asc(senderAccounts.createdAt))
          .limit(1)
      )[0];
  if (!sender) throw new AppError("conflict", "add a sender account first (Settings → Senders)");
  const now = ctx.clock.now();
  const messageId = `<${randomUUID()}@${sender.fromEmail.split("@")[1]}>`;
  const claimed = await ctx.db
    .update(outreachEmails)
    .set({
      status: "sending",
      senderAccountId: sender.id,
      messageId,
      approvedAt: now,
      updatedAt: now,
      toAddress: lead.email,
    })
    .where(and(eq(outreachEmails.id, id), inArray(outreachEmails.status, ["draft", "approved", "failed"])))
    .returning();
  if (!claimed.length) {
    const now = await getOutreachEmail(ctx, actor, id);
    if (now.status === "sent" || now.status === "sending") return now;
    throw new AppError("conflict", `this email is already ${now.status}`);
  }
  const content = composeEmail(
    ctx,
    { id: e.id, workspaceId: e.workspaceId, leadId: e.leadId, body: e.body },
    { trackOpens: false, trackClicks: false, linkBase: linkBaseFor(ctx, sender) },
  );
  const pool = new ChannelPool(ctx);
  try {
    await pool.for(sender).send({
      channel: "email",
      messageId,
      from: { name: sender.fromName, email: sender.fromEmail },
      to: {
        name: [lead.firstName, lead.lastName].filter(Boolean).join(" "),
        email: lead.email,
        linkedinUrl: null,
      },
      subject: e.subject,
      text: content.text,
      html: null,
      inReplyTo: null,
      references: [],
      unsubscribeUrl: content.unsubscribeUrl,
    });
  } catch (err) {
    // A refusal is 'failed' (can be retried after fixing); anything else may have been delivered.
    const status = err instanceof PermanentSendError ? "failed" : "uncertain";
    await ctx.db
      .update(outreachEmails)
      .set({ status, error: (err as Error).message, updatedAt: ctx.clock.now() })
      .where(eq(outreachEmails.id, id));
    throw new AppError(
      "conflict",
      `not sent: ${(err as Error).message}${status === "uncertain" ? " (it may have been delivered; check before sending again)" : ""}`,
    );
  } finally {
    await pool.close();
  }
  const sentAt = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(outreachEmails)
      .set({ status: "sent", sentAt, error: null, updatedAt: sentAt })
      .where(eq(outreachEmails.id, id))
      .returning();
    await advanceStatus(tx, [lead.id], "email_sent", sentAt);
    await recordLeadEvents(tx, actor, sentAt, [
      {
        leadId: lead.id,
        type: "message_sent",
        data: { channel: "email", subject: e.subject, messageId, emailId: id },
      },
    ]);
    return row!;
  });
}
