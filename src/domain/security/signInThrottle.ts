/**
 * Growing delays after failed sign-ins. An account gets a few free mistakes, a client address
 * (which may be an office behind one NAT) more; after that each failure doubles the wait, up to a
 * cap. Failures older than the window are forgotten, so a person who mistyped yesterday starts
 * fresh.
 */
export type ThrottlePolicy = { freeFailures: number; baseDelayMs: number; maxDelayMs: number };

export const accountPolicy: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };
export const clientPolicy: ThrottlePolicy = { freeFailures: 20, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };
export const FAILURE_WINDOW_MS = 60 * 60_000;

/** How long sign-ins wait after the n-th consecutive failure (0 while still free). */
export function delayAfterFailures(failures: number, p: ThrottlePolicy): number {
  if (failures < p.freeFailures) return 0;
  const doublings = Math.min(failures - p.freeFailures, 30);
  return Math.min(p.baseDelayMs * 2 ** doublings, p.maxDelayMs);
}

/** "in 2 minutes" / "in 8 seconds": what the person reads in the 429. */
export function retryPhrase(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 90) return `in ${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return `in ${m} minute${m === 1 ? "" : "s"}`;
}
