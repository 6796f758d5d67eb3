import { MERGE_FIELD_SOURCE } from "./mergeField";
import { renderSpintax, type SpintaxProblem } from "./spintax";

const PLACEHOLDER = new RegExp(MERGE_FIELD_SOURCE, "g");

export type RenderResult =
  { ok: true; text: string } | { ok: false; missing: string[]; spintax?: SpintaxProblem[] };

export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills merge variables. A variable that is missing or blank, with no fallback, makes the whole
 * render fail with the list of what is missing: nothing ever goes out with an empty merge field
 * (ARCHITECTURE.md §2.5) or a raw `{{…}}` left in it.
 *
 * With a `spin` key (spinKey: lead, step, part) the spintax is rendered first, so a lead's own data
 * is never read as spintax; broken spintax fails the render like a missing field.
 */
export function renderTemplate(
  template: string,
  vars: Record<string, string | null | undefined>,
  spin?: string,
): RenderResult {
  let source = template;
  if (spin !== undefined) {
    const spun = renderSpintax(template, spin);
    if (!spun.ok) return { ok: false, missing: [], spintax: spun.problems };
    source = spun.text;
  }
  const missing = new Set<string>();
  const text = source.replace(PLACEHOLDER, (_, name: string, fallback: string | undefined) => {
    const v = vars[name]?.trim();
    if (v) return v;
    if (fallback !== undefined && fallback.trim()) return fallback.trim();
    missing.add(name);
    return "";
  });
  if (missing.size) return { ok: false, missing: [...missing] };
  if (/\{\{|\}\}/.test(text)) return { ok: false, missing: ["malformed placeholder"] };
  return { ok: true, text };
}

/** A lead's merge variables: snake_case fields plus every custom field as custom_<key>. */
export function leadMergeVars(lead: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  company?: string | null;
  companyDomain?: string | null;
  jobTitle?: string | null;
  location?: string | null;
  customFields?: Record<string, string> | null;
}): Record<string, string> {
  const vars: Record<string, string> = {};
  const put = (k: string, v: string | null | undefined) => {
    if (v?.trim()) vars[k] = v.trim();
  };
  put("first_name", lead.firstName);
  put("last_name", lead.lastName);
  put("full_name", [lead.firstName, lead.lastName].filter(Boolean).join(" "));
  put("email", lead.email);
  put("company", lead.company);
  put("company_domain", lead.companyDomain);
  put("job_title", lead.jobTitle);
  put("location", lead.location);
  for (const [k, v] of Object.entries(lead.customFields ?? {})) put(`custom_${k}`, v);
  return vars;
}
