import { describe, expect, it } from "vitest";
import { type Branch, type BranchFacts, branchShapeProblem, takeBranch } from "./branchDecision";

const DAY = 86_400_000;
const sent = Date.parse("2026-03-02T09:00:00Z");
const none: BranchFacts = { emailStatus: null };

describe("takeBranch", () => {
  const cases: [string, Branch, BranchFacts, number, ReturnType<typeof takeBranch>][] = [
    [
      "opened at once → yes",
      { on: "opened", withinDays: 3 },
      { ...none, openedAt: sent + 3600_000 },
      sent + 2 * 3600_000,
      { decided: true, path: "yes", reason: "opened the email" },
    ],
    [
      "a click counts as an open",
      { on: "opened", withinDays: 3 },
      { ...none, clickedAt: sent + DAY },
      sent + DAY,
      { decided: true, path: "yes", reason: "opened the email" },
    ],
    [
      "not opened yet, window open → wait",
      { on: "opened", withinDays: 3 },
      none,
      sent + DAY,
      { decided: false, decideAt: sent + 3 * DAY },
    ],
    [
      "not opened, window over → no",
      { on: "opened", withinDays: 3 },
      none,
      sent + 3 * DAY,
      { decided: true, path: "no", reason: "did not open the email within 3 days" },
    ],
    [
      "opened after the window → no",
      { on: "opened", withinDays: 2 },
      { ...none, openedAt: sent + 5 * DAY },
      sent + 5 * DAY,
      { decided: true, path: "no", reason: "did not open the email within 2 days" },
    ],
    [
      "an open is not a click",
      { on: "clicked", withinDays: 2 },
      { ...none, openedAt: sent + 1 },
      sent + DAY,
      { decided: false, decideAt: sent + 2 * DAY },
    ],
    [
      "clicked → yes",
      { on: "clicked", withinDays: 2 },
      { ...none, clickedAt: sent + 1 },
      sent + 2,
      { decided: true, path: "yes", reason: "clicked a link" },
    ],
    [
      "invitation accepted → yes",
      { on: "invite_accepted", withinDays: 7 },
      { ...none, inviteAcceptedAt: sent + DAY },
      sent + DAY,
      { decided: true, path: "yes", reason: "accepted the LinkedIn invitation" },
    ],
    [
      "invitation not accepted in time → no",
      { on: "invite_accepted", withinDays: 7 },
      none,
      sent + 8 * DAY,
      { decided: true, path: "no", reason: "did not accept the LinkedIn invitation within 7 days" },
    ],
    [
      "verified email → yes at once",
      { on: "verified_email", withinDays: 1 },
      { emailStatus: "valid" },
      sent,
      { decided: true, path: "yes", reason: "has a verified email" },
    ],
    [
      "unverified email → no after the window",
      { on: "verified_email", withinDays: 1 },
      { emailStatus: "risky" },
      sent + DAY,
      { decided: true, path: "no", reason: "has no verified email within 1 days" },
    ],
    [
      "an open from an earlier email does not count",
      { on: "opened", withinDays: 3 },
      { ...none, openedAt: sent - 5 * DAY },
      sent + DAY,
      { decided: false, decideAt: sent + 3 * DAY },
    ],
  ];
  it.each(cases)("%s", (_name, branch, facts, now, want) => {
    expect(takeBranch(branch, facts, sent, now)).toEqual(want);
  });
});

describe("branchShapeProblem", () => {
  const b: Branch = { on: "opened", withinDays: 3 };
  const cases: [string, { index: number; path?: "yes" | "no" | null }[], Branch | null, string | null][] = [
    ["linear sequence", [{ index: 1 }, { index: 2 }], null, null],
    [
      "shared then paths",
      [{ index: 1 }, { index: 2, path: "yes" }, { index: 3, path: "no" }, { index: 4, path: "yes" }],
      b,
      null,
    ],
    ["only one path is enough", [{ index: 1 }, { index: 2, path: "no" }], b, null],
    [
      "path steps without a branch",
      [{ index: 1 }, { index: 2, path: "yes" }],
      null,
      "steps have a path (yes/no) but the sequence has no branch",
    ],
    [
      "a branch without path steps",
      [{ index: 1 }],
      b,
      "a branch needs at least one step on the yes or no path",
    ],
    [
      "a shared step after a path step",
      [{ index: 1 }, { index: 2, path: "yes" }, { index: 3 }],
      b,
      "shared steps (no path) must all come before the yes and no steps",
    ],
    [
      "withinDays out of range",
      [{ index: 1 }, { index: 2, path: "yes" }],
      { on: "opened", withinDays: 31 },
      "the branch's withinDays must be a whole number from 1 to 30",
    ],
    [
      "unknown question",
      [{ index: 1 }, { index: 2, path: "yes" }],
      { on: "replied" as "opened", withinDays: 3 },
      'unknown branch question "replied"',
    ],
  ];
  it.each(cases)("%s", (_name, steps, branch, want) => {
    expect(branchShapeProblem(steps, branch)).toBe(want);
  });
});
