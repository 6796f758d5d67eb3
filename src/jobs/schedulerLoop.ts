import type { AppContext } from "../app/context";
import { pollLinkedInAcceptances } from "../app/integrations/pollLinkedInAcceptances";
import { inboxWatchers } from "../app/outreach/inboxWatchers";
import { pollInboxes } from "../app/outreach/pollInboxes";
import { runSchedulerOnce } from "../app/outreach/scheduler";
import { ChannelPool } from "../app/outreach/senderAccounts";
import { drainWebhooks } from "../app/webhooks/deliverWebhooks";

/**
 * The send loop of a worker process (it also delivers due outbound webhooks). Due sends are not jobs: the enrollments table is the schedule,
 * claimed with SKIP LOCKED, so any number of workers can run this loop side by side.
 */
export function startSchedulerLoop(ctx: AppContext, intervalMs = 5_000, o: { watchInboxes?: boolean } = {}) {
  const pool = new ChannelPool(ctx);
  let stopped = false;
  let busy = false;
  let again = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  // New mail announced over IMAP IDLE starts a pass at once (or right after the one in progress).
  const wake = () => {
    if (stopped) return;
    if (busy) again = true;
    else {
      if (timer) clearTimeout(timer);
      tick();
    }
  };
  const watchers = o.watchInboxes === false ? null : inboxWatchers(ctx, wake);
  const tick = () => {
    busy = true;
    again = false;
    // Replies are read first, so a reply that has arrived stops the follow-ups due in the same pass.
    running = (watchers?.sync() ?? Promise.resolve())
      .catch((e) => ctx.log.warn({ err: e }, "inbox watchers not refreshed"))
      .then(() => pollInboxes(ctx))
      .catch((e) => ctx.log.error({ err: e }, "inbox poll failed"))
      .then(() => pollLinkedInAcceptances(ctx))
      .catch((e) => ctx.log.error({ err: e }, "LinkedIn acceptance poll failed"))
      .then(() =>
        Promise.all([
          runSchedulerOnce(ctx, pool),
          drainWebhooks(ctx).catch((e) => ctx.log.error({ err: e }, "webhook delivery failed")),
        ]),
      )
      .then(() => undefined)
      .catch((e) => ctx.log.error({ err: e }, "scheduler pass failed"))
      .finally(() => {
        busy = false;
        if (stopped) return;
        if (again) tick();
        else timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    /** Finishes the pass in progress (sends already claimed are completed, not abandoned). */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await watchers?.stop();
      await pool.close();
    },
  };
}
