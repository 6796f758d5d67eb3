import type { LeadInput } from "../leadFields";
import type { ColumnMapping } from "./matchColumns";

/** Turns one spreadsheet row into a lead input following the (possibly user-corrected) mapping. */
export function applyMapping(
  mapping: Pick<ColumnMapping, "index" | "target" | "customKey">[],
  row: string[],
): LeadInput {
  const lead: LeadInput = {};
  const custom: Record<string, string> = {};
  for (const m of mapping) {
    const v = (row[m.index] ?? "").trim();
    if (!v || m.target === "ignore") continue;
    if (m.target === "custom") custom[m.customKey ?? `column_${m.index + 1}`] = v;
    else if (m.target === "fullName") {
      const parts = v.split(/\s+/);
      lead.firstName ??= parts[0];
      if (parts.length > 1) lead.lastName ??= parts.slice(1).join(" ");
    } else if (lead[m.target] === undefined) lead[m.target] = v;
  }
  if (Object.keys(custom).length) lead.customFields = custom;
  return lead;
}
