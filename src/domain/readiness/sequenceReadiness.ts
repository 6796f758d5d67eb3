import { describeSpintaxProblem, spintaxProblems } from "../messages/spintax";
import type { ReadinessFinding } from "./readinessTypes";

export type SequenceReadinessInput = {
  hasEmailStep: boolean;
  /** The senders the sequence rotates through, in order; `paused` ones take no new leads. */
  senders: { name: string; paused: boolean }[];
  unsubscribeFooter: boolean;
  /** The step templates, to check their spintax (broken spintax would fail every lead's send). */
  steps?: { idx: number; subject: string; body: string; variant?: string }[];
};

/** Broken spintax in a step's subject or body: one blocking finding per part, naming the first problem. */
function spintaxFindings(steps: SequenceReadinessInput["steps"] = []): ReadinessFinding[] {
  return steps.flatMap((step) =>
    (["subject", "body"] as const).flatMap((part) => {
      const [first] = spintaxProblems(step[part]);
      if (!first) return [];
      return [
        {
          code: "broken_spintax" as const,
          severity: "blocking" as const,
          stepIndex: step.idx,
          message: `Step ${step.idx}${step.variant ? ` (variant ${step.variant})` : ""}: the ${part} has broken spintax ${describeSpintaxProblem(first)}. Write options as {Hi|Hello}, or \\{ for a literal brace.`,
        },
      ];
    }),
  );
}

/** Checks on the sequence itself, independent of any lead. */
export function sequenceReadiness(input: SequenceReadinessInput): ReadinessFinding[] {
  const findings: ReadinessFinding[] = spintaxFindings(input.steps);
  if (!input.hasEmailStep) return findings;
  if (!input.senders.length) {
    findings.push({
      code: "no_sender_account",
      severity: "blocking",
      message:
        "This sequence has email steps but no sender account. Choose a sender account (Settings → Senders) before launching.",
    });
  }
  const paused = input.senders.filter((s) => s.paused);
  if (paused.length && paused.length === input.senders.length)
    findings.push({
      code: "sender_paused",
      severity: "warning",
      message: `${paused.length === 1 ? `The sender "${paused[0]!.name}" is` : "Every sender of this sequence is"} paused: nothing is sent until one is resumed in Settings → Senders.`,
    });
  else if (paused.length)
    findings.push({
      code: "sender_paused",
      severity: "warning",
      message: `Paused: ${paused.map((s) => `"${s.name}"`).join(", ")}. New leads go to the other senders; leads already given to a paused sender wait until it is resumed.`,
    });
  if (!input.unsubscribeFooter) {
    findings.push({
      code: "missing_unsubscribe",
      severity: "warning",
      message:
        "Emails in this sequence have no unsubscribe footer. Turn the footer on: an easy way out keeps people from marking you as spam, and the law in many countries requires it.",
    });
  }
  return findings;
}
