import { and, eq, inArray, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { parseBounce, parseHeaders } from "../../domain/inbound";
import { inboundMessages, leads, messages, senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";
import { recordInboundMessage } from "./inbound";

const ids = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v ? v.split(/\s+/) : [])
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (x.startsWith("<") ? x : `<${x}>`));

/**
 * One message read from a sender's inbox: matched to the enrollment by In-Reply-To/References (our
 * Message-IDs), else to the lead by sender address, then recorded. Returns 1 when recorded.
 */
export async function recordFetchedEmail(
  ctx: AppContext,
  acc: typeof senderAccounts.$inferSelect,
  source: Buffer,
): Promise<number> {
  const mail = await simpleParser(source);
  const messageId = mail.messageId
    ? mail.messageId.startsWith("<")
      ? mail.messageId
      : `<${mail.messageId}>`
    : null;
  if (messageId) {
    const [seen] = await ctx.db
      .select({ id: inboundMessages.id })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.workspaceId, acc.workspaceId), eq(inboundMessages.messageId, messageId)));
    if (seen) return 0;
  }
  // Our own header reader keeps parameters (report-type=delivery-status) that mailparser folds away.
  const headers = parseHeaders(source);
  const refs = [...ids(mail.inReplyTo), ...ids(mail.references as string | string[] | undefined)];
  // A bounce report names the message it is about in its message/rfc822 (or headers) part.
  const bounceRef = parseBounce(source)?.originalMessageId;
  if (bounceRef) refs.push(bounceRef);
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? "";
  let match: { leadId: string; enrollmentId: string | null } | null = null;
  if (refs.length) {
    const [m] = await ctx.db
      .select({ leadId: messages.leadId, enrollmentId: messages.enrollmentId })
      .from(messages)
      .where(and(eq(messages.workspaceId, acc.workspaceId), inArray(messages.messageId, refs)))
      .limit(1);
    if (m) match = m;
  }
  if (!match && from) {
    const [l] = await ctx.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.workspaceId, acc.workspaceId), sql`${leads.email} = ${from}`));
    if (l) match = { leadId: l.id, enrollmentId: null };
  }
  if (!match) return 0;
  await recordInboundMessage(ctx, {
    workspaceId: acc.workspaceId,
    leadId: match.leadId,
    enrollmentId: match.enrollmentId,
    channel: "email",
    from,
    subject: mail.subject ?? "",
    text: (mail.text ?? "").slice(0, 20000),
    headers,
    raw: source,
    messageId,
    inReplyTo: refs[0] ?? null,
    ourAddresses: [acc.fromEmail],
  });
  return 1;
}
