import { describe, expect, it } from "vitest";
import { type BouncedStep, bounceOutcome } from "./bounceOutcome";
import { deliverabilitySettings } from "./deliverabilitySettings";

const settings = deliverabilitySettings({});
const now = Date.UTC(2026, 11, 3, 10);
const DAY = 86_400_000;
const step = (o: Partial<BouncedStep> = {}): BouncedStep => ({
  enrollmentId: "e1",
  stepIndex: 0,
  attempt: 1,
  enrollmentState: "active",
  lastStepIndex: 0,
  ...o,
});
const run = (
  cls: Parameters<typeof bounceOutcome>[0]["class"],
  o: { earlier?: number; step?: BouncedStep | null } = {},
) =>
  bounceOutcome({
    class: cls,
    nowMs: now,
    earlierSoftBounces: o.earlier ?? 0,
    step: o.step === undefined ? step() : o.step,
    settings,
  });

describe("bounceOutcome", () => {
  it.each([
    ["permanent", "invalid", "bounced", "stop", "bounce", false],
    ["complaint", "kept", "unsubscribed", "stop", "complaint", true],
    ["policy", "kept", null, "pause", "bounce", false],
    ["undetermined", "kept", null, "pause", null, false],
    ["temporary", "kept", null, "retry", null, false],
    ["delivered", "kept", null, "nothing", null, false],
    ["delayed", "kept", null, "nothing", null, false],
  ] as const)(
    "%s: address %s, lead %s, enrollments %s, sender %s",
    (cls, address, lead, action, sender, suppress) => {
      const o = run(cls);
      expect(o.address).toBe(address);
      expect(o.lead).toBe(lead);
      expect(o.enrollments.do).toBe(action);
      expect(o.sender).toBe(sender);
      expect(o.suppress).toBe(suppress);
    },
  );

  it("never invalidates an address for anything but a permanent failure", () => {
    for (const cls of ["temporary", "policy", "complaint", "delivered", "delayed", "undetermined"] as const)
      for (const earlier of [0, 1, 5, 50]) expect(run(cls, { earlier }).address).toBe("kept");
  });

  it.each([
    [1, 2, 1],
    [2, 3, 2],
  ])(
    "a temporary failure of attempt %i retries the same step as attempt %i after %i day(s)",
    (attempt, next, days) => {
      const o = run("temporary", { step: step({ attempt }), earlier: attempt - 1 });
      expect(o.enrollments).toEqual({
        do: "retry",
        enrollmentId: "e1",
        stepIndex: 0,
        attempt: next,
        notBeforeMs: now + days * DAY,
      });
    },
  );

  it("ends the sequence on the limit of temporary failures, keeping the address", () => {
    const o = run("temporary", { earlier: 2 });
    expect(o.enrollments).toMatchObject({ do: "stop", state: "bounced" });
    expect(o.enrollments.do === "stop" && o.enrollments.reason).toMatch(
      /3 temporary delivery failures within 7 days; the address was kept/,
    );
    expect(o.address).toBe("kept");
    expect(o.lead).toBeNull();
  });

  it("follows the workspace's limit", () => {
    const strict = deliverabilitySettings({ softBounceLimit: 1 });
    expect(
      bounceOutcome({ class: "temporary", nowMs: now, earlierSoftBounces: 0, step: step(), settings: strict })
        .enrollments.do,
    ).toBe("stop");
  });

  it("retries a last step whose sequence had completed: it never arrived", () => {
    expect(run("temporary", { step: step({ enrollmentState: "completed" }) }).enrollments).toMatchObject({
      do: "retry",
      attempt: 2,
    });
  });

  it.each([
    ["a later step was already sent", step({ lastStepIndex: 1 })],
    ["the enrollment has ended", step({ enrollmentState: "replied" })],
    ["the bounce names no message of ours", null],
  ])("does not retry when %s", (_, s) => {
    expect(run("temporary", { step: s }).enrollments).toEqual({ do: "nothing" });
  });

  it("pauses the enrollment the bounce is about, or every live one when it is unknown", () => {
    expect(run("policy").enrollments).toMatchObject({ do: "pause", enrollmentId: "e1" });
    expect(run("policy", { step: null }).enrollments).toMatchObject({ do: "pause", enrollmentId: null });
  });
});
