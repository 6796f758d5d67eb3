/**
 * RFC 4180 CSV with spreadsheet formula injection neutralised: a cell starting with = + - @, tab or
 * carriage return is prefixed with an apostrophe (OWASP's advice), so "=HYPERLINK(...)" in a
 * prospect's job title stays text when a colleague opens the export in Excel.
 */
export function csvCell(value: unknown): string {
  let s = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
