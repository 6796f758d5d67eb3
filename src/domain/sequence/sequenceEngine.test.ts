import { describe, expect, it } from "vitest";
import { enrollmentTransition, nextStep, type SequenceStep } from "./sequenceEngine";

// The LinkedIn-first example: invite day 0, email +3, email +5, final email +7.
const steps: SequenceStep[] = [
  { index: 1, channel: "linkedin_invite", delayDays: 0, condition: "always" },
  { index: 2, channel: "email", delayDays: 3, condition: "no_reply" },
  { index: 3, channel: "email", delayDays: 5, condition: "no_reply" },
  { index: 4, channel: "linkedin_message", delayDays: 7, condition: "no_reply" },
];
const both = { hasUsableEmail: true, hasLinkedIn: true };

describe("nextStep", () => {
  it("walks the steps in order with their own delays", () => {
    expect(nextStep(steps, null, both, false)).toMatchObject({
      done: false,
      step: { index: 1 },
      delayDays: 0,
    });
    expect(nextStep(steps, 1, both, false)).toMatchObject({ step: { index: 2 }, delayDays: 3 });
    expect(nextStep(steps, 4, both, false)).toMatchObject({ done: true, reason: "finished" });
  });
  it("skips email steps for a lead without a usable email, carrying their delays", () => {
    const r = nextStep(steps, 1, { hasUsableEmail: false, hasLinkedIn: true }, false);
    expect(r).toMatchObject({ done: false, step: { index: 4 }, delayDays: 15 });
    expect(r.skipped.map((s) => s.index)).toEqual([2, 3]);
  });
  it("skips LinkedIn steps for a lead without a profile", () => {
    expect(nextStep(steps, null, { hasUsableEmail: true, hasLinkedIn: false }, false)).toMatchObject({
      step: { index: 2 },
      delayDays: 3,
    });
  });
  it("sends nothing after a reply, and reports leads no step can reach", () => {
    expect(nextStep(steps, 1, both, true)).toMatchObject({ done: true, reason: "replied" });
    expect(nextStep(steps, null, { hasUsableEmail: false, hasLinkedIn: false }, false)).toMatchObject({
      done: true,
      reason: "no_reachable_step",
    });
  });
});

describe("enrollmentTransition", () => {
  it.each([
    ["active", "pause", "paused"],
    ["paused", "resume", "active"],
    ["active", "reply", "replied"],
    ["paused", "reply", "replied"],
    ["active", "auto_reply", "paused"],
    ["active", "bounce", "bounced"],
    ["active", "finish", "completed"],
  ] as const)("%s + %s → %s", (s, e, want) => {
    expect(enrollmentTransition(s, e)).toBe(want);
  });
  it("never revives an ended enrollment", () => {
    expect(enrollmentTransition("replied", "resume")).toHaveProperty("error");
    expect(enrollmentTransition("completed", "reply")).toHaveProperty("error");
    expect(enrollmentTransition("active", "resume")).toHaveProperty("error");
  });
});
