import type { ReadinessFinding } from "./readinessTypes";

export type SequenceReadinessInput = {
  hasEmailStep: boolean;
  senderAccountId: string | null;
  unsubscribeFooter: boolean;
};

/** Checks on the sequence itself, independent of any lead. */
export function sequenceReadiness(input: SequenceReadinessInput): ReadinessFinding[] {
  if (!input.hasEmailStep) return [];
  const findings: ReadinessFinding[] = [];
  if (!input.senderAccountId?.trim()) {
    findings.push({
      code: "no_sender_account",
      severity: "blocking",
      message:
        "This sequence has email steps but no sender account. Choose a sender account (Settings → Senders) before launching.",
    });
  }
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
