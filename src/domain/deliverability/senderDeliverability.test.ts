import { describe, expect, it } from "vitest";
import { deliverabilityDays, lastDays, rampCurve } from "./senderDeliverability";

const ms = (iso: string) => Date.parse(iso);

describe("lastDays", () => {
  it.each([
    ["2026-03-10T12:00:00Z", "UTC", 3, ["2026-03-08", "2026-03-09", "2026-03-10"]],
    // 23:30 UTC is already the next day in Berlin.
    ["2026-03-10T23:30:00Z", "Europe/Berlin", 2, ["2026-03-10", "2026-03-11"]],
    // 03:00 UTC is still the day before in New York.
    ["2026-03-10T03:00:00Z", "America/New_York", 1, ["2026-03-09"]],
    // Across the spring-forward night every day still appears once.
    ["2026-03-30T10:00:00Z", "Europe/Berlin", 3, ["2026-03-28", "2026-03-29", "2026-03-30"]],
  ])("%s in %s, %i days", (now, zone, n, want) => {
    expect(lastDays(ms(now), zone, n)).toEqual(want);
  });
});

describe("deliverabilityDays", () => {
  it("fills every day, sums by class and drops counts outside the window", () => {
    const days = ["2026-03-09", "2026-03-10"];
    const out = deliverabilityDays(days, {
      sent: [
        { day: "2026-03-09", n: 4 },
        { day: "2026-03-08", n: 99 },
      ],
      bounced: [
        { day: "2026-03-10", n: 1, bounceClass: "permanent" },
        { day: "2026-03-10", n: 2, bounceClass: "policy" },
        { day: "2026-03-10", n: 5, bounceClass: "delivered" },
      ],
      complaints: [{ day: "2026-03-10", n: 1 }],
      replies: [{ day: "2026-03-09", n: 2 }],
    });
    expect(out).toEqual([
      {
        day: "2026-03-09",
        sent: 4,
        bounced: { permanent: 0, temporary: 0, policy: 0, undetermined: 0 },
        complaints: 0,
        replies: 2,
      },
      {
        day: "2026-03-10",
        sent: 0,
        bounced: { permanent: 1, temporary: 0, policy: 2, undetermined: 0 },
        complaints: 1,
        replies: 0,
      },
    ]);
  });
});

describe("rampCurve", () => {
  const created = ms("2026-03-01T08:00:00Z");
  it.each([
    // start 10, +5 a day, cap 30: days 0..4 → 10,15,20,25,30; full on day 4.
    [
      { rampStartCap: 10, rampPerDay: 5, dailyCap: 30 },
      "2026-03-03T09:00:00Z",
      20,
      "2026-03-05",
      [10, 15, 20, 25, 30],
    ],
    // A step that overshoots the cap stops at the cap.
    [
      { rampStartCap: 10, rampPerDay: 8, dailyCap: 20 },
      "2026-03-01T09:00:00Z",
      10,
      "2026-03-03",
      [10, 18, 20],
    ],
    // No per-day given: 5, as the scheduler assumes.
    [
      { rampStartCap: 40, rampPerDay: null, dailyCap: 50 },
      "2026-04-01T00:00:00Z",
      50,
      "2026-03-03",
      [40, 45, 50],
    ],
    // Starting at or above the cap: full from the first day.
    [{ rampStartCap: 60, rampPerDay: 5, dailyCap: 50 }, "2026-03-01T09:00:00Z", 50, "2026-03-01", [50]],
  ])("%o at %s", (s, now, today, fullOn, caps) => {
    const r = rampCurve({ ...s, createdAtMs: created }, ms(now), "UTC");
    expect(r.todayCap).toBe(today);
    expect(r.fullCapOn).toBe(fullOn);
    expect(r.curve.map((c) => c.cap)).toEqual(caps);
    expect(r.curve[0]!.day).toBe("2026-03-01");
  });

  it("without a ramp has the full cap today and no curve", () => {
    const r = rampCurve(
      { rampStartCap: null, rampPerDay: null, dailyCap: 50, createdAtMs: created },
      created,
      "UTC",
    );
    expect(r).toMatchObject({ todayCap: 50, fullCapOn: null, curve: [], startCap: null });
  });

  it("names the days in the workspace's zone", () => {
    const late = ms("2026-03-01T23:30:00Z");
    const r = rampCurve(
      { rampStartCap: 5, rampPerDay: 5, dailyCap: 10, createdAtMs: late },
      late,
      "Asia/Tokyo",
    );
    expect(r.curve.map((c) => c.day)).toEqual(["2026-03-02", "2026-03-03"]);
  });
});
