import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "../../api/client";
import { useRunOptions, useSequenceOptions } from "../../api/options";
import { FilterSelect } from "../../components/FilterSelect";
import { ErrorNote } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { useSearchState } from "../../hooks/useSearchState";

type Counts = Get<"/api/analytics">["totals"];
type Metric = "sent" | keyof Counts["rates"];

const METRICS: [Metric, string][] = [
  ["sent", "Sent"],
  ["delivered", "Delivered"],
  ["opened", "Opened"],
  ["clicked", "Clicked"],
  ["replied", "Replied"],
  ["positive", "Positive"],
  ["bounced", "Bounced"],
  ["unsubscribed", "Unsubscribed"],
];
const pct = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);

/** Outcomes per run, sequence and step, over time, and the health of each sender account. */
export function AnalyticsPage() {
  const runs = useRunOptions();
  const seqs = useSequenceOptions();
  // The filters and the period live in the URL: Back and reload bring them back.
  const [search, setF] = useSearchState(["runId", "sequenceId", "days"] as const);
  const f = { ...search, days: search.days || "30" };
  const query = { runId: f.runId || undefined, sequenceId: f.sequenceId || undefined, days: Number(f.days) };
  const analytics = useQuery({
    queryKey: ["/api/analytics", query],
    queryFn: () => data(client.GET("/api/analytics", { params: { query } })),
    placeholderData: keepPreviousData,
    meta: { inline: true },
  });
  const report = analytics.data;

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <h1>Analytics</h1>
          <p className="muted">
            What your sequences achieved{report ? `, by day in ${report.timezone}` : ""}. Opens count only
            tracked emails and never your own views.
          </p>
        </div>
        <div className="actions">
          <FilterSelect
            label="Run"
            allLabel="All runs"
            options={runs}
            value={f.runId}
            onChange={(v) => setF({ runId: v })}
          />
          <FilterSelect
            label="Sequence"
            allLabel="All sequences"
            options={seqs}
            value={f.sequenceId}
            onChange={(v) => setF({ sequenceId: v })}
          />
          <select
            aria-label="Period"
            value={f.days}
            onChange={(e) => setF({ days: e.target.value === "30" ? "" : e.target.value })}
          >
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
          </select>
        </div>
      </header>
      <ErrorNote error={analytics.error?.message ?? null} />
      {report && (
        <>
          <div className="stat-cards">
            {METRICS.map(([k, label]) => (
              <div key={k} className="stat-card">
                <div className="stat-value">{report.totals[k].toLocaleString()}</div>
                <div className="small muted">
                  {label}
                  {k !== "sent" && report.totals.sent > 0 && ` · ${report.totals.rates[k] ?? 0}%`}
                </div>
              </div>
            ))}
          </div>
          {report.totals.sandboxed > 0 && (
            <p className="notice card" role="note">
              <strong>
                {report.totals.sandboxed.toLocaleString()} of the {report.totals.sent.toLocaleString()} sends
                went to the sandbox mailbox only: nobody received them.
              </strong>{" "}
              Emails through the sandbox sender and LinkedIn steps without a connected LinkedIn account count
              as sent, not as delivered.
            </p>
          )}
          {report.daily.length > 0 ? (
            <div className="two-col">
              <LineChart
                title="Per day"
                labels={report.daily.map((d) => d.day)}
                series={[
                  { name: "Sent", color: "#4f6bed", values: report.daily.map((d) => d.sent) },
                  { name: "Opened", color: "#d29922", values: report.daily.map((d) => d.opened) },
                  { name: "Replied", color: "#1a7f37", values: report.daily.map((d) => d.replied) },
                  { name: "Bounced", color: "#c62828", values: report.daily.map((d) => d.bounced) },
                ]}
              />
              <LineChart
                title="Rates per day (of that day's sends)"
                unit="%"
                labels={report.daily.map((d) => d.day)}
                series={[
                  {
                    name: "Open rate",
                    color: "#d29922",
                    values: report.daily.map((d) => pct(d.opened, d.sent)),
                  },
                  {
                    name: "Reply rate",
                    color: "#1a7f37",
                    values: report.daily.map((d) => pct(d.replied, d.sent)),
                  },
                  {
                    name: "Bounce rate",
                    color: "#c62828",
                    values: report.daily.map((d) => pct(d.bounced, d.sent)),
                  },
                ]}
              />
            </div>
          ) : (
            <div className="empty">
              <h2>Nothing sent in this period</h2>
              <p>Launch a sequence; its sends, opens, replies and bounces appear here day by day.</p>
            </div>
          )}
          {report.steps.length > 0 && (
            <>
              <h2>Per step</h2>
              <table className="table">
                <thead>
                  <tr>
                    <th>Sequence</th>
                    <th>Step</th>
                    {METRICS.map(([, l]) => (
                      <th key={l}>{l}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.steps.map((s) => (
                    <tr key={`${s.sequenceId}-${s.stepIndex}`}>
                      <td>{s.sequenceName}</td>
                      <td>
                        {s.stepIndex} · {s.channel.replace("_", " ")}
                      </td>
                      {METRICS.map(([k]) => (
                        <td key={k}>
                          {s.counts[k].toLocaleString()}
                          {k !== "sent" && s.counts.sent > 0 && (
                            <span className="muted small"> {s.counts.rates[k]}%</span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h2>Sender accounts</h2>
          <table className="table">
            <thead>
              <tr>
                <th>Sender</th>
                <th>Sent</th>
                <th>Last 24 h / cap</th>
                <th>Bounce rate</th>
                <th>Reply rate</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {report.senders.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name} <span className="muted small">{s.fromEmail}</span>
                    {s.sandbox && <span className="badge small"> Sandbox: reaches nobody</span>}
                  </td>
                  <td>{s.sent}</td>
                  <td>
                    {s.sentLast24h} / {s.dailyCap}
                    <div className="bar" aria-hidden="true">
                      <div style={{ width: `${Math.min(100, pct(s.sentLast24h, s.dailyCap))}%` }} />
                    </div>
                  </td>
                  <td>{s.bounceRate}%</td>
                  <td>{s.replyRate}%</td>
                  <td>{s.warning && <span className="finding blocking small">{s.warning}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
