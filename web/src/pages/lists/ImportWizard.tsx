import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { client, data, type Get, type Post } from "../../api/client";
import { pollWhile } from "../../api/poll";
import type { paths } from "../../api/schema";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { useUnsavedWarning } from "../../hooks/unsaved";
import { editable, type ListSummary } from "../leads/leadTypes";
import { ImportReport, type ImportReportData } from "./ImportReport";
import { ReadOptions } from "./ReadOptions";

type Preview = Post<"/api/imports">;
type Mapping = Preview["mapping"][number];
type ImportState = Get<"/api/imports/{id}">;
type Target = NonNullable<
  NonNullable<
    paths["/api/imports/{id}/start"]["post"]["requestBody"]
  >["content"]["application/json"]["mapping"]
>[number]["target"];
type ReadQuery = NonNullable<paths["/api/imports/{id}/preview"]["get"]["parameters"]["query"]>;
const running = (s: ImportState) => s.status !== "done" && s.status !== "failed";

/** The lead's fields, with the importer's own extras: a full name to split, a website for the domain. */
const targets: [string, string][] = [
  ...editable.flatMap(([k, l]): [string, string][] =>
    k === "lastName"
      ? [
          [k, l],
          ["fullName", "Full name (split)"],
        ]
      : [[k, k === "companyDomain" ? "Company domain / website" : l]],
  ),
  ["custom", "Custom field (merge variable)"],
  ["ignore", "Don't import"],
];

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
  const [importId, setImportId] = useState<string | null>(null);
  const qc = useQueryClient();
  const stateKey = ["/api/imports/{id}", importId];
  const state =
    useQuery({
      queryKey: stateKey,
      queryFn: () => data(client.GET("/api/imports/{id}", { params: { path: { id: importId ?? "" } } })),
      enabled: !!importId,
      refetchInterval: pollWhile(running, 500),
    }).data ?? null;
  // A mapping being corrected is lost on a reload: ask first, until the import has started.
  useUnsavedWarning(!!preview && !importId);
  const read = (p: Preview) => {
    setPreview(p);
    setMapping(p.mapping);
  };
  const upload = useAction(
    (file: File) => {
      const body = new FormData();
      body.append("file", file);
      return data(client.POST("/api/imports", { body: body as never }));
    },
    { inline: true, onSuccess: read },
  );
  const reread = useAction(
    (o: { encoding: string; delimiter: string }) =>
      data(
        client.GET("/api/imports/{id}/preview", {
          params: { path: { id: preview?.importId ?? "" }, query: o as ReadQuery },
        }),
      ),
    { inline: true, onSuccess: read },
  );
  const start = useAction(
    async (p: Preview) => {
      let target = listId;
      if (!target) {
        if (!newList.trim()) throw new Error("Choose a list or name a new one.");
        target = (await data(client.POST("/api/lists", { body: { name: newList.trim(), source: "import" } })))
          .id;
        setListId(target);
      }
      return data(
        client.POST("/api/imports/{id}/start", {
          params: { path: { id: p.importId } },
          body: {
            listId: target,
            mapping: mapping.map((m) => ({
              index: m.index,
              target: m.target as Target,
              customKey: m.customKey,
            })),
          },
        }),
      );
    },
    {
      inline: true,
      invalidate: [["/api/lists"]],
      onSuccess: (s) => {
        qc.setQueryData(["/api/imports/{id}", s.id], s);
        setImportId(s.id);
      },
    },
  );
  const busy = upload.isPending || reread.isPending || start.isPending;
  const error = (upload.error ?? reread.error ?? start.error)?.message ?? null;

  function submitFile(e: FormEvent) {
    e.preventDefault();
    if (file) upload.mutate(file);
  }

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
        {running(state) && (
          <div>
            <progress max={100} value={pct ?? undefined} aria-label="Import progress" />{" "}
            {state.progress.done.toLocaleString()}
            {state.progress.total ? ` / ${state.progress.total.toLocaleString()}` : ""} rows
          </div>
        )}
        {state.status === "failed" && <ErrorNote error={`The import failed: ${state.error}`} />}
        {r != null && state.status === "done" && (
          <ImportReport importId={state.id} report={r as ImportReportData} />
        )}
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
            onChange={(o) => reread.mutate(o)}
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
          <button type="button" className="primary" disabled={busy} onClick={() => start.mutate(preview)}>
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
          {upload.isPending ? "Uploading…" : "Upload and review columns"}
        </button>
      </div>
    </form>
  );
}
