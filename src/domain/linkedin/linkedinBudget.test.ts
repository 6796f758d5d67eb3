import { describe, expect, it } from "vitest";
import {
  type LinkedInLimits,
  type LinkedInUsage,
  defaultLinkedInLimits,
  linkedinDecision,
  linkedinLimitsSchema,
  localDayStartMs,
  localMonthStartMs,
  parseLinkedInLimits,
} from "./linkedinBudget";

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const zero = () => 0;
const half = () => 0.5;

// Berlin is UTC+1 until 29 March 2026 02:00 local and UTC+2 from then to 25 October 2026.
const berlin: LinkedInLimits = { ...defaultLinkedInLimits, timezone: "Europe/Berlin" };
const fresh: LinkedInUsage = {
  invitesToday: 0,
  invitesThisWeek: 0,
  messagesToday: 0,
  notesThisMonth: 0,
  lastActionMs: null,
};
const hoursReason = "outside the LinkedIn account's working hours (09:00–18:00 Europe/Berlin)";
// Monday 9 March 2026, 10:00 in Berlin.
const mondayMorning = at("2026-03-09T09:00:00Z");

describe("working hours", () => {
  it("lets an action go inside the account's working hours", () => {
    expect(linkedinDecision("message", false, berlin, fresh, mondayMorning, zero)).toEqual({
      go: true,
      withNote: false,
      noteDropped: false,
    });
    expect(linkedinDecision("invite", true, berlin, fresh, mondayMorning, zero)).toEqual({
      go: true,
      withNote: true,
      noteDropped: false,
    });
    // 17:59 local is still inside; the working day ends at 18:00 exclusive.
    expect(linkedinDecision("invite", false, berlin, fresh, at("2026-03-09T16:59:00Z"), zero).go).toBe(true);
  });

  it("waits for today's opening before it, plus a random offset of up to maxGapMinutes", () => {
    const early = at("2026-03-09T06:30:00Z"); // 07:30 local
    expect(linkedinDecision("invite", false, berlin, fresh, early, zero)).toEqual({
      go: false,
      retryAtMs: at("2026-03-09T08:00:00Z"),
      reason: hoursReason,
    });
    const d = linkedinDecision("invite", false, berlin, fresh, early, half);
    expect(d.go === false && d.retryAtMs).toBe(at("2026-03-09T08:04:00Z"));
  });

  it("waits for the next work day from 18:00 on", () => {
    const d = linkedinDecision("message", false, berlin, fresh, at("2026-03-09T17:00:00Z"), zero);
    expect(d).toEqual({ go: false, retryAtMs: at("2026-03-10T08:00:00Z"), reason: hoursReason });
  });

  it("skips the weekend to Monday's opening", () => {
    const friday = linkedinDecision("invite", false, berlin, fresh, at("2026-03-06T17:30:00Z"), zero);
    expect(friday.go === false && friday.retryAtMs).toBe(at("2026-03-09T08:00:00Z"));
    const saturday = linkedinDecision("invite", false, berlin, fresh, at("2026-03-07T11:00:00Z"), zero);
    expect(saturday.go === false && saturday.retryAtMs).toBe(at("2026-03-09T08:00:00Z"));
  });

  it("opens at 09:00 local across the spring and autumn clock changes", () => {
    // Friday 27 March 19:00 CET → Monday 30 March 09:00 CEST, which is 07:00 UTC, not 08:00.
    const spring = linkedinDecision("invite", false, berlin, fresh, at("2026-03-27T18:00:00Z"), zero);
    expect(spring.go === false && spring.retryAtMs).toBe(at("2026-03-30T07:00:00Z"));
    // Sunday 29 March itself, after the switch.
    const sunday = linkedinDecision("invite", false, berlin, fresh, at("2026-03-29T10:00:00Z"), zero);
    expect(sunday.go === false && sunday.retryAtMs).toBe(at("2026-03-30T07:00:00Z"));
    // Friday 23 October 19:00 CEST → Monday 26 October 09:00 CET = 08:00 UTC.
    const autumn = linkedinDecision("invite", false, berlin, fresh, at("2026-10-23T17:00:00Z"), zero);
    expect(autumn.go === false && autumn.retryAtMs).toBe(at("2026-10-26T08:00:00Z"));
  });

  it("honours custom work days such as a Sunday-to-Thursday week", () => {
    const l = { ...berlin, workDays: [7, 1, 2, 3, 4] };
    const friday = linkedinDecision("invite", false, l, fresh, at("2026-03-06T09:00:00Z"), zero);
    expect(friday.go === false && friday.retryAtMs).toBe(at("2026-03-08T08:00:00Z"));
  });
});

