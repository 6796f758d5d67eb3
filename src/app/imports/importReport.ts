/**
 * What an import tells the user. Counts are exact; the per-line lists keep the first 1,000 of
 * each (every rejected row is also kept whole, for the rejected-rows download).
 */
export type ImportReport = {
  totalRows: number;
  added: number;
  updated: number;
  duplicates: number;
  invalid: number;
  /** Every warning counted, also past the 1,000 listed. */
  warningCount: number;
  invalidRows: { line: number; reason: string }[];
  duplicateRows: { line: number; duplicateOfLine?: number; existingLeadId?: string }[];
  warnings: { line: number; message: string }[];
  /** How the file was read (null for a workbook): shown with the report, reused by the rejected-rows download. */
  encoding?: string | null;
  delimiter?: string | null;
  /** Last line whose batch is committed: a retried import resumes after it. */
  committedLine: number;
  done: boolean;
};

export const LIST_CAP = 1000;

export const emptyReport = (): ImportReport => ({
  totalRows: 0,
  added: 0,
  updated: 0,
  duplicates: 0,
  invalid: 0,
  warningCount: 0,
  invalidRows: [],
  duplicateRows: [],
  warnings: [],
  committedLine: 0,
  done: false,
});

export function pushCapped<T>(list: T[], item: T) {
  if (list.length < LIST_CAP) list.push(item);
}

/** Adds counts and capped line lists gathered while reading into the committed report. */
export function mergeReport(report: ImportReport, d: ImportReport) {
  report.totalRows += d.totalRows;
  report.invalid += d.invalid;
  report.duplicates += d.duplicates;
  report.warningCount += d.warningCount;
  for (const r of d.invalidRows) pushCapped(report.invalidRows, r);
  for (const r of d.duplicateRows) pushCapped(report.duplicateRows, r);
  for (const w of d.warnings) pushCapped(report.warnings, w);
}
