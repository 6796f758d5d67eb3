import type { LeadFieldKey } from "../leadFields";

/**
 * Header spellings seen in real exports (Sales Navigator, Apollo, HubSpot, lemlist, Instantly,
 * Clay, plain spreadsheets), compared after `normaliseHeader`. Order within a field = preference.
 */
export const headerAliases: Record<LeadFieldKey, string[]> = {
  firstName: ["first name", "firstname", "first", "given name", "forename", "prenom", "vorname"],
  lastName: ["last name", "lastname", "last", "surname", "family name", "nom", "nachname"],
  email: [
    "email",
    "email address",
    "e mail",
    "mail",
    "work email",
    "business email",
    "email 1",
    "primary email",
    "contact email",
  ],
  company: [
    "company",
    "company name",
    "companyname",
    "organisation",
    "organization",
    "organization name",
    "employer",
    "account name",
    "current company",
    "company name for emails",
    "org",
    "firm",
    "business",
    "firma",
    "unternehmen",
    "entreprise",
    "societe",
  ],
  companyDomain: [
    "company domain",
    "companydomain",
    "domain",
    "website",
    "company website",
    "website url",
    "company url",
    "web",
  ],
  jobTitle: [
    "job title",
    "jobtitle",
    "title",
    "position",
    "role",
    "current title",
    "occupation",
    "berufsbezeichnung",
    "titel",
    "poste",
    "fonction",
  ],
  headline: ["headline", "linkedin headline", "linkedin bio", "summary", "bio"],
  linkedinUrl: [
    "linkedin url",
    "linkedinurl",
    "linkedin",
    "linkedin profile",
    "linkedin profile url",
    "person linkedin url",
    "profile url",
    "linkedin link",
    "li url",
    "sales navigator url",
    "profileurl",
  ],
  phone: [
    "phone",
    "phone number",
    "mobile phone",
    "mobile",
    "telephone",
    "tel",
    "corporate phone",
    "direct phone",
    "telefon",
    "telephone",
  ],
  location: [
    "location",
    "city",
    "geography",
    "region",
    "address",
    "country region",
    "country",
    "ort",
    "stadt",
    "ville",
    "land",
    "pays",
  ],
  timezone: ["timezone", "time zone", "tz"],
  industry: ["industry", "sector", "vertical"],
  companySize: [
    "company size",
    "companysize",
    "employees",
    "employee count",
    "number of employees",
    "headcount",
    "company headcount",
  ],
  seniority: ["seniority", "seniority level", "level"],
};

/** "First_Name", "first-name ", "Prénom" → "first name", "prenom"; "# Employees" → "employees". */
export function normaliseHeader(h: string): string {
  return h
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
