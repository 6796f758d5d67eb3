/**
 * Which message this step is on its own channel: 1 for the first email of a sequence even when
 * LinkedIn steps come before it, 2 for the email after that, and the same for LinkedIn (an invite
 * and the messages after it count together). Writers decide "first email" or "follow-up" on this,
 * not on the step's number: in a LinkedIn-first sequence step 2 is the first email.
 */
export function channelTouch(steps: { idx: number; channel: string }[], stepIndex: number): number {
  const step = steps.find((s) => s.idx === stepIndex);
  if (!step) return stepIndex;
  const family = (c: string) => (c === "email" ? "email" : "linkedin");
  return steps.filter((s) => s.idx <= stepIndex && family(s.channel) === family(step.channel)).length;
}
