import { type LeadReach, nextStep, type SequenceStep } from "../sequence/sequenceEngine";
import { dueInstant, holidaysSkipped, type WindowCache } from "./sendingWindow";

export type DueStep =
  | { done: false; step: SequenceStep; at: number; delayDays: number; skipped: SequenceStep[] }
  | { done: true; reason: "finished" | "replied" | "no_reachable_step"; skipped: SequenceStep[] };

/**
 * The step after `lastIndex` and the instant it is due, counted from `fromMs` (the launch, or the
 * previous send) in the lead's zone. The scheduler calls this at launch and after every send; the
 * preview calls it step after step, so both read one calendar.
 */
export function nextDue(
  steps: SequenceStep[],
  lastIndex: number | null,
  reach: LeadReach,
  replied: boolean,
  fromMs: number,
  zone: string,
  cache: WindowCache,
): DueStep {
  const n = nextStep(steps, lastIndex, reach, replied);
  if (n.done) return n;
  return { ...n, at: dueInstant(fromMs, n.delayDays, zone, cache) };
}

export type PlannedStep = {
  step: SequenceStep;
  at: number | null;
  skipped: boolean;
  /** The public holidays the step was moved past (the lead's country), earliest first. */
  holidays: { date: string; holiday: string }[];
};

/**
 * Every remaining step with its due instant, assuming each goes out when it is due (pacing under a
 * sender's daily cap can only make a real send later, never earlier). A step the lead cannot
 * receive is listed as skipped, as the scheduler skips it.
 */
export function planSchedule(
  steps: SequenceStep[],
  reach: LeadReach,
  fromMs: number,
  zone: string,
  cache: WindowCache,
  lastIndex: number | null = null,
): PlannedStep[] {
  const plan: PlannedStep[] = [];
  let last = lastIndex;
  let from = fromMs;
  for (;;) {
    const due = nextDue(steps, last, reach, false, from, zone, cache);
    for (const s of due.skipped) plan.push({ step: s, at: null, skipped: true, holidays: [] });
    if (due.done) return plan;
    const holidays = holidaysSkipped(from, due.delayDays, due.at, zone, cache);
    plan.push({ step: due.step, at: due.at, skipped: false, holidays });
    last = due.step.index;
    from = due.at;
  }
}
