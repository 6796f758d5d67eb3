import { type FormEvent, useEffect, useState } from "react";
import { api, ApiError } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import type { ListSummary } from "../leads/leadTypes";
import { ImportReport, type ImportReportData } from "./ImportReport";
import { ReadOptions } from "./ReadOptions";

type Mapping = {
  index: number;
  header: string;
  target: string;
  customKey?: string;
  confidence: string;
  samples: string[];
};
type Preview = {
  importId: string;
  fileName: string;
  rowEstimate: number | null;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  mapping: Mapping[];
  sampleRows: string[][];
};
type ImportState = {
  id: string;
  status: string;
  progress: { done: number; total: number | null };
  report: ImportReportData | null;
  error: string | null;
};

const targets: [string, string][] = [
  ["firstName", "First name"],
  ["lastName", "Last name"],
  ["fullName", "Full name (split)"],
  ["email", "Email"],
  ["linkedinUrl", "LinkedIn URL"],
  ["company", "Company"],
  ["companyDomain", "Company domain / website"],
  ["jobTitle", "Job title"],
  ["headline", "Headline"],
  ["phone", "Phone"],
  ["location", "Location"],
  ["timezone", "Timezone"],
  ["industry", "Industry"],
  ["companySize", "Company size"],
  ["seniority", "Seniority"],
  ["custom", "Custom field (merge variable)"],
  ["ignore", "Don't import"],
];

async function upload(file: File): Promise<Preview> {
  const body = new FormData();
  body.append("file", file);
  const res = await fetch("/api/imports", { method: "POST", body, credentials: "same-origin" });
  const json = await res.json();
  if (!res.ok) throw new ApiError(res.status, json.error?.code, json.error?.message ?? res.statusText);
  return json as Preview;
}

/** Upload → review and correct the proposed column mapping → import in the background with progress → report. */
export function ImportWizard({
  lists,
  initialListId,
  onDone,
}: {
  lists: ListSummary[];
  initialListId?: string;
  onDone: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [listId, setListId] = useState(initialListId ?? "");
  const [newList, setNewList] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping[]>([]);
  const [state, setState] = useState<ImportState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submitFile(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const p = await upload(file);
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      let target = listId;
      if (!target) {
        if (!newList.trim()) throw new Error("choose a list or name a new one");
        target = (await api<{ id: string }>("POST", "/api/lists", { name: newList.trim(), source: "import" }))
          .id;
        setListId(target);
      }
      const s = await api<ImportState>("POST", `/api/imports/${preview.importId}/start`, {
        listId: target,
        mapping: mapping.map((m) => ({ index: m.index, target: m.target, customKey: m.customKey })),
      });
      setState(s);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function reread(o: { encoding: string; delimiter: string }) {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams(o).toString();
      const p = await api<Preview>("GET", `/api/imports/${preview.importId}/preview?${q}`);
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!state || state.status === "done" || state.status === "failed") return;
    const t = setTimeout(
      async () => setState(await api<ImportState>("GET", `/api/imports/${state.id}`)),
      500,
    );
    return () => clearTimeout(t);
  }, [state]);
  useEffect(() => {
    if (state?.status === "done") onDone();
  }, [state?.status, onDone]);

  if (state) {
    const r = state.report;
    const pct = state.progress.total
      ? Math.min(100, Math.round((100 * state.progress.done) / state.progress.total))
      : null;
    return (
      <div className="card stack" aria-live="polite">
        <h3>Importing {preview?.fileName}</h3>
        {state.status !== "done" && state.status !== "failed" && (
          <div>
            <progress max={100} value={pct ?? undefined} aria-label="Import progress" />{" "}
            {state.progress.done.toLocaleString()}
            {state.progress.total ? ` / ${state.progress.total.toLocaleString()}` : ""} rows
          </div>
        )}
        {state.status === "failed" && <ErrorNote error={`The import failed: ${state.error}`} />}
        {r && state.status === "done" && <ImportReport importId={state.id} report={r} />}
      </div>
    );
  }

  if (preview)
    return (
      <div className="card stack">
        <h3>
          Check the columns of {preview.fileName}{" "}
          {preview.rowEstimate != null && (
            <span className="muted">(about {preview.rowEstimate.toLocaleString()} rows)</span>
          )}
        </h3>
        {preview.encoding && (
          <ReadOptions
            encoding={preview.encoding}
            delimiter={preview.delimiter ?? ","}
            busy={busy}
            onChange={reread}
          />
        )}
        <table className="table">
          <thead>
            <tr>
              <th>Column in file</th>
              <th>Sample values</th>
              <th>Import as</th>
            </tr>
          </thead>
          <tbody>
            {mapping.map((m, i) => (
              <tr key={m.index}>
                <td>{m.header || <span className="muted">(no header)</span>}</td>
                <td className="small muted">{m.samples.join(" · ")}</td>
                <td>
                  <select
                    aria-label={`Import column ${m.header} as`}
                    value={m.target}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[i] = {
                        ...m,
                        target: e.target.value,
                        customKey:
                          e.target.value === "custom"
                            ? (m.customKey ?? m.header.toLowerCase().replace(/\W+/g, "_"))
                            : m.customKey,
                      };
                      setMapping(next);
                    }}
                  >
                    {targets.map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                  {m.target === "custom" && <code className="small"> {`{{custom_${m.customKey}}}`}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <Field label="Into list">
            <select value={listId} onChange={(e) => setListId(e.target.value)}>
              <option value="">New list…</option>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </Field>
          {!listId && (
            <Field label="New list name">
              <input
                value={newList}
                onChange={(e) => setNewList(e.target.value)}
                placeholder={preview.fileName.replace(/\.\w+$/, "")}
              />
            </Field>
          )}
        </div>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={start}>
            Import leads
          </button>
        </div>
      </div>
    );

  return (
    <form className="card stack" onSubmit={submitFile}>
      <h3>Import a CSV or Excel file</h3>
      <p className="muted small">
        Exports from Sales Navigator, Apollo, HubSpot, lemlist or Instantly work as they are; columns are
        matched for you and you can correct them next. Each person needs a LinkedIn URL or an email.
      </p>
      <Field label="File">
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.xls"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <ErrorNote error={error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={!file || busy}>
          {busy ? "Uploading…" : "Upload and review columns"}
        </button>
      </div>
    </form>
  );
}
