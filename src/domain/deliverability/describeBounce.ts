import type { BounceClass } from "../inbound/inboundEmail";
import type { BounceOutcome } from "./bounceOutcome";

export type BounceFacts = {
  class: BounceClass;
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
  reportingMta: string | null;
  /** What went wrong in a few words ("mailbox full", "address does not exist"). */
  phrase: string;
};

const headline: Record<BounceClass, string> = {
  permanent: "bounced",
  temporary: "could not be delivered for now",
  policy: "was refused by the receiving server",
  complaint: "was reported as spam",
  delivered: "was delivered",
  delayed: "is delayed",
  undetermined: "bounced",
};

/**
 * One sentence for the lead's timeline: what happened, in the reporting server's words where they
 * help, and what Overture did about it. `retryOn` is the local date of a scheduled retry.
 */
export function describeBounce(f: BounceFacts, outcome: BounceOutcome, retryOn: string | null): string {
  const to = f.recipient ? ` to ${f.recipient}` : "";
  const detail = [f.status, f.reportingMta ? `reported by ${f.reportingMta}` : null]
    .filter(Boolean)
    .join(", ");
  const what = `The email${to} ${headline[f.class]}${f.phrase && f.class !== "delivered" ? `: ${f.phrase}` : ""}${detail ? ` (${detail})` : ""}.`;
  const e = outcome.enrollments;
  const then =
    f.class === "permanent"
      ? "The address is marked invalid and every sequence stopped for this lead."
      : f.class === "complaint"
        ? "The lead is unsubscribed and the address suppressed for the whole workspace."
        : e.do === "retry"
          ? `The address was kept; the step will be tried again${retryOn ? ` on ${retryOn}` : ""}.`
          : e.do === "stop"
            ? `The sequence ended: ${e.reason}.`
            : e.do === "pause"
              ? `The sequence is paused for a person: ${e.reason}.`
              : f.class === "temporary"
                ? "The address was kept."
                : "";
  return then ? `${what} ${then}` : what;
}
