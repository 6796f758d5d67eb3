import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../api/client";
import { ErrorNote } from "../../components/Field";
import { LineChart } from "../../components/LineChart";
import { Link } from "../../components/Link";

const verdictClass = { pass: "st-replied", warn: "st-paused", fail: "st-bounced", not_checked: "" } as const;

/**
 * One sender's deliverability: 30 days of sends, bounces by class, complaints and replies, its
 * warm-up curve with the day the full cap is reached, and the last check of its domain.
 */
export function SenderDeliverability({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ["/api/sender-accounts", id, "deliverability"],
    queryFn: () => data(client.GET("/api/sender-accounts/{id}/deliverability", { params: { path: { id } } })),
  });
  const r = q.data;
  if (!r) return <ErrorNote error={q.error?.message ?? null} />;
  const labels = r.days.map((d) => d.day);
  const t = r.totals;
  return (
    <div className="stack">
      <p className="small">
        <Link to="/settings?tab=senders">← Senders</Link>
      </p>
      <h2>
        {r.sender.name} <span className="muted small">{r.sender.fromEmail}</span>
      </h2>
      {r.sender.pausedAt && (
        <p className="notice" role="status">
          Paused: {r.sender.pausedReason}. It sends nothing until someone resumes it in Settings → Senders.
        </p>
      )}
      <p className="muted">
        Last 30 days, by day in {r.timezone}: {t.sent} sent, {t.bounced} bounced, {t.complaints} spam
        complaints, {t.replies} replies.
      </p>
      <LineChart
        title="Sent and replies per day"
        labels={labels}
        series={[
          { name: "Sent", color: "#2563eb", values: r.days.map((d) => d.sent) },
          { name: "Replies", color: "#16a34a", values: r.days.map((d) => d.replies) },
        ]}
      />
      <LineChart
        title="Bounces by class and complaints per day"
        labels={labels}
        series={[
          {
            name: "Address does not exist",
            color: "#dc2626",
            values: r.days.map((d) => d.bounced.permanent),
          },
          { name: "Refused (policy)", color: "#9333ea", values: r.days.map((d) => d.bounced.policy) },
          { name: "Temporary", color: "#f59e0b", values: r.days.map((d) => d.bounced.temporary) },
          { name: "Unreadable", color: "#6b7280", values: r.days.map((d) => d.bounced.undetermined) },
          { name: "Complaints", color: "#111827", values: r.days.map((d) => d.complaints) },
        ]}
      />
      <section className="stack" aria-labelledby="ramp">
        <h3 id="ramp">Warm-up</h3>
        {r.ramp.fullCapOn ? (
          <>
            <p>
              Today it may send {r.ramp.todayCap} of its {r.ramp.dailyCap} a day. It started at{" "}
              {r.ramp.startCap} and adds {r.ramp.perDay} a day, so it reaches the full cap on{" "}
              {r.ramp.fullCapOn}.
            </p>
            <LineChart
              title="Daily cap during the warm-up"
              labels={r.ramp.curve.map((c) => c.day)}
              series={[{ name: "Cap", color: "#0891b2", values: r.ramp.curve.map((c) => c.cap) }]}
            />
          </>
        ) : (
          <p className="muted">No warm-up: the full cap of {r.ramp.dailyCap} a day applies from the start.</p>
        )}
      </section>
      <section className="stack" aria-labelledby="dns">
        <h3 id="dns">Domain check</h3>
        {r.domainCheck.status === "not_checked" ? (
          <p className="muted">
            {r.sender.kind === "sandbox"
              ? "The sandbox sender has no domain to check."
              : `${r.domainCheck.domain} has not been checked yet: run the check in Settings → Senders.`}
          </p>
        ) : (
          <table className="table">
            <tbody>
              {r.domainCheck.checks.map((c) => (
                <tr key={c.check}>
                  <th>{c.check.toUpperCase()}</th>
                  <td>
                    <span className={`badge ${verdictClass[c.result]}`}>{c.result}</span>
                  </td>
                  <td className="wrap">{c.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
