export type Pacing = {
  dailyCap: number;
  minGapSeconds: number;
  /** Extra random wait in [0, jitterSeconds) after the minimum gap, so sends never form a pattern. */
  jitterSeconds: number;
  /** Optional warm-up: the cap starts at `startCap` and grows by `perDay` until it reaches `dailyCap`. */
  rampUp: { startCap: number; perDay: number } | null;
};

export function effectiveDailyCap(p: Pacing, daysSinceStart: number): number {
  if (!p.rampUp) return p.dailyCap;
  return Math.min(p.dailyCap, p.rampUp.startCap + Math.max(0, Math.floor(daysSinceStart)) * p.rampUp.perDay);
}

/** What today's cap of a sender depends on: its full cap, its optional warm-up, and its age. */
export type SenderCapSettings = {
  dailyCap: number;
  rampStartCap: number | null;
  rampPerDay: number | null;
  createdAtMs: number;
};

/** A sender's cap today as the scheduler applies it: the warm-up counted in days from its creation. */
export const senderCapToday = (s: SenderCapSettings, nowMs: number) =>
  effectiveDailyCap(
    {
      dailyCap: s.dailyCap,
      minGapSeconds: 0,
      jitterSeconds: 0,
      rampUp: s.rampStartCap ? { startCap: s.rampStartCap, perDay: s.rampPerDay ?? 5 } : null,
    },
    (nowMs - s.createdAtMs) / 86_400_000,
  );

/**
 * The earliest moment a sender may send again: never before `due`, at least the gap (plus jitter)
 * after its previous send, and null once today's cap is used (the scheduler retries tomorrow).
 * Because each send pushes the next one back by gap + jitter, a batch due at 09:00 spreads
 * through the morning instead of leaving in one burst.
 */
export function nextSendSlot(
  o: {
    dueMs: number;
    lastSentMs: number | null;
    sentToday: number;
    cap: number;
    minGapSeconds: number;
    jitterSeconds: number;
  },
  random: () => number,
): number | null {
  if (o.sentToday >= o.cap) return null;
  if (o.lastSentMs === null) return o.dueMs;
  const gap = (o.minGapSeconds + random() * o.jitterSeconds) * 1000;
  return Math.max(o.dueMs, Math.round(o.lastSentMs + gap));
}
