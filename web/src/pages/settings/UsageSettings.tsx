import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { useDraft } from "../../api/useDraft";
import { ErrorNote, Field } from "../../components/Field";
import { LineChart } from "../../components/LineChart";

type Usage = Get<"/api/usage">;
type Limits = Usage["limits"];
const usageKey = ["/api/usage"];

const METERS: [keyof Limits, string, (u: Usage["totals"]) => number, (n: number) => string][] = [
  ["llmCostUsd", "LLM cost", (t) => t.llmCostUsd, (n) => `$${n.toFixed(4)}`],
  ["enrichments", "Enrichment look-ups", (t) => t.enrichments, (n) => n.toLocaleString()],
  ["verifications", "Verification probes", (t) => t.verifications, (n) => n.toLocaleString()],
  ["emailsSent", "Emails sent", (t) => t.emailsSent, (n) => n.toLocaleString()],
];

const limitFields = (l: Limits | undefined): Record<keyof Limits, string> => ({
  llmCostUsd: l?.llmCostUsd?.toString() ?? "",
  enrichments: l?.enrichments?.toString() ?? "",
  verifications: l?.verifications?.toString() ?? "",
  emailsSent: l?.emailsSent?.toString() ?? "",
});

/** This month's provider-backed work against optional monthly limits, day by day and per run. */
export function UsageSettings({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const usage = useQuery({
    queryKey: usageKey,
    queryFn: () => data(client.GET("/api/usage")),
    meta: { inline: true },
  });
  const u = usage.data;
  const draft = useDraft(limitFields(u?.limits));
  const form = draft.value;
  const save = useAction(
    () => {
      const body = Object.fromEntries(
        Object.entries(form).map(([k, v]) => [k, v.trim() === "" ? null : Number(v)]),
      );
      return data(client.PATCH("/api/usage/limits", { body }));
    },
    {
      inline: true,
      onSuccess: (r) => {
        qc.setQueryData(usageKey, r);
        draft.reset();
      },
    },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const error = save.error?.message ?? usage.error?.message ?? null;
  if (!u) return <ErrorNote error={error} />;
  const days = [...new Set(u.daily.map((d) => d.day))];
  const seriesOf = (kind: string, pick: (d: Usage["daily"][number]) => number) =>
    days.map((day) =>
      u.daily.filter((d) => d.day === day && d.kind === kind).reduce((n, d) => n + pick(d), 0),
    );

  return (
    <div className="stack">
      <p className="muted">
        {u.month}: provider-backed work of this workspace. Limits reset on {u.resetsOn}; reaching one pauses
        that work with a message naming the limit (the LLM falls back to the built-in writer).
      </p>
      <div className="stat-cards">
        {METERS.map(([k, label, used, fmt]) => {
          const limit = u.limits[k];
          const value = used(u.totals);
          return (
            <div key={k} className={`stat-card ${limit !== undefined && value >= limit ? "bad" : ""}`}>
              <div className="stat-value">{fmt(value)}</div>
              <div className="small muted">
                {label}
                {limit !== undefined ? ` of ${fmt(limit)}` : " · no limit"}
              </div>
              {limit !== undefined && (
                <div className="bar" aria-hidden="true">
                  <div style={{ width: `${limit ? Math.min(100, (100 * value) / limit) : 100}%` }} />
                </div>
              )}
            </div>
          );
        })}
        <div className="stat-card">
          <div className="stat-value">{u.totals.llmTokens.toLocaleString()}</div>
          <div className="small muted">LLM tokens</div>
        </div>
        <div className="stat-card">
          <div className="stat-value">{u.totals.linkedinSent.toLocaleString()}</div>
          <div className="small muted">LinkedIn actions</div>
        </div>
      </div>
      {days.length > 0 && (
        <LineChart
          title="Per day this month"
          labels={days}
          series={[
            { name: "Emails sent", color: "#4f6bed", values: seriesOf("email", (d) => d.n) },
            { name: "Verification probes", color: "#d29922", values: seriesOf("verification", (d) => d.n) },
            { name: "Enrichment look-ups", color: "#1a7f37", values: seriesOf("enrichment", (d) => d.n) },
            { name: "LLM calls", color: "#8250df", values: seriesOf("llm", (d) => d.n) },
          ]}
        />
      )}
      {u.runs.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Run</th>
              <th>Sends</th>
              <th>LLM tokens</th>
              <th>LLM cost</th>
            </tr>
          </thead>
          <tbody>
            {u.runs.map((r) => (
              <tr key={r.runId}>
                <td>{r.name}</td>
                <td>{r.sends}</td>
                <td>{r.llmTokens.toLocaleString()}</td>
                <td>${r.llmCostUsd.toFixed(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {save.isSuccess && (
        <p className="ok" role="status">
          Limits saved
        </p>
      )}
      <ErrorNote error={error} />
      {canEdit ? (
        <form className="card form-grid" onSubmit={submit}>
          <h3>Monthly limits</h3>
          <p className="muted small">Leave a field empty for no limit.</p>
          <div className="grid2">
            {METERS.map(([k, label]) => (
              <Field key={k} label={k === "llmCostUsd" ? `${label} (USD)` : label}>
                <input
                  type="number"
                  min="0"
                  step={k === "llmCostUsd" ? "0.01" : "1"}
                  value={form[k]}
                  onChange={(e) => draft.set(k, e.target.value)}
                />
              </Field>
            ))}
          </div>
          <div className="actions">
            <button className="primary" type="submit" disabled={save.isPending}>
              Save limits
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">Only owners and admins set limits.</p>
      )}
    </div>
  );
}
