import { and, eq, isNotNull } from "drizzle-orm";
import { fetchNewMessages } from "../../channels/email/imapMailbox";
import { mailboxCursors, senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";
import { recordFetchedEmail } from "./recordFetchedEmail";

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
        recorded += await recordFetchedEmail(ctx, acc, f.source);
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
