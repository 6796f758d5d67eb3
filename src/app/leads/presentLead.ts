import { type Blocklist, isBlocked } from "../../domain/blocking/isBlocked";
import { isLeadStatus, leadStatusLabels } from "../../domain/leadStatus";

type Row = Record<string, unknown>;
const pick = (r: Row, camel: string, snake: string) => (r[camel] ?? r[snake] ?? null) as string | null;

/** The lead as the API shows it, from a Drizzle row (camelCase) or a raw SQL row (snake_case). */
export function presentLead(r: Row, blocklist: Blocklist) {
  const email = pick(r, "email", "email");
  const companyDomain = pick(r, "companyDomain", "company_domain");
  const status = String(r.status);
  const block = isBlocked({ email, companyDomain }, blocklist);
  const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    id: String(r.id),
    firstName: pick(r, "firstName", "first_name"),
    lastName: pick(r, "lastName", "last_name"),
    email,
    emailStatus: pick(r, "emailStatus", "email_status"),
    company: pick(r, "company", "company"),
    companyDomain,
    jobTitle: pick(r, "jobTitle", "job_title"),
    headline: pick(r, "headline", "headline"),
    linkedinUrl: pick(r, "linkedinUrl", "linkedin_url"),
    phone: pick(r, "phone", "phone"),
    location: pick(r, "location", "location"),
    timezone: pick(r, "timezone", "timezone"),
    industry: pick(r, "industry", "industry"),
    companySize: pick(r, "companySize", "company_size"),
    seniority: pick(r, "seniority", "seniority"),
    status,
    statusLabel: isLeadStatus(status) ? leadStatusLabels[status] : status,
    customFields: ((r.customFields ?? r.custom_fields) as Record<string, string>) ?? {},
    opens: Number(r.opens ?? 0),
    auditId: pick(r, "auditId", "audit_id"),
    auditGrade: pick(r, "auditGrade", "audit_grade"),
    auditTopIssue: pick(r, "auditTopIssue", "audit_top_issue"),
    blocked: block.blocked,
    blockedReason: block.blocked ? block.reason : null,
    createdAt: date(r.createdAt ?? r.created_at),
    updatedAt: date(r.updatedAt ?? r.updated_at),
  };
}

export type LeadView = ReturnType<typeof presentLead>;
