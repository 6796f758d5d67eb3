import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { fetchNewMessages } from "../../channels/email/imapMailbox";
import { parseBounce, parseHeaders } from "../../domain/inbound";
import { inboundMessages, leads, mailboxCursors, messages, senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";
import { recordInboundMessage } from "./inbound";

const ids = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v ? v.split(/\s+/) : [])
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (x.startsWith("<") ? x : `<${x}>`));

/**
 * Reads every sender inbox that has IMAP settings and records what prospects sent: matched to the
 * enrollment by In-Reply-To/References (our Message-IDs), else to the lead by sender address.
 */
export async function pollInboxes(ctx: AppContext) {
  const accounts = await ctx.db
    .select()
    .from(senderAccounts)
    .where(and(eq(senderAccounts.kind, "smtp"), isNotNull(senderAccounts.imapHost)));
  let recorded = 0;
  for (const acc of accounts) {
    const [cursor] = await ctx.db
      .select()
      .from(mailboxCursors)
      .where(eq(mailboxCursors.senderAccountId, acc.id));
    try {
      const { validity, messages: fetched } = await fetchNewMessages(
        {
          host: acc.imapHost!,
          port: acc.imapPort ?? 993,
          secure: acc.imapSecure,
          user: acc.imapUser ?? acc.fromEmail,
          password: acc.imapPasswordEnc ? ctx.secrets.decrypt(acc.imapPasswordEnc) : "",
        },
        cursor?.lastUid ?? 0,
        cursor?.uidValidity ?? null,
      );
      let lastUid = cursor && cursor.uidValidity === validity ? cursor.lastUid : 0;
      for (const f of fetched) {
        recorded += await recordFetched(ctx, acc, f.source);
        lastUid = Math.max(lastUid, f.uid);
      }
      await ctx.db
        .insert(mailboxCursors)
        .values({
          senderAccountId: acc.id,
          uidValidity: validity,
          lastUid,
          lastPolledAt: ctx.clock.now(),
          lastError: null,
        })
        .onConflictDoUpdate({
          target: mailboxCursors.senderAccountId,
          set: { uidValidity: validity, lastUid, lastPolledAt: ctx.clock.now(), lastError: null },
        });
    } catch (e) {
      ctx.log.warn({ err: e, sender: acc.id }, "inbox poll failed");
      await ctx.db
        .insert(mailboxCursors)
        .values({
          senderAccountId: acc.id,
          uidValidity: cursor?.uidValidity ?? "",
          lastUid: cursor?.lastUid ?? 0,
          lastPolledAt: ctx.clock.now(),
          lastError: (e as Error).message,
        })
        .onConflictDoUpdate({
          target: mailboxCursors.senderAccountId,
          set: { lastPolledAt: ctx.clock.now(), lastError: (e as Error).message },
        });
    }
  }
  return recorded;
}

async function recordFetched(
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
