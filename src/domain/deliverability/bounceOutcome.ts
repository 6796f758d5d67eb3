import type { BounceClass } from "../inbound/inboundEmail";
import type { DeliverabilitySettings } from "./deliverabilitySettings";

const DAY_MS = 86_400_000;

/** The step a bounce is about, when the bounce could be tied to one of our messages. */
export type BouncedStep = {
  enrollmentId: string;
  stepIndex: number;
  attempt: number;
  /** The enrollment's state and the last step it sent, read in the recording transaction. */
  enrollmentState: string;
  lastStepIndex: number | null;
};

export type BounceOutcomeInput = {
  class: BounceClass;
  nowMs: number;
  /** The lead's earlier temporary failures (not counting this one) within `softBounceDays`. */
  earlierSoftBounces: number;
  step: BouncedStep | null;
  settings: DeliverabilitySettings;
};

/**
 * What a delivery report does. `address` says what becomes of the email address; `enrollments`
 * what happens to the lead's sequences; `sender` whether it counts against the sending account.
 */
export type BounceOutcome = {
  address: "invalid" | "kept";
  lead: "bounced" | "unsubscribed" | null;
  enrollments:
    | { do: "stop"; state: "bounced" | "unsubscribed"; reason: string }
    | { do: "retry"; enrollmentId: string; stepIndex: number; attempt: number; notBeforeMs: number }
    | { do: "pause"; enrollmentId: string | null; reason: string }
    | { do: "nothing" };
  sender: "bounce" | "complaint" | null;
  /** Also put the address on the workspace's suppression list. */
  suppress: boolean;
};

/** A last step that bounced temporarily left its enrollment "completed", though nothing arrived. */
const retriable = (state: string) => state === "active" || state === "paused" || state === "completed";

/**
 * Temporary failures are tried again later (1, then 2, then 4 days after the failure, in the
 * lead's next sending window), and only a run of them (e.g. 3 within 7 days) ends the sequence,
 * keeping the address: a full mailbox empties, an expired queue clears. A retry is only worth it
 * when the failed step is still the newest one the lead was sent; once a later step went out,
 * that one is the attempt that matters. A sequence that "completed" with the failed step as its
 * last one is reopened for the retry: the step never arrived.
 */
export function bounceOutcome(i: BounceOutcomeInput): BounceOutcome {
  const none = { address: "kept", lead: null, sender: null, suppress: false } as const;
  switch (i.class) {
    case "permanent":
      return {
        address: "invalid",
        lead: "bounced",
        enrollments: { do: "stop", state: "bounced", reason: "the address does not accept mail" },
        sender: "bounce",
        suppress: false,
      };
    case "complaint":
      return {
        address: "kept",
        lead: "unsubscribed",
        enrollments: {
          do: "stop",
          state: "unsubscribed",
          reason: "the recipient reported the email as spam",
        },
        sender: "complaint",
        suppress: true,
      };
    case "policy":
      return {
        ...none,
        enrollments: {
          do: "pause",
          enrollmentId: i.step?.enrollmentId ?? null,
          reason:
            "the receiving server refused the email for policy or reputation reasons; check the sender before resuming",
        },
        sender: "bounce",
      };
    case "undetermined":
      return {
        ...none,
        enrollments: {
          do: "pause",
          enrollmentId: i.step?.enrollmentId ?? null,
          reason: "the email bounced for a reason Overture could not read; check the bounce before resuming",
        },
      };
    case "temporary": {
      const failures = i.earlierSoftBounces + 1;
      if (failures >= i.settings.softBounceLimit)
        return {
          ...none,
          enrollments: {
            do: "stop",
            state: "bounced",
            reason: `${failures} temporary delivery failures within ${i.settings.softBounceDays} days; the address was kept`,
          },
        };
      const s = i.step;
      if (!s || !retriable(s.enrollmentState) || s.lastStepIndex !== s.stepIndex)
        return { ...none, enrollments: { do: "nothing" } };
      return {
        ...none,
        enrollments: {
          do: "retry",
          enrollmentId: s.enrollmentId,
          stepIndex: s.stepIndex,
          attempt: s.attempt + 1,
          notBeforeMs: i.nowMs + 2 ** (s.attempt - 1) * DAY_MS,
        },
      };
    }
    case "delivered":
    case "delayed":
      return { ...none, enrollments: { do: "nothing" } };
  }
}
