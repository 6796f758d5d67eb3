import { nextDue, type DueStep } from "../schedule/planSchedule";
import type { WindowCache } from "../schedule/sendingWindow";
import type { Branch, BranchFacts, StepPath } from "./branchDecision";
import { type LeadReach, nextStep, type SequenceStep } from "./sequenceEngine";

/** A step with the path it belongs to (null or absent: shared, sent to every lead). */
export type PathStep = SequenceStep & { path?: StepPath | null };

const DAY = 86_400_000;

/** The steps a lead on `path` gets: the shared ones and that path's (null: the shared ones only). */
export const stepsOnPath = <T extends { path?: StepPath | null }>(steps: T[], path: StepPath | null): T[] =>
  steps.filter((s) => !s.path || s.path === path);

/**
 * Whether the branch question is due for this lead: the sequence has a branch, the lead's path is not
 * decided, and no shared step after `lastIndex` can still reach the lead (its next step is a path's).
 */
export function atBranchPoint(
  steps: PathStep[],
  branch: Branch | null | undefined,
  path: StepPath | null,
  lastIndex: number | null,
  reach: LeadReach,
): boolean {
  if (!branch || path || !steps.some((s) => s.path)) return false;
  return nextStep(stepsOnPath(steps, null), lastIndex, reach, false).done;
}

/**
 * The step after `lastIndex` and when it is due, on the lead's path. With a branch not yet decided,
 * after the shared steps it is the earlier of the two paths' first steps: the moment the question
 * is first asked (the scheduler then decides, or waits for the answer). Each path's delays count from
 * the last shared step, the other path's steps taking no time.
 */
export function nextDueOnPath(
  steps: PathStep[],
  branch: Branch | null | undefined,
  path: StepPath | null,
  lastIndex: number | null,
  reach: LeadReach,
  replied: boolean,
  fromMs: number,
  zone: string,
  cache: WindowCache,
): DueStep {
  if (!branch || path)
    return nextDue(stepsOnPath(steps, path), lastIndex, reach, replied, fromMs, zone, cache);
  const shared = nextDue(stepsOnPath(steps, null), lastIndex, reach, replied, fromMs, zone, cache);
  if (!shared.done || shared.reason === "replied") return shared;
  const options = (["yes", "no"] as const)
    .map((p) => nextDue(stepsOnPath(steps, p), lastIndex, reach, false, fromMs, zone, cache))
    .filter((d) => !d.done);
  if (!options.length) return shared;
  return options.reduce((a, b) => (b.at < a.at ? b : a));
}

/** One message of the enrollment, as the branch question reads it. */
export type BranchMessage = {
  status: string;
  sentAt: number | null;
  firstOpenedAt: number | null;
  firstClickedAt: number | null;
};

/**
 * The facts the branch question reads, from the enrollment's messages, the lead's LinkedIn acceptance
 * and email status: when the last shared step was sent (the enrollment's start when none was), and the
 * earliest open and click since then (a day's slack for clock skew, as `takeBranch` allows).
 */
export function branchFacts(
  messages: BranchMessage[],
  enrolledAt: number,
  inviteAcceptedAt: number | null,
  emailStatus: string | null,
): { lastSharedSentAt: number; facts: BranchFacts } {
  const sent = messages.filter((m) => m.status === "sent" && m.sentAt !== null).map((m) => m.sentAt!);
  const lastSharedSentAt = sent.length ? Math.max(...sent) : enrolledAt;
  const earliestSince = (xs: (number | null)[]) => {
    const ok = xs.filter((x): x is number => x !== null && x >= lastSharedSentAt - DAY);
    return ok.length ? Math.min(...ok) : null;
  };
  return {
    lastSharedSentAt,
    facts: {
      openedAt: earliestSince(messages.map((m) => m.firstOpenedAt)),
      clickedAt: earliestSince(messages.map((m) => m.firstClickedAt)),
      inviteAcceptedAt,
      emailStatus,
    },
  };
}

/** How a path reads next to a step: "if opened", "if not opened". */
export function pathLabel(branch: Branch, path: StepPath): string {
  const words: Record<Branch["on"], [string, string]> = {
    opened: ["opened", "not opened"],
    clicked: ["clicked", "not clicked"],
    invite_accepted: ["invitation accepted", "invitation not accepted"],
    verified_email: ["verified email", "no verified email"],
  };
  return `if ${words[branch.on][path === "yes" ? 0 : 1]}`;
}
