import type { AppContext } from "../app/context";
import { pollInboxes } from "../app/outreach/pollInboxes";
import { runSchedulerOnce } from "../app/outreach/scheduler";
import { ChannelPool } from "../app/outreach/senderAccounts";

/**
 * The send loop of a worker process. Due sends are not jobs: the enrollments table is the schedule,
 * claimed with SKIP LOCKED, so any number of workers can run this loop side by side.
 */
export function startSchedulerLoop(ctx: AppContext, intervalMs = 5_000) {
  const pool = new ChannelPool(ctx);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    // Replies are read first, so a reply that has arrived stops the follow-ups due in the same pass.
    running = pollInboxes(ctx)
      .catch((e) => ctx.log.error({ err: e }, "inbox poll failed"))
      .then(() => runSchedulerOnce(ctx, pool))
      .then(() => undefined)
      .catch((e) => ctx.log.error({ err: e }, "scheduler pass failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    /** Finishes the pass in progress (sends already claimed are completed, not abandoned). */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await pool.close();
    },
  };
}