describe("daily caps", () => {
  it("holds invitations at the daily cap until the next work day's opening", () => {
    const d = linkedinDecision("invite", false, berlin, { ...fresh, invitesToday: 20 }, mondayMorning, zero);
    expect(d).toEqual({
      go: false,
      retryAtMs: at("2026-03-10T08:00:00Z"),
      reason: "the account's 20 invitations for today are used",
    });
    const withOffset = linkedinDecision(
      "invite",
      false,
      berlin,
      { ...fresh, invitesToday: 25 },
      mondayMorning,
      half,
    );
    expect(withOffset.go === false && withOffset.retryAtMs).toBe(at("2026-03-10T08:04:00Z"));
    const friday = linkedinDecision(
      "invite",
      false,
      berlin,
      { ...fresh, invitesToday: 20 },
      at("2026-03-06T09:00:00Z"),
      zero,
    );
    expect(friday.go === false && friday.retryAtMs).toBe(at("2026-03-09T08:00:00Z"));
  });

  it("looks past today even when the cap is found used at the opening second", () => {
    const opening = at("2026-03-09T08:00:00Z");
    const d = linkedinDecision("message", false, berlin, { ...fresh, messagesToday: 50 }, opening, zero);
    expect(d.go === false && d.retryAtMs).toBe(at("2026-03-10T08:00:00Z"));
  });

  it("counts messages against their own cap, independently of invitations", () => {
    const invitesUsed = { ...fresh, invitesToday: 20 };
    expect(linkedinDecision("message", false, berlin, invitesUsed, mondayMorning, zero).go).toBe(true);
    const messagesUsed = { ...fresh, messagesToday: 50 };
    expect(linkedinDecision("message", false, berlin, messagesUsed, mondayMorning, zero)).toEqual({
      go: false,
      retryAtMs: at("2026-03-10T08:00:00Z"),
      reason: "the account's 50 messages for today are used",
    });
    expect(linkedinDecision("invite", false, berlin, messagesUsed, mondayMorning, zero).go).toBe(true);
    expect(
      linkedinDecision("message", false, berlin, { ...fresh, messagesToday: 49 }, mondayMorning, zero).go,
    ).toBe(true);
  });

  it("names a cap of one in the singular", () => {
    const d = linkedinDecision(
      "invite",
      false,
      { ...berlin, invitesPerDay: 1 },
      { ...fresh, invitesToday: 1 },
      mondayMorning,
      zero,
    );
    expect(d.go === false && d.reason).toBe("the account's 1 invitation for today is used");
  });

  it("gives the working-hours reason first when the cap is also used", () => {
    const d = linkedinDecision(
      "invite",
      false,
      berlin,
      { ...fresh, invitesToday: 20 },
      at("2026-03-07T11:00:00Z"),
      zero,
    );
    expect(d.go === false && d.reason).toBe(hoursReason);
  });
});

describe("weekly invitation cap", () => {
  const weekFull = { ...fresh, invitesToday: 5, invitesThisWeek: 100 };
  const reason = "the account's 100 invitations for this week are used";

  it("waits until the oldest invitation of the rolling week turns seven days old", () => {
    // Oldest on Tuesday 3 March 15:30 local → frees Tuesday 10 March 15:30 local, inside hours.
    const d = linkedinDecision(
      "invite",
      false,
      berlin,
      weekFull,
      mondayMorning,
      zero,
      at("2026-03-03T14:30:00Z"),
    );
    expect(d).toEqual({ go: false, retryAtMs: at("2026-03-10T14:30:00Z"), reason });
    const offset = linkedinDecision(
      "invite",
      false,
      berlin,
      weekFull,
      mondayMorning,
      half,
      at("2026-03-03T14:30:00Z"),
    );
    expect(offset.go === false && offset.retryAtMs).toBe(at("2026-03-10T14:34:00Z"));
  });

  it("moves a slot that frees outside working hours to the next opening", () => {
    // Frees Friday 13 March 18:30 local → Monday 16 March 09:00 local.
    const d = linkedinDecision(
      "invite",
      false,
      berlin,
      weekFull,
      mondayMorning,
      zero,
      at("2026-03-06T17:30:00Z"),
    );
    expect(d.go === false && d.retryAtMs).toBe(at("2026-03-16T08:00:00Z"));
  });

  it("looks again a day later without a usable oldest instant", () => {
    const none = linkedinDecision("invite", false, berlin, weekFull, mondayMorning, zero);
    expect(none.go === false && none.retryAtMs).toBe(at("2026-03-10T09:00:00Z"));
    const stale = linkedinDecision(
      "invite",
      false,
      berlin,
      weekFull,
      mondayMorning,
      zero,
      at("2026-03-01T09:00:00Z"),
    );
    expect(stale.go === false && stale.retryAtMs).toBe(at("2026-03-10T09:00:00Z"));
  });

  it("does not apply to messages", () => {
    expect(linkedinDecision("message", false, berlin, weekFull, mondayMorning, zero).go).toBe(true);
  });
});

