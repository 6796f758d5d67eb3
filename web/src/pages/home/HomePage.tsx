import { useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "../../api/client";
import { Link } from "../../components/Link";
import { fmtIn } from "../outreach/sequenceFormat";
import { useAppSession } from "../../api/session";

type Home = Get<"/api/home">;

/** What needs a person today, what is scheduled, and, for a new workspace, the first-run checklist. */
export function HomePage() {
  const { ws } = useAppSession();
  const home = useQuery({
    queryKey: ["/api/home"],
    queryFn: () => data(client.GET("/api/home")),
    refetchInterval: 60_000,
  });
  const h = home.data;
  return (
    <section>
      <header className="page-head">
        <h1>Home</h1>
        <p className="muted">What needs you today in {ws.name}, and what goes out next.</p>
      </header>
      {!h ? (
        <p className="loading">Loading…</p>
      ) : (
        <div className="stack">
          {!h.checklist.complete && <Checklist items={h.checklist.items} />}
          <NeedsCard needs={h.needs} />
          <ScheduledCard s={h.scheduled} zone={ws.timezone} />
        </div>
      )}
    </section>
  );
}

function Checklist({ items }: { items: Home["checklist"]["items"] }) {
  const done = items.filter((i) => i.done).length;
  return (
    <div className="card" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Get started</h2>
      <p className="muted small">
        {done} of {items.length} done. Each step ticks itself off when the workspace has it.
      </p>
      <ol className="checklist">
        {items.map((i) => (
          <li key={i.key} className={i.done ? "done" : undefined}>
            <span aria-hidden="true">{i.done ? "✓" : "○"}</span>{" "}
            {i.done ? (
              <span>
                {i.label} <span className="sr-only">(done)</span>
              </span>
            ) : (
              <Link to={i.href}>{i.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function NeedsCard({ needs }: { needs: Home["needs"] }) {
  const rows: [number, string, string][] = [
    [needs.repliesToAnswer, "replies to answer", "/inbox"],
    [needs.messagesToApprove, "messages to approve in the Messaging Lab", "/lab"],
    [needs.emailsToApprove, "outreach emails to approve", "/emails"],
    [needs.uncertainSends, "sends with an unknown outcome to check", "/emails"],
    [needs.failedJobs, "background jobs failed this week", "/settings?tab=background-jobs"],
  ];
  const open = rows.filter(([n]) => n > 0);
  return (
    <div className="card">
      <h2>Needs you today</h2>
      {open.length === 0 && !needs.linkedinAccount && !needs.pausedSenders.length ? (
        <p className="muted">Nothing is waiting for you.</p>
      ) : (
        <ul className="plain">
          {open.map(([n, label, href]) => (
            <li key={label}>
              <Link to={href}>
                <b>{n}</b> {label}
              </Link>
            </li>
          ))}
          {needs.pausedSenders.map((p) => (
            <li key={p.id}>
              <Link to="/settings?tab=senders">
                The sender {p.name} is paused; its sequences wait until you resume it
              </Link>
              {p.reason && <div className="small muted">{p.reason}</div>}
            </li>
          ))}
          {needs.linkedinAccount && (
            <li>
              <Link to="/settings?tab=integrations">
                The LinkedIn account is {needs.linkedinAccount.status}
                {needs.linkedinAccount.reason ? `: ${needs.linkedinAccount.reason}` : ""}; its steps wait
              </Link>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function ScheduledCard({ s, zone }: { s: Home["scheduled"]; zone: string }) {
  return (
    <div className="card">
      <h2>Scheduled</h2>
      <p>
        <b>{s.dueNextDay}</b> sends due in the next 24 hours
        {s.nextSendAt ? ` · next at ${fmtIn(s.nextSendAt, zone)}` : ""}
      </p>
      {s.sequences.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Sequence</th>
              <th>Run</th>
              <th>Next 24 h</th>
              <th>Next send</th>
            </tr>
          </thead>
          <tbody>
            {s.sequences.map((q) => (
              <tr key={q.id}>
                <td className="cell-text">
                  <Link to={`/sequences/${q.id}`}>{q.name}</Link>
                </td>
                <td className="cell-text">
                  <Link to={`/runs/${q.runId}`}>{q.runName}</Link>
                </td>
                <td>{q.dueNextDay}</td>
                <td>{q.nextSendAt ? fmtIn(q.nextSendAt, zone) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
