import { describe, expect, it } from "vitest";
import { calendarWindow } from "./calendarWindow";
import { planSchedule } from "./planSchedule";
import { dueInstant, type HolidayLookup, nextWindowStart, WindowCache } from "./sendingWindow";

// The look-up is injected: a fixed table, so the expected dates do not depend on a data package.
const HOLIDAYS: Record<string, Record<string, string>> = {
  DE: { "2026-12-25": "Christmas Day", "2026-12-26": "St. Stephen's Day", "2027-01-01": "New Year's Day" },
  US: { "2026-11-26": "Thanksgiving Day", "2026-12-25": "Christmas Day" },
};
const holidayOn: HolidayLookup = (country, date) => HOLIDAYS[country]?.[date] ?? null;
const ws = { windowStart: "09:00", windowEnd: "17:00", skipWeekends: true };
const weekdaysAndHolidays = new WindowCache(
  calendarWindow(
    ws,
    { sendDays: [1, 2, 3, 4, 5], windowStart: null, windowEnd: null, skipHolidays: true },
    holidayOn,
  ),
);
const local = (ms: number, zone: string) =>
  new Date(ms).toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16);

describe("the next instant a step may go, with the sequence's calendar", () => {
  it.each([
    // label, zone, now (local), calendar, expected (local)
    [
      "DE lead after hours on 24 Dec: 25th, 26th holidays, 27th Sunday",
      "Europe/Berlin",
      "2026-12-24T16:30:00Z",
      weekdaysAndHolidays,
      "2026-12-28 09:00",
    ],
    [
      "US lead on Thanksgiving morning",
      "America/New_York",
      "2026-11-26T13:00:00Z",
      weekdaysAndHolidays,
      "2026-11-27 09:00",
    ],
    [
      "Chicago is the US too",
      "America/Chicago",
      "2026-11-26T15:00:00Z",
      weekdaysAndHolidays,
      "2026-11-27 09:00",
    ],
    [
      "a lead whose zone names no country: no holiday skipping",
      "UTC",
      "2026-12-25T10:00:00Z",
      weekdaysAndHolidays,
      "2026-12-25 10:00",
    ],
    [
      "DE lead on Thanksgiving: not a German holiday",
      "Europe/Berlin",
      "2026-11-26T09:00:00Z",
      weekdaysAndHolidays,
      "2026-11-26 10:00",
    ],
    [
      "holidays off: Christmas is an ordinary Friday",
      "Europe/Berlin",
      "2026-12-24T16:30:00Z",
      new WindowCache(
        calendarWindow(
          ws,
          { sendDays: null, windowStart: null, windowEnd: null, skipHolidays: false },
          holidayOn,
        ),
      ),
      "2026-12-25 09:00",
    ],
    [
      "Tuesdays and Thursdays 10:00–12:00 only",
      "Europe/Berlin",
      "2026-12-01T11:30:00Z", // Tue 12:30 Berlin, after hours
      new WindowCache(
        calendarWindow(
          ws,
          { sendDays: [2, 4], windowStart: "10:00", windowEnd: "12:00", skipHolidays: true },
          holidayOn,
        ),
      ),
      "2026-12-03 10:00",
    ],
    [
      "weekends allowed by the sequence although the workspace skips them",
      "Europe/Berlin",
      "2026-12-05T10:00:00Z", // Saturday 11:00
      new WindowCache(
        calendarWindow(
          ws,
          { sendDays: [0, 6], windowStart: null, windowEnd: null, skipHolidays: false },
          holidayOn,
        ),
      ),
      "2026-12-05 11:00",
    ],
  ])("%s", (_label, zone, now, cache, want) => {
    expect(local(nextWindowStart(Date.parse(now), zone, cache), zone)).toBe(want);
  });

  it("a follow-up due on a holiday moves to the next working day", () => {
    const sentTue = Date.parse("2026-12-22T09:00:00Z"); // Tue 10:00 Berlin; +3 days = Fri 25 Dec
    expect(local(dueInstant(sentTue, 3, "Europe/Berlin", weekdaysAndHolidays), "Europe/Berlin")).toBe(
      "2026-12-28 09:00",
    );
  });

  it("the plan says which holidays moved a step", () => {
    const steps = [
      { index: 0, channel: "email" as const, delayDays: 0, condition: "always" as const },
      { index: 1, channel: "email" as const, delayDays: 3, condition: "no_reply" as const },
    ];
    const plan = planSchedule(
      steps,
      { hasUsableEmail: true, hasLinkedIn: false },
      Date.parse("2026-12-22T09:00:00Z"),
      "Europe/Berlin",
      weekdaysAndHolidays,
    );
    expect(plan.map((p) => [local(p.at!, "Europe/Berlin"), p.holidays])).toEqual([
      ["2026-12-22 10:00", []],
      [
        "2026-12-28 09:00",
        [
          { date: "2026-12-25", holiday: "Christmas Day (DE)" },
          { date: "2026-12-26", holiday: "St. Stephen's Day (DE)" },
        ],
      ],
    ]);
  });

  it("refuses a calendar with no day at all instead of looping", () => {
    const none = new WindowCache(
      calendarWindow(ws, { sendDays: [], windowStart: null, windowEnd: null, skipHolidays: false }, null),
    );
    expect(() => nextWindowStart(Date.parse("2026-12-01T10:00:00Z"), "Europe/Berlin", none)).toThrow(
      /no sending day/,
    );
  });
});
