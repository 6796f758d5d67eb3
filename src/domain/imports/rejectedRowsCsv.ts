/** The two columns a rejected-rows download adds; an import of that file ignores them (headerAliases). */
export const rejectedLineHeader = "Line in original file";
export const rejectedReasonHeader = "Why it was rejected";

export const rejectedRowsHeader = (header: string[]) => [...header, rejectedLineHeader, rejectedReasonHeader];

/**
 * One CSV line, quoted where RFC 4180 needs it. Values go back exactly as they came (no formula
 * guard as in lead exports): this is the person's own file, to be fixed and imported again, and an
 * added apostrophe would be imported with it.
 */
export function rawCsvLine(values: string[], delimiter: string): string {
  const special = new RegExp(`["\\r\\n${delimiter === "\t" ? "\\t" : delimiter.replace(/[|\\]/g, "\\$&")}]`);
  return `${values.map((v) => (special.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter)}\r\n`;
}
