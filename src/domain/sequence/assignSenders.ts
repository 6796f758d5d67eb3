/** A sender of a sequence's rotation as assignment sees it: its order, today's cap, and whether it sends. */
export type RotationSender = { id: string; position: number; capToday: number; paused: boolean };

/**
 * The sender of each of `count` leads entering a sequence, in the leads' order. Leads are shared in
 * proportion to the senders' caps today (largest remainder, so the counts add up exactly and the
 * sequence's daily volume is the sum of its senders' caps), interleaved so the leads due first are
 * spread over every sender rather than all given to one. A paused sender takes no new leads, unless
 * every sender is paused (then the leads wait for whichever resumes first, shared as if none were).
 * Ties go to the earlier position. Deterministic: the same input gives the same answer.
 */
export function assignSenders(senders: RotationSender[], count: number): string[] {
  const active = senders.filter((s) => !s.paused);
  const pool = [...(active.length ? active : senders)].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  if (!pool.length || count <= 0) return [];
  const caps = pool.map((s) => Math.max(0, Math.floor(s.capToday)));
  const weights = caps.some((c) => c > 0) ? caps : caps.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  // Largest remainder, in integers: sender j's exact share is weights[j] * count / total.
  const targets = weights.map((w) => Math.floor((w * count) / total));
  const byRemainder = weights
    .map((w, j) => ({ j, rest: (w * count) % total }))
    .sort((a, b) => b.rest - a.rest || a.j - b.j);
  for (let k = 0; k < count - targets.reduce((a, b) => a + b, 0); k++) targets[byRemainder[k]!.j]! += 1;
  // Interleave: each next lead goes to the sender furthest behind its share so far.
  const given = pool.map(() => 0);
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    let best = -1;
    let bestLag = -Infinity;
    for (let j = 0; j < pool.length; j++) {
      if (given[j]! >= targets[j]!) continue;
      const lag = targets[j]! * i - given[j]! * count;
      if (lag > bestLag) [best, bestLag] = [j, lag];
    }
    given[best]! += 1;
    out.push(pool[best]!.id);
  }
  return out;
}
