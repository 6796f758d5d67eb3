import { and, eq, isNotNull } from "drizzle-orm";
import { watchInbox } from "../../channels/email/imapMailbox";
import { senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";

type Watch = { key: string; stop(): Promise<void> };

/**
 * One IDLE connection per sender inbox, so a reply wakes the worker at once instead of waiting for
 * the next poll. `sync` is called on every scheduler pass: it opens watches for new or changed
 * accounts and closes those of deleted ones.
 */
export function inboxWatchers(ctx: AppContext, wake: () => void) {
  const watches = new Map<string, Watch>();
  return {
    async sync() {
      const accounts = await ctx.db
        .select()
        .from(senderAccounts)
        .where(and(eq(senderAccounts.kind, "smtp"), isNotNull(senderAccounts.imapHost)));
      const seen = new Set<string>();
      for (const acc of accounts) {
        seen.add(acc.id);
        const settings = {
          host: acc.imapHost!,
          port: acc.imapPort ?? 993,
          secure: acc.imapSecure,
          user: acc.imapUser ?? acc.fromEmail,
          password: acc.imapPasswordEnc ? ctx.secrets.decrypt(acc.imapPasswordEnc) : "",
        };
        const key = JSON.stringify(settings);
        const current = watches.get(acc.id);
        if (current?.key === key) continue;
        await current?.stop();
        const w = watchInbox(settings, wake, (e) => ctx.log.debug({ err: e, sender: acc.id }, "inbox watch"));
        watches.set(acc.id, { key, stop: w.stop });
      }
      for (const [id, w] of watches)
        if (!seen.has(id)) {
          watches.delete(id);
          await w.stop();
        }
    },
    async stop() {
      await Promise.all([...watches.values()].map((w) => w.stop()));
      watches.clear();
    },
  };
}
