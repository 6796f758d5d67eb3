import { Link } from "../../components/Link";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { navigate } from "../../router";
import type { ListSummary } from "../leads/leadTypes";

type Run = { id: string; name: string; playKey: string; status: string; createdAt: string };
type Seq = { id: string; name: string; status: string };
type Named = { id: string; name: string };

const link = (to: string, text: string) => <Link to={to}>{text}</Link>;

export function RunsPage() {
  const [runs, setRuns] = useState<Run[]>([]);
  useEffect(() => {
    api<Run[]>("GET", "/api/runs").then(setRuns, () => {});
  }, []);
  return (
    <section>
      <header className="page-head">
        <h1>Runs</h1>
        <p className="muted">
          Campaigns created from a Play: Draft → Active → Paused → Completed. Start one from{" "}
          {link("/plays", "Plays")}.
        </p>
      </header>
      <table className="table">
        <thead>
          <tr>
            <th>Run</th>
            <th>Play</th>
            <th>Status</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{link(`/runs/${r.id}`, r.name)}</td>
              <td className="small">{r.playKey.replace("builtin:", "")}</td>
              <td>
                <span className={`badge run-${r.status}`}>{r.status}</span>
              </td>
              <td className="small">{new Date(r.createdAt).toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!runs.length && <p className="muted">No runs yet.</p>}
    </section>
  );
}

export function RunDetail({ id }: { id: string }) {
  const [run, setRun] = useState<Run | null>(null);
  const [seqs, setSeqs] = useState<Seq[]>([]);
  const [lists, setLists] = useState<ListSummary[]>([]);
  const [senders, setSenders] = useState<Named[]>([]);
  const [profiles, setProfiles] = useState<Named[]>([]);
  const [form, setForm] = useState({
    name: "",
    listIds: [] as string[],
    senderAccountId: "",
    strategyProfileId: "",
  });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setRun(await api<Run>("GET", `/api/runs/${id}`));
    setSeqs(await api<Seq[]>("GET", `/api/sequences?runId=${id}`));
  }, [id]);
  useEffect(() => {
    load().catch((e) => setError(e.message));
    api<ListSummary[]>("GET", "/api/lists").then(setLists, () => {});
    api<Named[]>("GET", "/api/sender-accounts").then(setSenders, () => {});
    api<Named[]>("GET", "/api/strategy-profiles").then(setProfiles, () => {});
  }, [load]);

  async function setStatus(status: string) {
    setError(null);
    try {
      await api("PATCH", `/api/runs/${id}`, { status });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const s = await api<{ id: string }>("POST", "/api/sequences", {
        runId: id,
        name: form.name,
        listIds: form.listIds,
        senderAccountId: form.senderAccountId || undefined,
        strategyProfileId: form.strategyProfileId || undefined,
      });
      navigate(`/sequences/${s.id}`);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  if (!run) return <ErrorNote error={error} />;
  return (
    <section>
      <header className="page-head row-between">
        <div>
          {link("/runs", "← Runs")}
          <h1>{run.name}</h1>
          <p className="muted">
            Play: {run.playKey.replace("builtin:", "")} ·{" "}
            <span className={`badge run-${run.status}`}>{run.status}</span>
          </p>
        </div>
        <div className="actions">
          {run.status === "draft" && (
            <button type="button" onClick={() => setStatus("active")}>
              Activate
            </button>
          )}
          {run.status === "active" && (
            <button type="button" onClick={() => setStatus("paused")}>
              Pause run
            </button>
          )}
          {run.status === "paused" && (
            <button type="button" onClick={() => setStatus("active")}>
              Resume run
            </button>
          )}
          {run.status !== "completed" && run.status !== "draft" && (
            <button type="button" onClick={() => setStatus("completed")}>
              Complete
            </button>
          )}
        </div>
      </header>
      <ErrorNote error={error} />
      <div className="two-col">
        <div className="card">
          <h3>Sequences</h3>
          {seqs.length ? (
            <ul className="plain">
              {seqs.map((s) => (
                <li key={s.id}>
                  {link(`/sequences/${s.id}`, s.name)} <span className="badge">{s.status}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No sequence yet.</p>
          )}
        </div>
        <form className="card form-grid" onSubmit={create}>
          <h3>Create sequence</h3>
          <Field label="Sequence name">
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <fieldset className="plain-fieldset">
            <legend className="field-label">Lead lists (source groups)</legend>
            {lists.map((l) => (
              <label key={l.id} className="check">
                <input
                  type="checkbox"
                  checked={form.listIds.includes(l.id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      listIds: e.target.checked
                        ? [...form.listIds, l.id]
                        : form.listIds.filter((x) => x !== l.id),
                    })
                  }
                />
                {l.name} <span className="muted small">({l.leadCount})</span>
              </label>
            ))}
          </fieldset>
          <Field
            label="Sender account"
            hint="Add one under Settings → Senders (the sandbox keeps mail on this machine)."
          >
            <select
              value={form.senderAccountId}
              onChange={(e) => setForm({ ...form, senderAccountId: e.target.value })}
            >
              <option value="">Choose later</option>
              {senders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Strategy profile">
            <select
              value={form.strategyProfileId}
              onChange={(e) => setForm({ ...form, strategyProfileId: e.target.value })}
            >
              <option value="">None</option>
              {profiles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button className="primary" type="submit">
              Create sequence
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
