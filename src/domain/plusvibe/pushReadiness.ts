/**
 * The readiness guard of a PlusVibe push (seed 004). PlusVibe renders its templates with whatever
 * variables a lead has when its send loop ticks and never retries a send, so a lead may only be pushed
 * once its writeback has filled the custom_* merge variables. One not-ready lead stops the whole push.
 */
export const PUSH_READY_STATUSES = [
  "email_generated",
  "email_sent",
  "opened",
  "replied",
  "retargeted",
  "converted",
] as const;

const NO_WRITEBACK = "Audit completed but writeback hasn't run, re-audit the lead";
const REASONS: Record<string, string> = {
  new: "Lead has not been audited yet, run an audit first",
  profile_enriched: "Lead has not been audited yet, run an audit first",
  email_enriched: "Lead has not been audited yet, run an audit first",
  audit_queued: "Audit not completed yet",
  audit_complete: NO_WRITEBACK,
  bounced: "Lead bounced, re-audit or remove",
  outreach_active: "Lead is in an active Overture sequence; finish or pause it first",
  completed: "Lead's outreach is completed; re-audit it to write a new email",
  unsubscribed: "Lead unsubscribed, remove it from the selection",
};

export type PushCandidate = { id: string; status: string | null; hasWritebackVariables: boolean };
export type NotReady = { id: string; status: string | null; reason: string };

export function pushReadiness(leads: PushCandidate[]): { ready: string[]; notReady: NotReady[] } {
  const ready: string[] = [];
  const notReady: NotReady[] = [];
  for (const l of leads) {
    const readyStatus = (PUSH_READY_STATUSES as readonly string[]).includes(l.status ?? "");
    if (readyStatus && l.hasWritebackVariables) ready.push(l.id);
    else
      notReady.push({
        id: l.id,
        status: l.status,
        reason: readyStatus ? NO_WRITEBACK : (REASONS[l.status ?? "new"] ?? REASONS.new!),
      });
  }
  return { ready, notReady };
}
