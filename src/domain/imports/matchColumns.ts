import { normaliseEmail } from "../identity/normaliseEmail";
import { normaliseLinkedInUrl } from "../identity/normaliseLinkedIn";
import { type LeadFieldKey, leadFieldKeys } from "../leadFields";
import { headerAliases, normaliseHeader } from "./headerAliases";
import { rejectedLineHeader, rejectedReasonHeader } from "./rejectedRowsCsv";

export type ColumnTarget = LeadFieldKey | "fullName" | "custom" | "ignore";
export type ColumnMapping = {
  index: number;
  header: string;
  target: ColumnTarget;
  customKey?: string;
  confidence: "exact" | "alias" | "sniffed" | "none";
  samples: string[];
};

/** The columns a rejected-rows download adds: importing the fixed file must not keep them. */
const ignoredHeaders = [rejectedLineHeader, rejectedReasonHeader].map(normaliseHeader);
const fullNameHeaders = ["name", "full name", "fullname", "contact name", "person name", "contact"];

export function customKeyFor(header: string): string {
  return normaliseHeader(header).replace(/ /g, "_").slice(0, 60) || "column";
}

function sniff(samples: string[]): LeadFieldKey | null {
  const filled = samples.filter((s) => s.trim());
  if (!filled.length) return null;
  const share = (f: (s: string) => boolean) => filled.filter(f).length / filled.length;
  if (share((s) => !!normaliseLinkedInUrl(s)) >= 0.6) return "linkedinUrl";
  if (share((s) => !!normaliseEmail(s)) >= 0.6) return "email";
  return null;
}

/**
 * Proposes a target for every column: known headers first (the earliest alias wins a contested
 * field, e.g. Apollo's "Email" over "Email Status"), then values that look like LinkedIn URLs or
 * emails, then a custom field kept for merge variables. The user reviews and corrects this.
 */
export function matchColumns(headers: string[], sampleRows: string[][] = []): ColumnMapping[] {
  const samplesOf = (i: number) =>
    sampleRows
      .map((r) => (r[i] ?? "").trim())
      .filter(Boolean)
      .slice(0, 3);
  const candidates: { index: number; field: LeadFieldKey; rank: number; exact: boolean }[] = [];
  headers.forEach((h, index) => {
    const n = normaliseHeader(h);
    for (const field of leadFieldKeys) {
      const rank = headerAliases[field].indexOf(n);
      if (rank >= 0) candidates.push({ index, field, rank, exact: rank === 0 });
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const byIndex = new Map<number, { field: LeadFieldKey; exact: boolean }>();
  const taken = new Set<LeadFieldKey>();
  for (const c of candidates) {
    if (taken.has(c.field) || byIndex.has(c.index)) continue;
    taken.add(c.field);
    byIndex.set(c.index, { field: c.field, exact: c.exact });
  }
  return headers.map((header, index) => {
    const samples = samplesOf(index);
    if (ignoredHeaders.includes(normaliseHeader(header)))
      return { index, header, target: "ignore", confidence: "exact", samples };
    const hit = byIndex.get(index);
    if (hit) return { index, header, target: hit.field, confidence: hit.exact ? "exact" : "alias", samples };
    if (
      fullNameHeaders.includes(normaliseHeader(header)) &&
      !taken.has("firstName") &&
      !taken.has("lastName")
    )
      return { index, header, target: "fullName", confidence: "alias", samples };
    const sniffed = sniff(sampleRows.map((r) => r[index] ?? ""));
    if (sniffed && !taken.has(sniffed)) {
      taken.add(sniffed);
      return { index, header, target: sniffed, confidence: "sniffed", samples };
    }
    if (!header.trim() && !samples.length)
      return { index, header, target: "ignore", confidence: "none", samples };
    return { index, header, target: "custom", customKey: customKeyFor(header), confidence: "none", samples };
  });
}