describe("gap between actions", () => {
  it("waits a random gap between minGapMinutes and maxGapMinutes after the last action", () => {
    const last = mondayMorning - MIN;
    // rng 0.5 → 2 + 0.5 × 6 = 5 minutes after the last action.
    expect(
      linkedinDecision("message", false, berlin, { ...fresh, lastActionMs: last }, mondayMorning, half),
    ).toEqual({
      go: false,
      retryAtMs: last + 5 * MIN,
      reason: "waiting a few minutes between LinkedIn actions",
    });
    const shortest = linkedinDecision(
      "invite",
      false,
      berlin,
      { ...fresh, lastActionMs: last },
      mondayMorning,
      zero,
    );
    expect(shortest.go === false && shortest.retryAtMs).toBe(last + 2 * MIN);
  });

  it("goes once the gap has passed", () => {
    const usage = { ...fresh, lastActionMs: mondayMorning - 2 * MIN };
    expect(linkedinDecision("invite", false, berlin, usage, mondayMorning, zero).go).toBe(true);
    expect(linkedinDecision("invite", false, berlin, usage, mondayMorning, half).go).toBe(false);
  });

  it("moves a gap that ends after hours to the next opening", () => {
    // 17:58 local, last action 17:57, gap 5 minutes → 18:02, after hours → Tuesday 09:00.
    const now = at("2026-03-09T16:58:00Z");
    const d = linkedinDecision("invite", false, berlin, { ...fresh, lastActionMs: now - MIN }, now, half);
    expect(d.go === false && d.retryAtMs).toBe(at("2026-03-10T08:00:00Z"));
  });
});

describe("invitation notes", () => {
  const notesUsed = { ...fresh, notesThisMonth: 5 };

  it("drops the note of a free account whose monthly notes are used", () => {
    const free = { ...berlin, freeAccount: true };
    expect(linkedinDecision("invite", true, free, notesUsed, mondayMorning, zero)).toEqual({
      go: true,
      withNote: false,
      noteDropped: true,
    });
    expect(
      linkedinDecision("invite", true, free, { ...fresh, notesThisMonth: 4 }, mondayMorning, zero),
    ).toEqual({
      go: true,
      withNote: true,
      noteDropped: false,
    });
    expect(linkedinDecision("invite", false, free, notesUsed, mondayMorning, zero)).toEqual({
      go: true,
      withNote: false,
      noteDropped: false,
    });
  });

  it("keeps the note of a premium account and never adds one to a message", () => {
    expect(linkedinDecision("invite", true, berlin, notesUsed, mondayMorning, zero)).toEqual({
      go: true,
      withNote: true,
      noteDropped: false,
    });
    expect(
      linkedinDecision("message", true, { ...berlin, freeAccount: true }, notesUsed, mondayMorning, zero),
    ).toEqual({
      go: true,
      withNote: false,
      noteDropped: false,
    });
  });
});

describe("local day and month starts", () => {
  it("gives local midnight of today, DST-correct", () => {
    expect(localDayStartMs(at("2026-03-29T12:00:00Z"), "Europe/Berlin")).toBe(at("2026-03-28T23:00:00Z"));
    expect(localDayStartMs(at("2026-03-30T12:00:00Z"), "Europe/Berlin")).toBe(at("2026-03-29T22:00:00Z"));
    // 00:30 local on 10 March is already the 10th in Berlin.
    expect(localDayStartMs(at("2026-03-09T23:30:00Z"), "Europe/Berlin")).toBe(at("2026-03-09T23:00:00Z"));
    expect(localDayStartMs(at("2026-03-09T23:30:00Z"), "America/New_York")).toBe(at("2026-03-09T04:00:00Z"));
  });

  it("gives local midnight of the first of the month", () => {
    expect(localMonthStartMs(at("2026-03-29T12:00:00Z"), "Europe/Berlin")).toBe(at("2026-02-28T23:00:00Z"));
    expect(localMonthStartMs(at("2026-04-15T12:00:00Z"), "Europe/Berlin")).toBe(at("2026-03-31T22:00:00Z"));
    expect(localMonthStartMs(at("2026-03-31T22:30:00Z"), "Europe/Berlin")).toBe(at("2026-03-31T22:00:00Z"));
    expect(localMonthStartMs(at("2026-04-15T12:00:00Z"), "UTC")).toBe(at("2026-04-01T00:00:00Z"));
  });
});

