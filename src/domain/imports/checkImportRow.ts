import { leadFieldLabels, type LeadFieldKey } from "../leadFields";
import { applyMapping } from "./applyMapping";
import type { ColumnMapping } from "./matchColumns";
import { type NormalisedLead, type Truncation, validateLeadRow } from "./validateLeadRow";

export type ImportMapping = Pick<ColumnMapping, "index" | "target" | "customKey">[];
export type RowVerdict =
  { ok: true; lead: NormalisedLead; warnings: string[] } | { ok: false; reason: string; warnings: string[] };

/** "A" for the first column, "AA" for the 27th: how a spreadsheet names it. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnOf(t: Truncation, mapping: ImportMapping, header: string[]): string {
  const custom = t.field.startsWith("custom.") ? t.field.slice(7) : null;
  const m = mapping.find((c) =>
    custom
      ? c.target === "custom" && (c.customKey ?? `column_${c.index + 1}`) === custom
      : c.target === t.field ||
        (c.target === "fullName" && (t.field === "firstName" || t.field === "lastName")),
  );
  const label = custom ?? leadFieldLabels[t.field as LeadFieldKey] ?? t.field;
  if (!m) return label;
  return `column ${columnLetter(m.index)} "${header[m.index] ?? label}"`;
}

const n = (x: number) => x.toLocaleString("en");

/**
 * Everything an import says about one row, in short sentences: why it cannot be imported, or
 * what was changed on the way in (a value cut to its field's limit, with its column; fields the
 * header does not have; characters the reader removed). A row with more values than the header
 * is refused unless the extra values are empty, since its values would land in the wrong columns.
 */
export function checkImportRow(
  header: string[],
  mapping: ImportMapping,
  row: { cells: string[]; problem?: string; warnings?: string[] },
): RowVerdict {
  const warnings = [...(row.warnings ?? [])];
  if (row.problem) return { ok: false, reason: row.problem, warnings };
  const { cells } = row;
  if (cells.length > header.length) {
    const extra = cells.slice(header.length);
    if (extra.some((c) => c.trim()))
      return {
        ok: false,
        reason: `this row has ${n(cells.length)} values but the header has ${n(header.length)} columns (a value with the delimiter in it and no quotes?)`,
        warnings,
      };
    warnings.push(
      `${n(extra.length)} empty value${extra.length > 1 ? "s" : ""} past the last column ignored`,
    );
  } else if (cells.length < header.length)
    warnings.push(
      `this row has ${n(cells.length)} of ${n(header.length)} columns; the missing ones are empty`,
    );
  const check = validateLeadRow(applyMapping(mapping, cells));
  if (!check.ok) return { ok: false, reason: check.reason, warnings };
  warnings.push(...check.warnings);
  for (const t of check.truncated)
    warnings.push(
      `${columnOf(t, mapping, header)} was cut to ${n(t.limit)} characters (it had ${n(t.length)})`,
    );
  return { ok: true, lead: check.lead, warnings };
}

/**
 * A line some exports put above the header: LinkedIn's Connections.csv starts with "Notes:" and a
 * sentence about missing emails. One value ending in ":" or longer than a header name is not a
 * header; a one-column file's header ("Email") is neither.
 */
export function isPreambleRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim());
  return filled.length === 1 && (filled[0]!.trim().endsWith(":") || filled[0]!.length > 60);
}
