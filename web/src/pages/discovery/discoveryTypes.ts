import { ApiError } from "../../api/client";

/** Seniority levels as the API names them, most senior first, with the words people read. */
export const seniorityOptions = [
  ["owner", "Owner"],
  ["c_level", "C-level"],
  ["vp", "VP"],
  ["director", "Director"],
  ["head", "Head"],
  ["manager", "Manager"],
  ["senior", "Senior"],
  ["entry", "Entry level"],
] as const;
export type Seniority = (typeof seniorityOptions)[number][0];

export type Filters = {
  titles: string[];
  seniority: Seniority[];
  industries: string[];
  locations: string[];
  companySize: { min: number | null; max: number | null };
  keywords: string[];
};

export type ProviderKey = "sandbox" | "linkedin" | "sales_navigator";
export const providerOptions: [ProviderKey, string][] = [
  ["sandbox", "Sandbox directory (generated people)"],
  ["linkedin", "LinkedIn (through Unipile)"],
  ["sales_navigator", "LinkedIn Sales Navigator (through Unipile)"],
];
export const providerName = (k: string) => providerOptions.find(([v]) => v === k)?.[1] ?? k;

export type Interpretation = {
  filters: Filters;
  via: "llm" | "parser";
  summary: string;
  note: string | null;
};

export type Person = {
  firstName: string;
  lastName: string;
  jobTitle: string;
  headline: string;
  company: string;
  companyDomain?: string;
  industry?: string;
  companySize?: string;
  seniority?: string;
  location: string;
  linkedinUrl: string;
  email?: string;
};
export type Preview = { provider: ProviderKey; summary: string; total: number | null; people: Person[] };

export type SavedSearch = {
  id: string;
  name: string;
  query: string;
  filters: Filters;
  summary: string;
  provider: ProviderKey;
  targetCount: number;
  found: number;
  added: number;
  duplicates: number;
  status: "queued" | "running" | "done" | "failed";
  error: string | null;
  listId: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
};

/** The filters as the form edits them: lists as comma-separated text, sizes as typed. */
export type FilterDraft = {
  titles: string;
  seniority: Seniority[];
  industries: string;
  locations: string;
  keywords: string;
  min: string;
  max: string;
};

export const emptyDraft: FilterDraft = {
  titles: "",
  seniority: [],
  industries: "",
  locations: "",
  keywords: "",
  min: "",
  max: "",
};

const splitList = (s: string) =>
  s
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
const size = (s: string) => (s.trim() === "" ? null : Number(s));

export function toFilters(d: FilterDraft): Filters {
  return {
    titles: splitList(d.titles),
    seniority: d.seniority,
    industries: splitList(d.industries),
    locations: splitList(d.locations),
    companySize: { min: size(d.min), max: size(d.max) },
    keywords: splitList(d.keywords),
  };
}

export function toDraft(f: Filters): FilterDraft {
  return {
    titles: f.titles.join(", "),
    seniority: f.seniority,
    industries: f.industries.join(", "),
    locations: f.locations.join(", "),
    keywords: f.keywords.join(", "),
    min: f.companySize.min === null ? "" : String(f.companySize.min),
    max: f.companySize.max === null ? "" : String(f.companySize.max),
  };
}

const fieldNames: Record<string, string> = {
  titles: "Job titles",
  seniority: "Seniority",
  industries: "Industries",
  locations: "Locations",
  keywords: "Keywords",
  companySize: "Company size",
  count: "How many people",
  name: "Search name",
};

/** An API error in the form's words: "body.filters.titles.2: …" reads "Job titles, item 3: …". */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError) || e.code !== "validation") return (e as Error).message;
  const m = e.message.match(/^body\.(?:filters\.)?([a-zA-Z]+)(?:\.(\d+))?(?:\.(min|max))?: (.*)$/);
  if (!m || !fieldNames[m[1]]) return e.message;
  const where = m[2] !== undefined ? `, item ${Number(m[2]) + 1}` : m[3] ? ` (${m[3]})` : "";
  return `${fieldNames[m[1]]}${where}: ${m[4]}`;
}
