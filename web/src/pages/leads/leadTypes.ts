import { leadStatuses, leadStatusLabels } from "../../../../src/domain/leadStatus";
import type { Get } from "../../api/client";

export type Lead = Get<"/api/leads">["items"][number];
export type ListSummary = Get<"/api/lists">[number];

/** The server's own status order and labels (one module, imported by both). */
export const statusOptions: [string, string][] = leadStatuses.map((s) => [s, leadStatusLabels[s]]);

export const fullName = (l: { firstName: string | null; lastName: string | null; email: string | null }) =>
  [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || "Unnamed lead";

/** The fields a person edits on the lead page, with their labels. */
export const editable: [keyof Lead, string][] = [
  ["firstName", "First name"],
  ["lastName", "Last name"],
  ["email", "Email"],
  ["linkedinUrl", "LinkedIn URL"],
  ["company", "Company"],
  ["companyDomain", "Company domain"],
  ["jobTitle", "Job title"],
  ["headline", "Headline"],
  ["phone", "Phone"],
  ["location", "Location"],
  ["timezone", "Timezone"],
  ["industry", "Industry"],
  ["companySize", "Company size"],
  ["seniority", "Seniority"],
];
