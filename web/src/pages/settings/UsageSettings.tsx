import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { LineChart } from "../../components/LineChart";

type Limits = { llmCostUsd?: number; enrichments?: number; verifications?: number; emailsSent?: number };
type Usage = {
  month: string;
  resetsOn: string;
  totals: {
    llmCostUsd: number;
    llmTokens: number;
    enrichments: number;
    verifications: number;
    emailsSent: number;
    linkedinSent: number;
  };
  limits: Limits;
  daily: { day: string; kind: string; n: number; cost: number; tokens: number }[];
  runs: { runId: string; name: string; llmCostUsd: number; llmTokens: number; sends: number }[];
};

const METERS: [keyof Limits, string, (u: Usage["totals"]) => number, (n: number) => string][] = [
  ["llmCostUsd", "LLM cost", (t) => t.llmCostUsd, (n) => `$${n.toFixed(4)}`],
  ["enrichments", "Enrichment look-ups", (t) => t.enrichments, (n) => n.toLocaleString()],
  ["verifications", "Verification probes", (t) => t.verifications, (n) => n.toLocaleString()],
  ["emailsSent", "Emails sent", (t) => t.emailsSent, (n) => n.toLocaleString()],
];

/** This month's provider-backed work against optional monthly limits, day by day and per run. */
export function UsageSettings({ canEdit }: { canEdit: boolean }) {
  const [u, setU] = useState<Usage | null>(null);
  const [form, setForm] = useState<Record<keyof Limits, string>>({
    llmCostUsd: "",
    enrichments: "",
    verifications: "",
    emailsSent: "",
  });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const apply = useCallback((x: Usage) => {
    setU(x);
    setForm({
      llmCostUsd: x.limits.llmCostUsd?.toString() ?? "",
      enrichments: x.limits.enrichments?.toString() ?? "",
      verifications: x.limits.verifications?.toString() ?? "",
      emailsSent: x.limits.emailsSent?.toString() ?? "",
    });
  }, []);
  useEffect(() => {
    api<Usage>("GET", "/api/usage").then(apply, (e) => setError(e.message));
  }, [apply]);
  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const body = Object.fromEntries(
        Object.entries(form).map(([k, v]) => [k, v.trim() === "" ? null : Number(v)]),
      );
      apply(await api<Usage>("PATCH", "/api/usage/limits", body));
      setNotice("Limits saved");
    } catch (err) {
      setError((err as Error).message);
    }
  }
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
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      {canEdit ? (
        <form className="card form-grid" onSubmit={save}>
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
                  onChange={(e) => setForm({ ...form, [k]: e.target.value })}
                />
              </Field>
            ))}
          </div>
          <div className="actions">
            <button className="primary" type="submit">
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
