export const stepChannels = ["email", "linkedin_invite", "linkedin_message"] as const;
export type StepChannel = (typeof stepChannels)[number];
export type StepCondition = "always" | "no_reply";
export type SequenceStep = {
  index: number;
  channel: StepChannel;
  delayDays: number;
  condition: StepCondition;
};

export type LeadReach = { hasUsableEmail: boolean; hasLinkedIn: boolean };

export type NextStep =
  | { done: false; step: SequenceStep; delayDays: number; skipped: SequenceStep[] }
  | { done: true; reason: "finished" | "replied" | "no_reachable_step"; skipped: SequenceStep[] };

const reachable = (s: SequenceStep, r: LeadReach) =>
  s.channel === "email" ? r.hasUsableEmail : r.hasLinkedIn;

/**
 * The step after `lastIndex` (null before the first). Steps the lead cannot receive (an email step
 * without a usable email, a LinkedIn step without a profile) are skipped; their delays carry over,
 * so the next step keeps its place in the calendar relative to the last step actually sent.
 * After a reply nothing more is sent: "no reply" steps by definition, and "always" steps too,
 * because a reply on any channel stops the sequence (ARCHITECTURE.md §2.2).
 */
export function nextStep(
  steps: SequenceStep[],
  lastIndex: number | null,
  reach: LeadReach,
  replied: boolean,
): NextStep {
  const ordered = [...steps].sort((a, b) => a.index - b.index);
  const skipped: SequenceStep[] = [];
  if (replied) return { done: true, reason: "replied", skipped };
  let delay = 0;
  for (const s of ordered) {
    if (lastIndex !== null && s.index <= lastIndex) continue;
    delay += s.delayDays;
    if (!reachable(s, reach)) {
      skipped.push(s);
      continue;
    }
    return { done: false, step: s, delayDays: delay, skipped };
  }
  return {
    done: true,
    reason: skipped.length && lastIndex === null ? "no_reachable_step" : "finished",
    skipped,
  };
}

export const enrollmentStates = [
  "active",
  "paused",
  "replied",
  "completed",
  "bounced",
  "unsubscribed",
  "blocked",
  "failed",
] as const;
export type EnrollmentState = (typeof enrollmentStates)[number];
export type EnrollmentEvent =
  "pause" | "resume" | "reply" | "auto_reply" | "bounce" | "unsubscribe" | "block" | "finish" | "fail";

const terminal: EnrollmentState[] = ["replied", "completed", "bounced", "unsubscribed", "blocked", "failed"];

/** How an enrollment moves; an ended enrollment never restarts (a new enrollment would be needed). */
export function enrollmentTransition(
  state: EnrollmentState,
  event: EnrollmentEvent,
): EnrollmentState | { error: string } {
  if (terminal.includes(state)) return { error: `the enrollment has ended (${state})` };
  switch (event) {
    case "pause":
    case "auto_reply":
      return "paused";
    case "resume":
      return state === "paused" ? "active" : { error: "only a paused enrollment can resume" };
    case "reply":
      return "replied";
    case "bounce":
      return "bounced";
    case "unsubscribe":
      return "unsubscribed";
    case "block":
      return "blocked";
    case "finish":
      return "completed";
    case "fail":
      return "failed";
  }
}
