import { type LeadStatus, leadStatusLabels, leadStatuses } from "../leadStatus";

/**
 * The funnel of seed 004: each card counts the leads whose current status is at or past that stage
 * (a lead that replied was also sent an email), as a share of all leads.
 */
export const FUNNEL: { key: string; label: string; statuses: LeadStatus[] }[] = (() => {
  const converted: LeadStatus[] = ["converted"];
  const replied: LeadStatus[] = ["replied", ...converted];
  const opened: LeadStatus[] = ["opened", "retargeted", ...replied];
  const sent: LeadStatus[] = ["email_sent", "bounced", "completed", "unsubscribed", ...opened];
  const audited: LeadStatus[] = ["audit_complete", "email_generated", "outreach_active", ...sent];
  return [
    { key: "total", label: "Total", statuses: [...leadStatuses] },
    { key: "audited", label: "Audited", statuses: audited },
    { key: "email_sent", label: "Email sent", statuses: sent },
    { key: "opened", label: "Opened", statuses: opened },
    { key: "replied", label: "Replied", statuses: replied },
    { key: "converted", label: "Converted", statuses: converted },
  ];
})();

export type StatusCounts = Partial<Record<string, number>>;

/**
 * Funnel cards and one stage card per status (in pipeline order), from per-status counts. `facts`
 * (leads that were audited, sent an email, opened one) replace the status-derived counts of those
 * stages when given: "at or past the status" overstates them (a replied lead need not have opened).
 */
export function pipelineView(counts: StatusCounts, facts: Partial<Record<string, number>> = {}) {
  const of = (s: string) => counts[s] ?? 0;
  const total = leadStatuses.reduce((n, s) => n + of(s), 0);
  const pct = (n: number) => (total ? Math.round((1000 * n) / total) / 10 : 0);
  return {
    total,
    funnel: FUNNEL.map((f) => {
      const count = facts[f.key] ?? f.statuses.reduce((n, s) => n + of(s), 0);
      return { key: f.key, label: f.label, count, pct: pct(count) };
    }),
    stages: leadStatuses.map((s) => ({
      status: s,
      label: leadStatusLabels[s],
      count: of(s),
      pct: pct(of(s)),
    })),
  };
}
