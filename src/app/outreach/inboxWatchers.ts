import { watchInbox } from "../../channels/email/imapMailbox";
import type { senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";
import { imapSettingsOf } from "./pollInboxes";

type Watch = { key: string; stop(): Promise<void> };

/**
 * One IDLE connection per inbox this worker holds, so a reply wakes it at once instead of waiting
 * for the next poll. `sync` is given the mailboxes held now: it opens watches for new or changed
 * ones and closes those of mailboxes given up, deleted or taken over by another worker.
 */
export function inboxWatchers(ctx: AppContext, onNew: (senderAccountId: string) => void) {
  const watches = new Map<string, Watch>();
  const timeouts = { deadlineMs: ctx.config.inbox.timeoutSeconds * 1000 };
  return {
    async sync(held: (typeof senderAccounts.$inferSelect)[]) {
      const seen = new Set<string>();
      for (const acc of held) {
        seen.add(acc.id);
        const settings = imapSettingsOf(ctx, acc);
        const key = JSON.stringify(settings);
        const current = watches.get(acc.id);
        if (current?.key === key) continue;
        await current?.stop();
        const w = watchInbox(
          settings,
          timeouts,
          () => onNew(acc.id),
          (e) => ctx.log.debug({ err: e, sender: acc.id }, "inbox watch"),
        );
        watches.set(acc.id, { key, stop: w.stop });
      }
      const gone = [...watches].filter(([id]) => !seen.has(id));
      for (const [id] of gone) watches.delete(id);
      await Promise.all(gone.map(([, w]) => w.stop()));
    },
    count: () => watches.size,
    async stop() {
      await Promise.all([...watches.values()].map((w) => w.stop()));
      watches.clear();
    },
  };
}
