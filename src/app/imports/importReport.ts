/** What an import tells the user. Counts are exact; the per-line lists keep the first 1,000 of each. */
export type ImportReport = {
  totalRows: number;
  added: number;
  updated: number;
  duplicates: number;
  invalid: number;
  invalidRows: { line: number; reason: string }[];
  duplicateRows: { line: number; duplicateOfLine?: number; existingLeadId?: string }[];
  warnings: { line: number; message: string }[];
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
  invalidRows: [],
  duplicateRows: [],
  warnings: [],
  committedLine: 0,
  done: false,
});

export function pushCapped<T>(list: T[], item: T) {
  if (list.length < LIST_CAP) list.push(item);
}