describe("parseLinkedInLimits", () => {
  it("returns the defaults for nothing stored", () => {
    expect(parseLinkedInLimits(undefined)).toEqual(defaultLinkedInLimits);
    expect(parseLinkedInLimits(null)).toEqual(defaultLinkedInLimits);
    expect(parseLinkedInLimits({})).toEqual({
      invitesPerDay: 20,
      invitesPerWeek: 100,
      messagesPerDay: 50,
      minGapMinutes: 2,
      maxGapMinutes: 8,
      workStart: "09:00",
      workEnd: "18:00",
      workDays: [1, 2, 3, 4, 5],
      timezone: "UTC",
      freeAccount: false,
      notesPerMonth: 5,
    });
  });

  it("merges stored values over the defaults, ignoring unknown keys", () => {
    expect(
      parseLinkedInLimits({
        invitesPerDay: 10,
        timezone: "Europe/Berlin",
        workDays: [5, 1, 1],
        freeAccount: true,
        nextGapMinutes: 3,
        notesPerMonth: undefined,
      }),
    ).toEqual({
      ...defaultLinkedInLimits,
      invitesPerDay: 10,
      timezone: "Europe/Berlin",
      workDays: [1, 5],
      freeAccount: true,
    });
    expect(parseLinkedInLimits({ invitesPerDay: 0, minGapMinutes: 8, maxGapMinutes: 8 })).toMatchObject({
      invitesPerDay: 0,
      minGapMinutes: 8,
    });
  });

  it.each([
    [{ invitesPerDay: 101 }, "invitesPerDay must be a whole number from 0 to 100"],
    [{ invitesPerDay: -1 }, "invitesPerDay must be a whole number from 0 to 100"],
    [{ invitesPerDay: 2.5 }, "invitesPerDay must be a whole number from 0 to 100"],
    [{ invitesPerDay: "20" }, "invitesPerDay must be a whole number from 0 to 100"],
    [{ invitesPerWeek: 501 }, "invitesPerWeek must be a whole number from 0 to 500"],
    [{ messagesPerDay: 301 }, "messagesPerDay must be a whole number from 0 to 300"],
    [{ minGapMinutes: 241 }, "minGapMinutes must be a whole number from 0 to 240"],
    [{ maxGapMinutes: 241 }, "maxGapMinutes must be a whole number from 0 to 240"],
    [{ maxGapMinutes: Number.NaN }, "maxGapMinutes must be a whole number from 0 to 240"],
    [{ notesPerMonth: 101 }, "notesPerMonth must be a whole number from 0 to 100"],
    [{ minGapMinutes: 9 }, "minGapMinutes must not be more than maxGapMinutes"],
    [{ minGapMinutes: 5, maxGapMinutes: 4 }, "minGapMinutes must not be more than maxGapMinutes"],
    [{ workStart: "9:00" }, "workStart must be a time HH:MM (24-hour)"],
    [{ workEnd: "24:00" }, "workEnd must be a time HH:MM (24-hour)"],
    [{ workStart: "18:00" }, "workEnd must be after workStart"],
    [{ workStart: "10:00", workEnd: "08:00" }, "workEnd must be after workStart"],
    [{ workDays: [] }, "workDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday)"],
    [{ workDays: [0, 1] }, "workDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday)"],
    [{ workDays: [8] }, "workDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday)"],
    [{ workDays: "1-5" }, "workDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday)"],
    [{ timezone: "Mars/Olympus" }, "timezone must be an IANA time zone such as Europe/Berlin"],
    [{ timezone: "" }, "timezone must be an IANA time zone such as Europe/Berlin"],
    [{ freeAccount: "yes" }, "freeAccount must be true or false"],
    ["20 a day", "LinkedIn limits must be an object"],
    [[1, 2], "LinkedIn limits must be an object"],
  ])("rejects %j with a message naming the field", (input, message) => {
    expect(() => parseLinkedInLimits(input)).toThrow(new Error(message));
  });

  it("exposes a partial schema for the HTTP layer", () => {
    expect(linkedinLimitsSchema.safeParse({ invitesPerDay: 30 }).success).toBe(true);
    const bad = linkedinLimitsSchema.safeParse({ workStart: "12:00", workEnd: "11:00" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["workEnd", "workEnd must be after workStart"],
    ]);
  });
});
