import type { AppContext } from "../app/context";
import { pollLinkedInAcceptances } from "../app/integrations/pollLinkedInAcceptances";
import { runSchedulerOnce } from "../app/outreach/scheduler";
import { ChannelPool } from "../app/outreach/senderAccounts";
import { drainWebhooks } from "../app/webhooks/deliverWebhooks";
import { startInboxLoop } from "./inboxLoop";

/**
 * The send loop of a worker process (it also delivers due outbound webhooks), and beside it the
 * worker's inbox loop (`startInboxLoop`), which never blocks it. Due sends are not jobs: the
 * enrollments table is the schedule, claimed with SKIP LOCKED, so any number of workers can run this
 * loop side by side. `inboxes: false` leaves inboxes to other workers; `watchInboxes: false` reads
 * them by polling only.
 */
export function startSchedulerLoop(
  ctx: AppContext,
  intervalMs = 5_000,
  o: { watchInboxes?: boolean; inboxes?: boolean; inboxIntervalMs?: number } = {},
) {
  const pool = new ChannelPool(ctx);
  let stopped = false;
  let busy = false;
  let again = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  // New mail read after an IMAP IDLE wake-up starts a pass at once (or right after the one in progress).
  const wake = () => {
    if (stopped) return;
    if (busy) again = true;
    else {
      if (timer) clearTimeout(timer);
      tick();
    }
  };
  const inbox =
    o.inboxes === false
      ? null
      : startInboxLoop(ctx, { onMail: wake, watch: o.watchInboxes !== false, intervalMs: o.inboxIntervalMs });
  const tick = () => {
    busy = true;
    again = false;
    running = pollLinkedInAcceptances(ctx)
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
    wake,
    inbox,
    /**
     * Finishes the pass in progress (sends already claimed are completed, not abandoned); inbox reads
     * in progress are ended at once and their mailboxes given back.
     */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all([running, inbox?.stop()]);
      await pool.close();
    },
  };
}
