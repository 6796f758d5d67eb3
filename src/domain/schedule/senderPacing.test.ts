import { describe, expect, it } from "vitest";
import { effectiveDailyCap, nextSendSlot } from "./senderPacing";

describe("sender pacing", () => {
  it("ramps the cap up day by day to the configured maximum", () => {
    const p = { dailyCap: 50, minGapSeconds: 60, jitterSeconds: 0, rampUp: { startCap: 10, perDay: 5 } };
    expect([0, 1, 4, 8, 30].map((d) => effectiveDailyCap(p, d))).toEqual([10, 15, 30, 50, 50]);
    expect(effectiveDailyCap({ ...p, rampUp: null }, 0)).toBe(50);
  });

  it("spaces sends by the gap plus jitter and stops at the cap", () => {
    const due = Date.parse("2026-03-09T14:00:00Z");
    const base = { dueMs: due, sentToday: 0, cap: 3, minGapSeconds: 120, jitterSeconds: 60 };
    expect(nextSendSlot({ ...base, lastSentMs: null }, () => 0.5)).toBe(due);
    expect(nextSendSlot({ ...base, lastSentMs: due }, () => 0.5)).toBe(due + 150_000);
    expect(nextSendSlot({ ...base, lastSentMs: due - 3_600_000 }, () => 0.5)).toBe(due);
    expect(nextSendSlot({ ...base, lastSentMs: due, sentToday: 3 }, () => 0)).toBeNull();
  });

  it("turns 100 sends due at 09:00 into a spread, never a burst", () => {
    let last: number | null = null;
    const due = Date.parse("2026-03-09T14:00:00Z");
    const times: number[] = [];
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100; i++) {
      const t: number = nextSendSlot(
        { dueMs: due, lastSentMs: last, sentToday: i, cap: 100, minGapSeconds: 90, jitterSeconds: 60 },
        rnd,
      )!;
      times.push(t);
      last = t;
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90_000);
    expect(times[99]! - times[0]!).toBeGreaterThan(99 * 90_000);
  });
});
