import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { client, data } from "../../api/client";
import { useListOptions, useRunOptions } from "../../api/options";
import { useAction } from "../../api/useAction";
import { FilterSelect } from "../../components/FilterSelect";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { useSearchState } from "../../hooks/useSearchState";
import type { LeadStatus } from "../../../../src/domain/leadStatus";
import { statusOptions } from "../leads/leadTypes";
import { StatusBadge } from "../leads/StatusBadge";

const changedByStatus = [
  ["/api/pipeline"],
  ["/api/pipeline/stages/{status}/leads"],
  ["/api/leads"],
  ["/api/home"],
];
type Filter = { runId?: string; listId?: string };

/** Seed 004's Pipeline: funnel cards, email stats, and stage cards that open onto editable sample leads. */
export function PipelinePage() {
  const runs = useRunOptions();
  const lists = useListOptions();
  // The filters live in the URL: Back and reload bring them back.
  const [filter, setFilter] = useSearchState(["runId", "listId"] as const);
  const [open, setOpen] = useState<string | null>(null);
  const query: Filter = { runId: filter.runId || undefined, listId: filter.listId || undefined };
  const pipeline = useQuery({
    queryKey: ["/api/pipeline", query],
    queryFn: () => data(client.GET("/api/pipeline", { params: { query } })),
    placeholderData: keepPreviousData,
    meta: { inline: true },
  });
  const p = pipeline.data;
  const max = Math.max(1, ...(p?.stages.map((s) => s.count) ?? [1]));

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
            onChange={(v) => setFilter({ runId: v })}
          />
          <FilterSelect
            label="List"
            allLabel="All lists"
            options={lists}
            value={filter.listId}
            onChange={(v) => setFilter({ listId: v })}
          />
        </div>
      </header>
      <ErrorNote error={pipeline.error?.message ?? null} />
      {p && (
        <>
          <div className="stat-cards" aria-label="Funnel">
            {p.funnel.map((c) => (
              <div key={c.key} className="stat-card">
                <div className="stat-value">{c.count.toLocaleString()}</div>
                <div className="small muted">
                  {c.label}
                  {c.key !== "total" && ` · ${c.pct}%`}
                </div>
              </div>
            ))}
          </div>
          {p.email.total > 0 && (
            <p className="muted small">
              Emails: {p.email.total.toLocaleString()} in total, {p.email.sent.toLocaleString()} sent (
              {p.email.sendRate}%) ·{" "}
              {Object.entries(p.email.byStatus)
                .map(([s, n]) => `${s} ${n}`)
                .join(" · ")}
            </p>
          )}
          {!p.total && (
            <div className="empty">
              <h2>No leads yet</h2>
              <p>
                Import or add leads under <Link to="/lists">Lists</Link>; they appear here by stage as they
                move through outreach.
              </p>
            </div>
          )}
          <div className="stage-cards">
            {p.stages.map((s) => (
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
                {open === s.status && <StageLeads status={s.status} query={query} />}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function StageLeads({ status, query }: { status: string; query: Filter }) {
  const stage = useQuery({
    queryKey: ["/api/pipeline/stages/{status}/leads", status, query],
    queryFn: () =>
      data(
        client.GET("/api/pipeline/stages/{status}/leads", {
          params: { path: { status }, query: { ...query, limit: 10 } },
        }),
      ),
    meta: { inline: true },
  });
  const change = useAction(
    (v: { id: string; to: LeadStatus }) =>
      data(client.PATCH("/api/leads/{id}", { params: { path: { id: v.id } }, body: { status: v.to } })),
    { inline: true, invalidate: changedByStatus },
  );
  const leads = stage.data;
  return (
    <div className="stack small">
      <ErrorNote error={change.error?.message ?? stage.error?.message ?? null} />
      {leads?.map((l) => (
        <div key={l.id} className="row-between">
          <span>
            <Link to={`/leads/${l.id}`}>{l.name}</Link>{" "}
            <span className="muted">{l.company ?? l.email ?? ""}</span>
          </span>
          <select
            aria-label={`Status of ${l.name}`}
            value={l.status}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ id: l.id, to: e.target.value as LeadStatus })}
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
