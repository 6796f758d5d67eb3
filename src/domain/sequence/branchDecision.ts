/**
 * Branches in a sequence: after the shared steps, one yes/no question decides which path's steps a
 * lead gets. Pure: the scheduler reads the facts and records what this answers.
 */
export const branchQuestions = ["opened", "clicked", "invite_accepted", "verified_email"] as const;
export type BranchQuestion = (typeof branchQuestions)[number];
export type StepPath = "yes" | "no";
export type Branch = { on: BranchQuestion; withinDays: number };

export type BranchFacts = {
  openedAt?: number | null;
  clickedAt?: number | null;
  inviteAcceptedAt?: number | null;
  emailStatus: string | null;
};

export type BranchAnswer =
  { decided: false; decideAt: number } | { decided: true; path: StepPath; reason: string };

const DAY = 86_400_000;

const yesReason: Record<BranchQuestion, string> = {
  opened: "opened the email",
  clicked: "clicked a link",
  invite_accepted: "accepted the LinkedIn invitation",
  verified_email: "has a verified email",
};
const noReason: Record<BranchQuestion, string> = {
  opened: "did not open the email",
  clicked: "did not click a link",
  invite_accepted: "did not accept the LinkedIn invitation",
  verified_email: "has no verified email",
};

/**
 * The path a lead takes. A "yes" that happened within the window decides at once (no need to wait
 * the full window); otherwise the answer is "no" once `withinDays` have passed since the last shared
 * step was sent. An event from before that step (a day's slack for clock skew) answers nothing.
 */
export function takeBranch(
  branch: Branch,
  facts: BranchFacts,
  lastSharedSentAt: number,
  now: number,
): BranchAnswer {
  const deadline = lastSharedSentAt + branch.withinDays * DAY;
  const yes = (at: number | null | undefined) => at != null && at >= lastSharedSentAt - DAY && at <= deadline;
  const answered =
    branch.on === "opened"
      ? yes(facts.openedAt) || yes(facts.clickedAt) // a click means it was opened
      : branch.on === "clicked"
        ? yes(facts.clickedAt)
        : branch.on === "invite_accepted"
          ? yes(facts.inviteAcceptedAt)
          : facts.emailStatus === "valid";
  if (answered) return { decided: true, path: "yes", reason: yesReason[branch.on] };
  if (now < deadline) return { decided: false, decideAt: deadline };
  return { decided: true, path: "no", reason: `${noReason[branch.on]} within ${branch.withinDays} days` };
}

/** What is wrong with a sequence's steps and branch, in words for a 400; null when they fit together. */
export function branchShapeProblem(
  steps: { index: number; path?: StepPath | null }[],
  branch: Branch | null | undefined,
): string | null {
  const ordered = [...steps].sort((a, b) => a.index - b.index);
  const pathSteps = ordered.filter((s) => s.path);
  if (!branch) return pathSteps.length ? "steps have a path (yes/no) but the sequence has no branch" : null;
  if (!branchQuestions.includes(branch.on)) return `unknown branch question "${String(branch.on)}"`;
  if (!Number.isInteger(branch.withinDays) || branch.withinDays < 1 || branch.withinDays > 30)
    return "the branch's withinDays must be a whole number from 1 to 30";
  if (!pathSteps.length) return "a branch needs at least one step on the yes or no path";
  const firstPath = ordered.findIndex((s) => s.path);
  if (ordered.slice(firstPath).some((s) => !s.path))
    return "shared steps (no path) must all come before the yes and no steps";
  return null;
}
