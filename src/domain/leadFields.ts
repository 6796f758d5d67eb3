/** The lead fields every import, form and export knows, in display order. */
export const leadFieldKeys = [
  "firstName",
  "lastName",
  "email",
  "company",
  "companyDomain",
  "jobTitle",
  "headline",
  "linkedinUrl",
  "phone",
  "location",
  "timezone",
  "industry",
  "companySize",
  "seniority",
] as const;
export type LeadFieldKey = (typeof leadFieldKeys)[number];

export const leadFieldLabels: Record<LeadFieldKey, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  company: "Company",
  companyDomain: "Company domain",
  jobTitle: "Job title",
  headline: "Headline",
  linkedinUrl: "LinkedIn URL",
  phone: "Phone",
  location: "Location",
  timezone: "Timezone",
  industry: "Industry",
  companySize: "Company size",
  seniority: "Seniority",
};

export type LeadInput = Partial<Record<LeadFieldKey, string>> & { customFields?: Record<string, string> };
