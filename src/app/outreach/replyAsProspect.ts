import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { messages, outreachEmails } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { recordInboundMessage } from "./inbound";

/**
 * The sandbox mailbox's "answer as the prospect": a reply (or an out-of-office) to a sequence step or
 * to an email sent from the Emails page, recorded by the same inbound path as real mail. With an
 * idempotency key the reply has a stable Message-ID, which the inbound path records once: a
 * double-click records one reply and answers the same.
 */
export async function replyAsProspect(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { text: string; autoReply: boolean },
  key?: string,
) {
  if (key && (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)))
    throw new AppError("validation", "the Idempotency-Key header must be 1-200 visible ASCII characters");
  const [m] = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.workspaceId, actor.workspaceId)));
  const [o] = m
    ? []
    : await ctx.db
        .select()
        .from(outreachEmails)
        .where(and(eq(outreachEmails.id, id), eq(outreachEmails.workspaceId, actor.workspaceId)));
  if (!m && !o) throw new AppError("not_found", "no such message in this workspace");
  const sent = m ?? {
    id: o!.id,
    leadId: o!.leadId,
    enrollmentId: null,
    channel: "email",
    toAddress: o!.toAddress,
    subject: o!.subject,
    messageId: o!.messageId,
  };
  const r = await recordInboundMessage(ctx, {
    workspaceId: actor.workspaceId,
    messageId: key ? `<sandbox-reply-${sent.id}-${key}@sandbox.overture.local>` : null,
    leadId: sent.leadId,
    enrollmentId: sent.enrollmentId,
    channel: sent.channel === "email" ? "email" : "linkedin",
    from: sent.toAddress ?? "",
    subject: body.autoReply ? `Out of office: ${sent.subject}` : `Re: ${sent.subject}`,
    text: body.text,
    headers: body.autoReply ? { "auto-submitted": "auto-replied" } : {},
    inReplyTo: sent.messageId,
  });
  return { kind: r.kind, reason: r.reason };
}
