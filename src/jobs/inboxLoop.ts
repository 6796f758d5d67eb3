import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppContext } from "../app/context";
import { inboxWatchers } from "../app/outreach/inboxWatchers";
import { inboxLeaseMs, pollMailbox, sendersOf } from "../app/outreach/pollInboxes";
import { claimMailboxes, heldCursor, releaseMailboxes } from "../db/queries/mailboxLeases";

/** At most `n` holders at once; the others wait in arrival order. */
function slots(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      if (free > 0) free--;
      else await new Promise<void>((r) => waiting.push(r));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/**
 * The inbox half of a worker, apart from the send loop so that no inbox can hold up sending. Every
 * `intervalMs` it takes or renews the leases of the mailboxes it may hold (one worker per mailbox),
 * keeps an IDLE watch on exactly those, and reads each one that is not being read already, a few at
 * a time, each within its own deadline: a stalled server holds only its own mailbox. New mail
 * announced over IDLE is read at once and then `onMail` is called (the send loop runs a pass).
 */
export function startInboxLoop(
  ctx: AppContext,
  o: { onMail?: () => void; watch?: boolean; intervalMs?: number; owner?: string } = {},
) {
  const owner = o.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const intervalMs = o.intervalMs ?? ctx.config.inbox.pollSeconds * 1000;
  const abort = new AbortController();
  const limit = slots(ctx.config.inbox.concurrency);
  const reading = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const held = new Map<string, Awaited<ReturnType<typeof sendersOf>>[number]>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> = Promise.resolve();

  const read = (id: string, woken: boolean) => {
    if (stopped) return;
    if (reading.has(id)) {
      if (woken) again.add(id);
      return;
    }
    const p = (async () => {
      await limit.acquire();
      try {
        const acc = held.get(id);
        const cursor = acc && !stopped ? await heldCursor(ctx.db, id, owner, ctx.clock.now()) : null;
        if (!acc || !cursor) return;
        await pollMailbox(ctx, acc, cursor, owner, abort.signal);
      } finally {
        limit.release();
      }
      // A reply read now stops its follow-ups; the pass after it sends whatever is due meanwhile.
      if (woken && !stopped) o.onMail?.();
    })()
      .catch((e) => ctx.log.error({ err: e, sender: id }, "inbox read failed"))
      .finally(() => {
        reading.delete(id);
        if (again.delete(id)) read(id, true);
      });
    reading.set(id, p);
  };
  const watchers = o.watch === false ? null : inboxWatchers(ctx, (id) => read(id, true));

  const tick = async () => {
    const now = ctx.clock.now();
    const leased = await claimMailboxes(ctx.db, {
      owner,
      now,
      until: new Date(now.getTime() + inboxLeaseMs(ctx)),
      limit: 10_000,
    });
    const accounts = await sendersOf(
      ctx,
      leased.map((l) => l.senderAccountId),
    );
    held.clear();
    for (const a of accounts) held.set(a.id, a);
    if (stopped) return;
    await watchers?.sync(accounts);
    for (const id of held.keys()) read(id, false);
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      ticking = tick()
        .catch((e) => ctx.log.error({ err: e }, "inbox leases not renewed"))
        .finally(() => schedule(intervalMs));
    }, ms);
  };
  schedule(0);

  return {
    owner,
    /** The mailboxes this worker holds now. */
    held: () => [...held.keys()],
    /** How many IDLE connections this worker keeps (one per mailbox it holds). */
    watching: () => watchers?.count() ?? 0,
    /**
     * Ends reads in progress at once (a stalled server is not waited for), closes the IDLE
     * connections and gives the leases back so another worker takes the mailboxes over now.
     */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      abort.abort();
      await ticking;
      await watchers?.stop();
      await Promise.allSettled([...reading.values()]);
      await releaseMailboxes(ctx.db, owner).catch((e) =>
        ctx.log.warn({ err: e }, "inbox leases not released; they expire"),
      );
    },
  };
}
