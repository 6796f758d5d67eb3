import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { FilterSelect } from "../../components/FilterSelect";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { statusOptions } from "../leads/leadTypes";
import { StatusBadge } from "../leads/StatusBadge";

type Card = { key: string; label: string; count: number; pct: number };
type Stage = { status: string; label: string; count: number; pct: number };
type Pipeline = {
  total: number;
  funnel: Card[];
  stages: Stage[];
  email: { total: number; sent: number; sendRate: number; byStatus: Record<string, number> };
};
type Named = { id: string; name: string };
type SampleLead = {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  status: string;
  statusLabel: string;
};

/** Seed 004's Pipeline: funnel cards, email stats, and stage cards that open onto editable sample leads. */
export function PipelinePage() {
  const [data, setData] = useState<Pipeline | null>(null);
  const [runs, setRuns] = useState<Named[]>([]);
  const [lists, setLists] = useState<Named[]>([]);
  const [filter, setFilter] = useState({ runId: "", listId: "" });
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  const load = useCallback(
    () =>
      api<Pipeline>("GET", `/api/pipeline${qs ? `?${qs}` : ""}`).then(setData, (e) => setError(e.message)),
    [qs],
  );
  useEffect(() => {
    load();
  }, [load]);
  useEffect(() => {
    api<Named[]>("GET", "/api/runs").then(setRuns, () => {});
    api<Named[]>("GET", "/api/lists").then(setLists, () => {});
  }, []);
  const max = Math.max(1, ...(data?.stages.map((s) => s.count) ?? [1]));

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <h1>Outreach pipeline</h1>
          <p className="muted">Where every lead stands, from discovered to converted.</p>
        </div>
        <div className="actions">
          <FilterSelect
            label="Run"
            allLabel="All runs"
            options={runs}
            value={filter.runId}
            onChange={(v) => setFilter({ ...filter, runId: v })}
          />
          <FilterSelect
            label="List"
            allLabel="All lists"
            options={lists}
            value={filter.listId}
            onChange={(v) => setFilter({ ...filter, listId: v })}
          />
        </div>
      </header>
      <ErrorNote error={error} />
      {data && (
        <>
          <div className="stat-cards" aria-label="Funnel">
            {data.funnel.map((c) => (
              <div key={c.key} className="stat-card">
                <div className="stat-value">{c.count.toLocaleString()}</div>
                <div className="small muted">
                  {c.label}
                  {c.key !== "total" && ` · ${c.pct}%`}
                </div>
              </div>
            ))}
          </div>
          {data.email.total > 0 && (
            <p className="muted small">
              Emails: {data.email.total.toLocaleString()} in total, {data.email.sent.toLocaleString()} sent (
              {data.email.sendRate}%) ·{" "}
              {Object.entries(data.email.byStatus)
                .map(([s, n]) => `${s} ${n}`)
                .join(" · ")}
            </p>
          )}
          {!data.total && (
            <div className="empty">
              <h2>No leads yet</h2>
              <p>
                Import or add leads under <Link to="/lists">Lists</Link>; they appear here by stage as they
                move through outreach.
              </p>
            </div>
          )}
          <div className="stage-cards">
            {data.stages.map((s) => (
              <div key={s.status} className="card stage-card">
                <button
                  type="button"
                  className="stage-head"
                  aria-expanded={open === s.status}
                  onClick={() => setOpen(open === s.status ? null : s.status)}
                  disabled={!s.count}
                >
                  <span>
                    <StatusBadge status={s.status} label={s.label} />
                  </span>
                  <span className="strong">{s.count.toLocaleString()}</span>
                </button>
                <div className="bar" aria-hidden="true">
                  <div style={{ width: `${(100 * s.count) / max}%` }} />
                </div>
                {open === s.status && <StageLeads status={s.status} qs={qs} onChanged={load} />}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function StageLeads({ status, qs, onChanged }: { status: string; qs: string; onChanged: () => void }) {
  const [leads, setLeads] = useState<SampleLead[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<SampleLead[]>("GET", `/api/pipeline/stages/${status}/leads?limit=10${qs ? `&${qs}` : ""}`).then(
        setLeads,
        (e) => setError(e.message),
      ),
    [status, qs],
  );
  useEffect(() => {
    load();
  }, [load]);
  async function change(id: string, to: string) {
    setError(null);
    try {
      await api("PATCH", `/api/leads/${id}`, { status: to });
      await load();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div className="stack small">
      <ErrorNote error={error} />
      {leads?.map((l) => (
        <div key={l.id} className="row-between">
          <span>
            <Link to={`/leads/${l.id}`}>{l.name}</Link>{" "}
            <span className="muted">{l.company ?? l.email ?? ""}</span>
          </span>
          <select
            aria-label={`Status of ${l.name}`}
            value={l.status}
            onChange={(e) => change(l.id, e.target.value)}
          >
            {statusOptions.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
