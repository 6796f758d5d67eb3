import { useQuery } from "@tanstack/react-query";
import { client, data, type Get, isNotFound } from "../../api/client";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { NotFound } from "../../components/NotFound";

// The route answers `result` and `observations` as record<unknown>: those two stay written by hand
// until the server's schema types them.
type Finding = {
  code: string;
  severity: string;
  title: string;
  detail: string;
  evidence?: string;
  penalty: number;
};
type Audit = Omit<Get<"/api/audits/{id}">, "result" | "observations"> & {
  result: { findings: Finding[]; facts: { title: string | null; description: string | null } | null } | null;
  observations: { finalUrl: string | null; responseMs: number | null; status: number | null } | null;
};

/** The report at its stable URL (/audits/<id>): grade, top issue, and each finding with its evidence. */
export function AuditReport({ id }: { id: string }) {
  const audit = useQuery({
    queryKey: ["/api/audits/{id}", id],
    queryFn: () =>
      data(
        client.GET("/api/audits/{id}", { params: { path: { id } } }),
      ) as Promise<unknown> as Promise<Audit>,
    meta: { inline: true },
  });
  if (audit.error)
    return isNotFound(audit.error) ? <NotFound what="audit" /> : <ErrorNote error={audit.error.message} />;
  const a = audit.data;
  if (!a) return <p className="muted">Loading…</p>;
  const findings = a.result?.findings ?? [];
  return (
    <section className="stack">
      <header className="page-head">
        {a.leadId && <Link to={`/leads/${a.leadId}`}>← Lead</Link>}
        <h1>Website audit: {a.domain}</h1>
        <p className="muted">
          {a.completedAt ? `Checked ${new Date(a.completedAt).toLocaleString()}` : `Status: ${a.status}`}
          {a.observations?.finalUrl && (
            <>
              {" "}
              · final address <code>{a.observations.finalUrl}</code>
            </>
          )}
          {a.observations?.responseMs != null && <> · answered in {a.observations.responseMs} ms</>}
        </p>
      </header>
      {a.status === "failed" && <ErrorNote error={`The audit could not run: ${a.error}`} />}
      {a.grade && (
        <div className="card row" style={{ alignItems: "center", gap: 20 }}>
          <span className={`grade big grade-${a.grade}`} aria-label={`Grade ${a.grade}`}>
            {a.grade}
          </span>
          <div>
            <div className="strong">Score {a.score} / 100</div>
            <div>{a.topIssue ? <>Top issue: {a.topIssue}</> : "Nothing to fix: no problems found."}</div>
            <div className="muted small">
              Each finding below shows the points it cost. A critical problem alone means F; a major one costs
              the A.
            </div>
          </div>
        </div>
      )}
      {findings.length > 0 && (
        <div className="card">
          <h2>Findings</h2>
          <ul className="findings">
            {findings.map((f) => (
              <li key={f.code}>
                <span className={`sev sev-${f.severity}`}>{f.severity}</span> <strong>{f.title}</strong>
                {f.penalty > 0 && <span className="muted small"> (−{f.penalty})</span>}
                <div>{f.detail}</div>
                {f.evidence && <pre className="muted small evidence">{f.evidence}</pre>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
