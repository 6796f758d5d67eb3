import { describe, expect, it } from "vitest";
import { dueInstant, WindowCache } from "../schedule/sendingWindow";
import type { Branch } from "./branchDecision";
import {
  atBranchPoint,
  branchFacts,
  nextDueOnPath,
  type PathStep,
  pathLabel,
  stepsOnPath,
} from "./branchPlan";

const DAY = 86_400_000;
const cache = new WindowCache({ start: "00:00", end: "23:59", skipWeekends: false });
const from = Date.parse("2026-03-02T10:00:00Z");
const reach = { hasUsableEmail: true, hasLinkedIn: false };
const branch: Branch = { on: "opened", withinDays: 3 };
const at = (days: number) => dueInstant(from, days, "UTC", cache);
const step = (index: number, delayDays: number, path: PathStep["path"] = null): PathStep => ({
  index,
  channel: "email",
  delayDays,
  condition: "no_reply",
  path,
});
// Shared 1, 2; yes: 3 (+1 day), 4 (+2); no: 5 (+4 days).
const steps = [step(1, 0), step(2, 2), step(3, 1, "yes"), step(4, 2, "yes"), step(5, 4, "no")];

describe("stepsOnPath", () => {
  it("keeps the shared steps and the path's", () => {
    expect(stepsOnPath(steps, "yes").map((s) => s.index)).toEqual([1, 2, 3, 4]);
    expect(stepsOnPath(steps, "no").map((s) => s.index)).toEqual([1, 2, 5]);
    expect(stepsOnPath(steps, null).map((s) => s.index)).toEqual([1, 2]);
  });
});

describe("atBranchPoint", () => {
  const cases: [string, number | null, PathStep["path"], Branch | null, boolean][] = [
    ["before the first step", null, null, branch, false],
    ["between shared steps", 1, null, branch, false],
    ["after the last shared step", 2, null, branch, true],
    ["path already decided", 2, "yes", branch, false],
    ["no branch", 2, null, null, false],
  ];
  it.each(cases)("%s", (_, last, path, b, want) => {
    expect(atBranchPoint(steps, b, path ?? null, last, reach)).toBe(want);
  });
  it("a shared step the lead cannot receive does not hold the question back", () => {
    const withLinkedIn = [
      step(1, 0),
      { ...step(2, 1), channel: "linkedin_invite" as const },
      step(3, 1, "yes"),
    ];
    expect(atBranchPoint(withLinkedIn, branch, null, 1, reach)).toBe(true);
  });
});

describe("nextDueOnPath", () => {
  const next = (path: PathStep["path"], last: number | null) =>
    nextDueOnPath(steps, branch, path ?? null, last, reach, false, from, "UTC", cache);
  it("goes through the shared steps first", () => {
    const d = next(null, 1);
    expect(d.done ? null : [d.step.index, d.at]).toEqual([2, at(2)]);
  });
  it("undecided after the shared steps: the earlier path's first step (delays from the last shared step)", () => {
    const d = next(null, 2);
    expect(d.done ? null : [d.step.index, d.at]).toEqual([3, at(1)]);
  });
  it("on the no path the yes steps take no time", () => {
    const d = next("no", 2);
    expect(d.done ? null : [d.step.index, d.at]).toEqual([5, at(4)]);
  });
  it("on the yes path, step after step, then finished", () => {
    const d = next("yes", 3);
    expect(d.done ? null : [d.step.index, d.at]).toEqual([4, at(2)]);
    expect(next("yes", 4).done).toBe(true);
    expect(next("no", 5).done).toBe(true);
  });
  it("a reply stops it at the branch point too", () => {
    const d = nextDueOnPath(steps, branch, null, 2, reach, true, from, "UTC", cache);
    expect(d).toMatchObject({ done: true, reason: "replied" });
  });
});

describe("branchFacts", () => {
  const sentAt = from;
  const cases: [string, Parameters<typeof branchFacts>[0], { openedAt: number | null; last: number }][] = [
    ["nothing sent: from the enrollment", [], { openedAt: null, last: from - DAY * 5 }],
    [
      "the last send counts; an old open of step 1 does not",
      [
        { status: "sent", sentAt: sentAt - 4 * DAY, firstOpenedAt: sentAt - 3 * DAY, firstClickedAt: null },
        { status: "sent", sentAt, firstOpenedAt: null, firstClickedAt: null },
      ],
      { openedAt: null, last: sentAt },
    ],
    [
      "an open of step 1 after step 2 went counts",
      [
        { status: "sent", sentAt: sentAt - 4 * DAY, firstOpenedAt: sentAt + 3600_000, firstClickedAt: null },
        { status: "sent", sentAt, firstOpenedAt: sentAt + 7200_000, firstClickedAt: null },
      ],
      { openedAt: sentAt + 3600_000, last: sentAt },
    ],
    [
      "a failed message is not a send",
      [
        { status: "sent", sentAt, firstOpenedAt: null, firstClickedAt: null },
        { status: "failed", sentAt: sentAt + DAY, firstOpenedAt: null, firstClickedAt: null },
      ],
      { openedAt: null, last: sentAt },
    ],
  ];
  it.each(cases)("%s", (_, messages, want) => {
    const f = branchFacts(messages, from - DAY * 5, null, "valid");
    expect([f.facts.openedAt, f.lastSharedSentAt, f.facts.emailStatus]).toEqual([
      want.openedAt,
      want.last,
      "valid",
    ]);
  });
});

describe("pathLabel", () => {
  it("reads as a condition", () => {
    expect(pathLabel(branch, "yes")).toBe("if opened");
    expect(pathLabel(branch, "no")).toBe("if not opened");
    expect(pathLabel({ on: "invite_accepted", withinDays: 7 }, "no")).toBe("if invitation not accepted");
  });
});
