import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateOf, localInstant, localMinutesOf } from "./localTime";
import { dueInstant, nextWindowStart, WindowCache } from "./sendingWindow";

const iso = (ms: number) => new Date(ms).toISOString();
const w = new WindowCache({ start: "09:00", end: "17:00", skipWeekends: true });

describe("localInstant across DST", () => {
  it.each([
    // zone, local date, local time, expected UTC
    ["America/New_York", "2026-03-06", "09:00", "2026-03-06T14:00:00.000Z"], // EST, Friday before the change
    ["America/New_York", "2026-03-09", "09:00", "2026-03-09T13:00:00.000Z"], // EDT, Monday after
    ["Europe/London", "2026-03-27", "09:00", "2026-03-27T09:00:00.000Z"], // GMT
    ["Europe/London", "2026-03-30", "09:00", "2026-03-30T08:00:00.000Z"], // BST
    ["Europe/Berlin", "2026-10-26", "09:00", "2026-10-26T08:00:00.000Z"], // back to CET
    ["Australia/Sydney", "2026-04-06", "09:00", "2026-04-05T23:00:00.000Z"], // AEST after April change
    ["Australia/Sydney", "2026-10-05", "09:00", "2026-10-04T22:00:00.000Z"], // AEDT after October change
    ["Asia/Kolkata", "2026-03-08", "09:00", "2026-03-08T03:30:00.000Z"], // no DST, half-hour offset
    ["Pacific/Auckland", "2026-09-28", "09:00", "2026-09-27T20:00:00.000Z"], // NZDT
    // Gaps: 02:30 does not exist on spring-forward days → the first instant after the jump (03:00 local).
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00.000Z"],
    ["Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:00:00.000Z"],
    // Repeats: 01:30 happens twice on fall-back days → the first one (still summer time).
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    ["Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"],
    // Santiago moves its clocks at midnight: 00:00 does not exist on 2026-09-06.
    ["America/Santiago", "2026-09-06", "00:00", "2026-09-06T04:00:00.000Z"],
  ])("%s %s %s → %s", (zone, date, time, want) => {
    const [h, m] = time.split(":").map(Number);
    expect(iso(localInstant(zone, date, h! * 60 + m!))).toBe(want);
  });
});

describe("sending window", () => {
  it("sends at once inside the window, else at the next opening, skipping the weekend", () => {
    const mon10 = Date.parse("2026-03-09T14:00:00Z"); // 10:00 New York (EDT)
    expect(iso(nextWindowStart(mon10, "America/New_York", w))).toBe(iso(mon10));
    const fri18 = Date.parse("2026-03-06T23:00:00Z"); // Fri 18:00 New York (EST)
    expect(iso(nextWindowStart(fri18, "America/New_York", w))).toBe("2026-03-09T13:00:00.000Z"); // Mon 09:00 EDT
    const sat = Date.parse("2026-03-07T15:00:00Z");
    expect(iso(nextWindowStart(sat, "Europe/London", w))).toBe("2026-03-09T09:00:00.000Z");
  });

  it("puts a later step at 09:00 local of the day, counted in the lead's own calendar", () => {
    // Sent Friday 16:30 in Sydney; 3 days later is Monday → Monday 09:00 AEDT.
    const sent = Date.parse("2026-03-06T05:30:00Z");
    expect(localDateOf(sent, "Australia/Sydney")).toBe("2026-03-06");
    expect(iso(dueInstant(sent, 3, "Australia/Sydney", w))).toBe("2026-03-08T22:00:00.000Z");
    // 1 day after a Friday lands on Saturday → Monday.
    expect(iso(dueInstant(sent, 1, "Australia/Sydney", w))).toBe("2026-03-08T22:00:00.000Z");
    const noSkip = new WindowCache({ start: "09:00", end: "17:00", skipWeekends: false });
    expect(iso(dueInstant(sent, 1, "Australia/Sydney", noSkip))).toBe("2026-03-06T22:00:00.000Z");
  });

  it("never schedules before now, always inside the window, on a weekday (property)", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Europe/Berlin",
      "Australia/Sydney",
      "Asia/Kolkata",
      "America/Sao_Paulo",
      "Pacific/Auckland",
      "America/Santiago",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2026-01-01"), max: Date.parse("2027-12-31") }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 9 }),
        (now, zone, delay) => {
          const t = dueInstant(now, delay, zone, w);
          const mins = localMinutesOf(t, zone);
          const day = new Date(`${localDateOf(t, zone)}T00:00:00Z`).getUTCDay();
          return t >= now && mins >= 9 * 60 && mins < 17 * 60 && day !== 0 && day !== 6;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
