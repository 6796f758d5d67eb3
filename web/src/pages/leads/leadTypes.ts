export type Lead = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  emailStatus: string | null;
  company: string | null;
  companyDomain: string | null;
  jobTitle: string | null;
  headline: string | null;
  linkedinUrl: string | null;
  phone: string | null;
  location: string | null;
  timezone: string | null;
  industry: string | null;
  companySize: string | null;
  seniority: string | null;
  status: string;
  statusLabel: string;
  customFields: Record<string, string>;
  opens: number;
  auditId: string | null;
  auditGrade: string | null;
  auditTopIssue: string | null;
  blocked: boolean;
  blockedReason: string | null;
  createdAt: string;
};

export type ListSummary = {
  id: string;
  name: string;
  source: string;
  leadCount: number;
  createdAt: string;
  description: string;
};

export const statusOptions: [string, string][] = [
  ["new", "New"],
  ["profile_enriched", "Profile enriched"],
  ["email_enriched", "Email enriched"],
  ["audit_queued", "Audit Queued"],
  ["audit_complete", "Audited"],
  ["email_generated", "Email Ready"],
  ["outreach_active", "Outreach active"],
  ["email_sent", "Email Sent"],
  ["opened", "Opened"],
  ["replied", "Replied"],
  ["bounced", "Bounced"],
  ["completed", "Completed"],
  ["converted", "Converted"],
  ["retargeted", "Retargeted"],
  ["unsubscribed", "Unsubscribed"],
];

export const fullName = (l: Pick<Lead, "firstName" | "lastName" | "email">) =>
  [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || "Unnamed lead";
