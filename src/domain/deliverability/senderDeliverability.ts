import { DateTime } from "luxon";
import { effectiveDailyCap } from "../schedule/senderPacing";

/** Bounce classes a deliverability chart shows, each its own series (the rest are not failures). */
export const CHARTED_BOUNCES = ["permanent", "temporary", "policy", "undetermined"] as const;
export type ChartedBounce = (typeof CHARTED_BOUNCES)[number];

export type DeliverabilityDay = {
  day: string;
  sent: number;
  bounced: Record<ChartedBounce, number>;
  complaints: number;
  replies: number;
};

/** One count of one thing on one local day, as the database groups it. */
export type DayCount = { day: string; n: number };

/** The `count` local days ending today in `zone`, oldest first, as YYYY-MM-DD. */
export function lastDays(nowMs: number, zone: string, count: number): string[] {
  const today = DateTime.fromMillis(nowMs, { zone }).startOf("day");
  return Array.from({ length: count }, (_, i) => today.minus({ days: count - 1 - i }).toISODate()!);
}

/**
 * Every day of the window, zeros where nothing happened, so a chart has one point per day. Counts
 * outside the window (the query's edges) are dropped rather than shifted onto a neighbour.
 */
export function deliverabilityDays(
  days: string[],
  c: {
    sent: DayCount[];
    bounced: (DayCount & { bounceClass: string })[];
    complaints: DayCount[];
    replies: DayCount[];
  },
): DeliverabilityDay[] {
  const byDay = new Map<string, DeliverabilityDay>(
    days.map((day) => [
      day,
      {
        day,
        sent: 0,
        bounced: { permanent: 0, temporary: 0, policy: 0, undetermined: 0 },
        complaints: 0,
        replies: 0,
      },
    ]),
  );
  const add = (rows: DayCount[], key: "sent" | "complaints" | "replies") => {
    for (const r of rows) {
      const d = byDay.get(r.day);
      if (d) d[key] += r.n;
    }
  };
  add(c.sent, "sent");
  add(c.complaints, "complaints");
  add(c.replies, "replies");
  for (const r of c.bounced) {
    const d = byDay.get(r.day);
    if (d && (CHARTED_BOUNCES as readonly string[]).includes(r.bounceClass))
      d.bounced[r.bounceClass as ChartedBounce] += r.n;
  }
  return days.map((d) => byDay.get(d)!);
}

export type RampInput = {
  dailyCap: number;
  rampStartCap: number | null;
  rampPerDay: number | null;
  createdAtMs: number;
};

/**
 * The warm-up as the scheduler applies it (effectiveDailyCap, days counted from the sender's
 * creation): today's cap, the day the full cap is first allowed, and the cap on each day from the
 * first to that day. Without a ramp the full cap holds from the start and the curve is empty.
 */
export function rampCurve(s: RampInput, nowMs: number, zone: string) {
  const perDay = s.rampPerDay ?? 5;
  const pacing = {
    dailyCap: s.dailyCap,
    minGapSeconds: 0,
    jitterSeconds: 0,
    rampUp: s.rampStartCap ? { startCap: s.rampStartCap, perDay } : null,
  };
  const todayCap = effectiveDailyCap(pacing, (nowMs - s.createdAtMs) / 86_400_000);
  if (!pacing.rampUp)
    return { startCap: null, perDay: null, dailyCap: s.dailyCap, todayCap, fullCapOn: null, curve: [] };
  const rampDays = Math.max(0, Math.ceil((s.dailyCap - pacing.rampUp.startCap) / perDay));
  const dayOf = (d: number) => DateTime.fromMillis(s.createdAtMs + d * 86_400_000, { zone }).toISODate()!;
  // A very slow ramp is shown up to a year; the full-cap date is still exact.
  const curve = Array.from({ length: Math.min(rampDays, 365) + 1 }, (_, d) => ({
    day: dayOf(d),
    cap: effectiveDailyCap(pacing, d),
  }));
  return {
    startCap: pacing.rampUp.startCap,
    perDay,
    dailyCap: s.dailyCap,
    todayCap,
    fullCapOn: dayOf(rampDays),
    curve,
  };
}
