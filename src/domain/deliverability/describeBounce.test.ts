import { describe, expect, it } from "vitest";
import { bounceOutcome } from "./bounceOutcome";
import { deliverabilitySettings } from "./deliverabilitySettings";
import { type BounceFacts, describeBounce } from "./describeBounce";

const settings = deliverabilitySettings({});
const facts = (o: Partial<BounceFacts>): BounceFacts => ({
  class: "permanent",
  recipient: "jane@acme.example",
  status: "5.1.1",
  diagnostic: "550 5.1.1 no such user",
  reportingMta: "mx.acme.example",
  phrase: "address does not exist",
  ...o,
});
const outcome = (f: BounceFacts, earlier = 0) =>
  bounceOutcome({
    class: f.class,
    nowMs: 0,
    earlierSoftBounces: earlier,
    step: { enrollmentId: "e", stepIndex: 0, attempt: 1, enrollmentState: "active", lastStepIndex: 0 },
    settings,
  });

describe("describeBounce", () => {
  it.each([
    [
      facts({}),
      "The email to jane@acme.example bounced: address does not exist (5.1.1, reported by mx.acme.example). The address is marked invalid and every sequence stopped for this lead.",
    ],
    [
      facts({ class: "temporary", status: "4.2.2", phrase: "mailbox full" }),
      "The email to jane@acme.example could not be delivered for now: mailbox full (4.2.2, reported by mx.acme.example). The address was kept; the step will be tried again on Fri 4 Dec.",
    ],
    [
      facts({ class: "complaint", status: null, reportingMta: null, phrase: "abuse report" }),
      "The email to jane@acme.example was reported as spam: abuse report. The lead is unsubscribed and the address suppressed for the whole workspace.",
    ],
    [
      facts({ class: "policy", status: "5.7.1", phrase: "blocked as spam by the receiving server" }),
      "The email to jane@acme.example was refused by the receiving server: blocked as spam by the receiving server (5.7.1, reported by mx.acme.example). The sequence is paused for a person: the receiving server refused the email for policy or reputation reasons; check the sender before resuming.",
    ],
    [
      facts({ class: "delivered", status: "2.0.0", recipient: null, reportingMta: null }),
      "The email was delivered (2.0.0).",
    ],
  ])("%#", (f, text) => {
    expect(describeBounce(f, outcome(f), "Fri 4 Dec")).toBe(text);
  });

  it("says when a run of temporary failures ended the sequence", () => {
    const f = facts({ class: "temporary", status: "4.4.7", phrase: "delivery expired" });
    expect(describeBounce(f, outcome(f, 2), null)).toMatch(
      /The sequence ended: 3 temporary delivery failures within 7 days; the address was kept\.$/,
    );
  });
});
