/** One pipeline, in order (ARCHITECTURE.md §1), with the badge labels users see. */
export const leadStatuses = [
  "new",
  "profile_enriched",
  "email_enriched",
  "audit_queued",
  "audit_complete",
  "email_generated",
  "outreach_active",
  "email_sent",
  "opened",
  "replied",
  "bounced",
  "completed",
  "converted",
  "retargeted",
  "unsubscribed",
] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const leadStatusLabels: Record<LeadStatus, string> = {
  new: "New",
  profile_enriched: "Profile enriched",
  email_enriched: "Email enriched",
  audit_queued: "Audit Queued",
  audit_complete: "Audited",
  email_generated: "Email Ready",
  outreach_active: "Outreach active",
  email_sent: "Email Sent",
  opened: "Opened",
  replied: "Replied",
  bounced: "Bounced",
  completed: "Completed",
  converted: "Converted",
  retargeted: "Retargeted",
  unsubscribed: "Unsubscribed",
};

export const isLeadStatus = (s: string): s is LeadStatus => (leadStatuses as readonly string[]).includes(s);

const terminal: LeadStatus[] = ["replied", "bounced", "completed", "converted", "unsubscribed"];

/**
 * The engine only moves a lead forward and never out of an outcome (a bounce or reply is never
 * overwritten by a later "sent"); people may set any status by hand, which is always recorded.
 */
export function automaticTransitionAllowed(from: LeadStatus, to: LeadStatus): boolean {
  if (from === to) return false;
  if (terminal.includes(from)) return from === "replied" && to === "converted";
  return leadStatuses.indexOf(to) > leadStatuses.indexOf(from);
}

/**
 * The statuses a person sets that end outreach, and the state the lead's running enrollments end in:
 * a converted or completed lead is done, a replied one is in a conversation, a bounced or
 * unsubscribed one must not be written to again.
 */
const ENDS_OUTREACH: Partial<Record<LeadStatus, "replied" | "completed" | "bounced" | "unsubscribed">> = {
  converted: "completed",
  completed: "completed",
  replied: "replied",
  bounced: "bounced",
  unsubscribed: "unsubscribed",
};
export const enrollmentEndFor = (s: LeadStatus) => ENDS_OUTREACH[s] ?? null;
