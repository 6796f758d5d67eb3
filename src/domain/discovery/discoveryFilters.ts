import { z } from "zod";

/** Seniority levels, most senior first; describeFilters relies on this order for "director+". */
export const seniorities = [
  "owner",
  "c_level",
  "vp",
  "director",
  "head",
  "manager",
  "senior",
  "entry",
] as const;
export type Seniority = (typeof seniorities)[number];

// Bounded so a pasted essay or a runaway LLM answer fails with a clear message instead of a huge query.
const MAX_ITEMS = 20;
const MAX_CHARS = 100;

const term = z.string().trim().min(1, "must not be empty").max(MAX_CHARS);
const terms = z.array(term).max(MAX_ITEMS).default([]);
const headcount = z.number().int().nonnegative().nullable().default(null);

/** Structured people-search filters; every field has a default so `{}` means "everyone". */
export const discoveryFiltersSchema = z.object({
  titles: terms,
  seniority: z.array(z.enum(seniorities)).max(MAX_ITEMS).default([]),
  industries: terms,
  locations: terms,
  companySize: z
    .object({ min: headcount, max: headcount })
    .refine((s) => s.min === null || s.max === null || s.min <= s.max, {
      message: "min must not exceed max",
      path: ["min"],
    })
    .default({ min: null, max: null }),
  keywords: terms,
});

export type DiscoveryFilters = z.infer<typeof discoveryFiltersSchema>;

export function emptyFilters(): DiscoveryFilters {
  return {
    titles: [],
    seniority: [],
    industries: [],
    locations: [],
    companySize: { min: null, max: null },
    keywords: [],
  };
}

const seniorityLabels: Record<Seniority, string> = {
  owner: "owner",
  c_level: "C-level",
  vp: "VP",
  director: "director",
  head: "head",
  manager: "manager",
  senior: "senior",
  entry: "entry-level",
};

/** Long lists are cut so the summary still fits in a list name. */
function listOf(items: string[], shown = 3): string {
  if (items.length <= shown) return items.join(", ");
  return `${items.slice(0, shown).join(", ")} +${items.length - shown}`;
}

function describeSeniority(levels: Seniority[]): string {
  const ranks = [...new Set(levels)].map((s) => seniorities.indexOf(s)).sort((a, b) => a - b);
  const contiguous = ranks.every((r, i) => i === 0 || r === ranks[i - 1] + 1);
  // A run from the top (owner or C-level) down to some level reads best as "that level and up".
  if (ranks.length >= 2 && contiguous && ranks[0] <= 1)
    return `${seniorityLabels[seniorities[ranks.at(-1)!]]}+`;
  return ranks.map((r) => seniorityLabels[seniorities[r]]).join("/");
}

function describeSize({ min, max }: DiscoveryFilters["companySize"]): string | null {
  const n = (v: number) => v.toLocaleString("en-US");
  if (min !== null && max !== null)
    return min === max ? `${n(min)} employees` : `${n(min)}–${n(max)} employees`;
  if (min !== null) return `${n(min)}+ employees`;
  if (max !== null) return `up to ${n(max)} employees`;
  return null;
}

/** One-line human summary, e.g. `Head of Marketing · director+ · SaaS · Germany · 50–200 employees`. */
export function describeFilters(f: DiscoveryFilters): string {
  const parts = [
    listOf(f.titles),
    f.seniority.length ? describeSeniority(f.seniority) : "",
    listOf(f.industries),
    listOf(f.locations),
    describeSize(f.companySize) ?? "",
    listOf(f.keywords.map((k) => `"${k}"`)),
  ].filter((p) => p !== "");
  return parts.length ? parts.join(" · ") : "everyone";
}
