import { companyDomainOf } from "../identity/companyDomain";
import { isFreeMailDomain } from "../identity/isFreeMailDomain";
import { normaliseEmail } from "../identity/normaliseEmail";
import { canonicalZoneName } from "../schedule/canonicalZone";
import { linkedInKey, normaliseLinkedInUrl } from "../identity/normaliseLinkedIn";
import { customFieldMaxLength, leadFieldMaxLength } from "../leadFieldLimits";
import type { LeadFieldKey, LeadInput } from "../leadFields";

export type NormalisedLead = Partial<Record<LeadFieldKey, string>> & {
  linkedinKey?: string;
  customFields: Record<string, string>;
};
/** A value cut to its field's limit: `field` is a lead field key or `custom.<key>`. */
export type Truncation = { field: string; length: number; limit: number };
export type RowCheck =
  | { ok: true; lead: NormalisedLead; warnings: string[]; truncated: Truncation[] }
  | { ok: false; reason: string };

function cut(v: string, field: string, limit: number, truncated: Truncation[]): string {
  if (v.length <= limit) return v;
  truncated.push({ field, length: v.length, limit });
  return v.slice(0, limit);
}

/**
 * A lead needs a usable LinkedIn URL or email. A bad value next to a good identity is dropped with
 * a warning rather than losing the whole person; with no usable identity the row is rejected
 * with the reason.
 */
export function validateLeadRow(input: LeadInput): RowCheck {
  const warnings: string[] = [];
  const truncated: Truncation[] = [];
  const lead: NormalisedLead = { customFields: {} };
  for (const [k, v] of Object.entries(input.customFields ?? {}))
    lead.customFields[k] = cut(v, `custom.${k}`, customFieldMaxLength, truncated);
  for (const [k, v] of Object.entries(input)) {
    if (k === "customFields" || typeof v !== "string") continue;
    const t = v.trim();
    const limit = leadFieldMaxLength[k as LeadFieldKey];
    if (t) lead[k as LeadFieldKey] = limit ? cut(t, k, limit, truncated) : t;
  }
  if (lead.email) {
    const e = normaliseEmail(lead.email);
    if (!e) warnings.push(`email "${lead.email}" is not a valid address`);
    lead.email = e ?? undefined;
  }
  if (lead.linkedinUrl) {
    const li = normaliseLinkedInUrl(lead.linkedinUrl);
    if (!li) warnings.push(`"${lead.linkedinUrl}" is not a LinkedIn profile URL`);
    lead.linkedinUrl = li?.url;
    lead.linkedinKey = li ? linkedInKey(li) : undefined;
  }
  if (lead.timezone) {
    const zone = canonicalZoneName(lead.timezone);
    if (!zone) warnings.push(`timezone "${lead.timezone}" is not an IANA time zone such as Europe/Berlin`);
    lead.timezone = zone ?? undefined;
  }
  if (lead.companyDomain) lead.companyDomain = companyDomainOf(lead.companyDomain) ?? undefined;
  if (!lead.companyDomain && lead.email && !isFreeMailDomain(lead.email))
    lead.companyDomain = companyDomainOf(lead.email) ?? undefined;
  if (!lead.email && !lead.linkedinKey)
    return {
      ok: false,
      reason: warnings.length
        ? `${warnings.join("; ")}; a lead needs a LinkedIn URL or an email`
        : "a lead needs a LinkedIn URL or an email",
    };
  return { ok: true, lead, warnings, truncated };
}
