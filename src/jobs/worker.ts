import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AppContext } from "../app/context";
import * as q from "../db/queries/jobQueries";
import { backoffMs } from "./backoff";
import type { JobDefinition } from "./defineJob";

export type Worker = {
  id: string;
  stop(graceMs?: number): Promise<void>;
  wake(): void;
  idle(): Promise<void>;
};

type Options = { concurrency?: number; pollMs?: number; heartbeatMs?: number; leaseMs?: number };

/**
 * Claims jobs with SKIP LOCKED, runs them with a renewed lease, retries failures with backoff,
 * and on stop finishes or releases what it holds. Several workers (processes) may run at once.
 */
export function startWorker(ctx: AppContext, defs: JobDefinition[], opts: Options = {}): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byKind = new Map(defs.map((d) => [d.kind, d]));
  const concurrency = opts.concurrency ?? ctx.config.workerConcurrency;
  const leaseMs = opts.leaseMs ?? ctx.config.jobLeaseSeconds * 1000;
  const pollMs = opts.pollMs ?? 250;
  const abort = new AbortController();
  const running = new Map<number, Promise<void>>();
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let loop: Promise<void> = Promise.resolve();
  let idleWaiters: (() => void)[] = [];
  const now = () => ctx.clock.now();

  async function runOne(job: q.JobRow) {
    const def = byKind.get(job.kind)!;
    const renew = setInterval(
      () => {
        q.renewLease(ctx.db, job.id, id, new Date(now().getTime() + leaseMs), now()).catch(() => {});
      },
      Math.max(1000, leaseMs / 3),
    );
    let lastProgressAt = 0;
    try {
      if (job.attempts > job.maxAttempts)
        throw new Error(`gave up after ${job.maxAttempts} attempts (lease expired)`);
      const envelope = job.payload as { v: number; data: unknown };
      if (envelope.v !== def.version) throw new Error(`payload version ${envelope.v} is not ${def.version}`);
      const payload = def.payload.parse(envelope.data);
      const result = await def.handler(ctx, payload, {
        jobId: job.id,
        workspaceId: job.workspaceId,
        attempt: job.attempts,
        signal: abort.signal,
        async progress(done, total) {
          const t = Date.now();
          if (t - lastProgressAt < 200 && (total == null || done < total)) return;
          lastProgressAt = t;
          await q.setProgress(ctx.db, job.id, id, done, total ?? null, now());
        },
      });
      await q.completeJob(ctx.db, job.id, id, result, now());
    } catch (e) {
      if (stopping && abort.signal.aborted) {
        await q.releaseJob(ctx.db, job.id, id, now()).catch(() => {});
      } else {
        const msg = e instanceof Error ? e.message : String(e);
        const retry =
          job.attempts < job.maxAttempts ? new Date(now().getTime() + backoffMs(job.attempts)) : null;
        ctx.log.warn(
          { jobId: job.id, kind: job.kind, attempt: job.attempts, err: msg, retry: !!retry },
          "job failed",
        );
        await q.failJob(ctx.db, job.id, id, msg, retry, now()).catch(() => {});
      }
    } finally {
      clearInterval(renew);
    }
  }

  async function tick() {
    const free = concurrency - running.size;
    if (free <= 0 || stopping) return;
    const claimed = await q.claimJobs(ctx.db, {
      kinds: [...byKind.keys()],
      workerId: id,
      now: now(),
      leaseMs,
      limit: free,
    });
    for (const job of claimed) {
      const p = runOne(job).finally(() => {
        running.delete(job.id);
        wake();
      });
      running.set(job.id, p);
    }
    if (!claimed.length && !running.size) {
      for (const w of idleWaiters) w();
      idleWaiters = [];
    }
  }

  function schedule(delay: number) {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      loop = loop
        .then(tick)
        .catch((e) => ctx.log.error({ err: e }, "worker tick failed"))
        .then(() => schedule(pollMs));
    }, delay);
  }

  function wake() {
    schedule(0);
  }

  const hb = setInterval(() => q.beat(ctx.db, id, now()).catch(() => {}), opts.heartbeatMs ?? 5000);
  q.beat(ctx.db, id, now()).catch(() => {});
  schedule(0);

  return {
    id,
    wake,
    /** Resolves once the queue has nothing due for this worker and nothing is running. */
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      }),
    async stop(graceMs = 10_000) {
      stopping = true;
      if (timer) clearTimeout(timer);
      clearInterval(hb);
      await loop.catch(() => {});
      const all = Promise.allSettled([...running.values()]);
      const grace = new Promise((r) => setTimeout(r, graceMs).unref());
      await Promise.race([all, grace]);
      abort.abort();
      await all;
      await q.removeHeartbeat(ctx.db, id).catch(() => {});
    },
  };
}
