export type ImportReportData = {
  totalRows: number;
  added: number;
  updated: number;
  duplicates: number;
  invalid: number;
  warningCount?: number;
  encoding?: string | null;
  delimiter?: string | null;
  invalidRows: { line: number; reason: string }[];
  duplicateRows: { line: number; duplicateOfLine?: number; existingLeadId?: string }[];
  warnings?: { line: number; message: string }[];
};

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

function Lines({ title, open, items }: { title: string; open?: boolean; items: string[] }) {
  if (!items.length) return null;
  return (
    <details open={open}>
      <summary>{title}</summary>
      <ul className="plain small">
        {items.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
    </details>
  );
}

/** What an import did, line by line, with the rejected rows to download, fix and import again. */
export function ImportReport({ importId, report: r }: { importId: string; report: ImportReportData }) {
  const warnings = r.warnings ?? [];
  return (
    <div className="stack" role="status">
      <div className="report-cards">
        <div>
          <b>{r.added}</b> added
        </div>
        <div>
          <b>{r.updated}</b> updated
        </div>
        <div>
          <b>{r.duplicates}</b> duplicates skipped
        </div>
        <div>
          <b>{r.invalid}</b> rejected
        </div>
        <div>
          <b>{r.warningCount ?? warnings.length}</b> warnings
        </div>
      </div>
      <p className="muted small">
        {r.totalRows.toLocaleString()} rows read
        {r.encoding
          ? ` as ${r.encoding.toUpperCase()}, ${delimiterNames[r.delimiter ?? ","] ?? r.delimiter}-separated`
          : ""}
        . Nothing else was skipped.
      </p>
      {r.invalid > 0 && (
        <p>
          <a href={`/api/imports/${importId}/rejected.csv`} download>
            Download the {r.invalid.toLocaleString()} rejected rows (CSV)
          </a>{" "}
          <span className="muted small">
            — the same columns as your file, with the line and the reason at the end. Fix them and import that
            file again.
          </span>
        </p>
      )}
      <Lines
        title={`Rejected rows${r.invalid > r.invalidRows.length ? ` (first ${r.invalidRows.length})` : ""}`}
        open
        items={r.invalidRows.map((x) => `Line ${x.line}: ${x.reason}`)}
      />
      <Lines
        title="Warnings (imported, with a change)"
        items={warnings.map((w) => `Line ${w.line}: ${w.message}`)}
      />
      <Lines
        title="Duplicates"
        items={r.duplicateRows.map(
          (x) =>
            `Line ${x.line}: ${x.duplicateOfLine ? `same person as line ${x.duplicateOfLine}` : "already in this list"}`,
        )}
      />
    </div>
  );
}
