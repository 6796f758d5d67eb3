import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { Link } from "../../components/Link";
import { BranchNote } from "./BranchTree";
import { fmtIn, who } from "./sequenceFormat";

type Dash = Get<"/api/sequences/{id}/dashboard">;
const main = ["active", "paused", "replied", "completed"];

/** Leads per state, sends per step, the next sends in both zones and who needs attention. */
export function SequenceDashboard({
  id,
  dash,
  workspaceZone,
}: {
  id: string;
  dash: Dash;
  workspaceZone: string;
}) {
  const key = [["/api/sequences/{id}/dashboard", id]];
  const pause = useAction(
    (enrollmentId: string) =>
      data(client.POST("/api/enrollments/{id}/pause", { params: { path: { id: enrollmentId } } })),
    { invalidate: key },
  );
  const resume = useAction(
    (enrollmentId: string) =>
      data(client.POST("/api/enrollments/{id}/resume", { params: { path: { id: enrollmentId } } })),
    { invalidate: key },
  );
  return (
    <div className="stack">
      <div className="report-cards">
        {main.map((k) => (
          <div key={k}>
            <b>{dash.states[k] ?? 0}</b> {k}
          </div>
        ))}
      </div>
      <p className="muted small">
        Other states:{" "}
        {Object.entries(dash.states)
          .filter(([k]) => !main.includes(k))
          .map(([k, v]) => `${v} ${k}`)
          .join(", ") || "none"}{" "}
        · Sent per step:{" "}
        {dash.sends
          .filter((x) => x.status === "sent")
          .map((x) => `step ${x.step}: ${x.n}`)
          .join(", ") || "nothing yet"}
      </p>
      <div className="card">
        <h3>Next sends</h3>
        <table className="table">
          <thead>
            <tr>
              <th>Lead</th>
              <th>Step</th>
              <th>Lead's time</th>
              <th>Workspace time ({workspaceZone})</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dash.upcoming.map((u) => (
              <tr key={u.enrollmentId}>
                <td className="cell-text">
                  <Link to={`/leads/${u.leadId}`}>{who(u)}</Link>
                </td>
                <td>
                  {u.nextStepIndex ?? "–"}{" "}
                  <BranchNote
                    branch={dash.sequence.branch}
                    steps={dash.sequence.steps}
                    stepIndex={u.nextStepIndex}
                    taken={u.branchPath}
                  />
                </td>
                <td>
                  {u.nextStepAt ? fmtIn(u.nextStepAt, u.zone) : "–"}{" "}
                  <span className="muted small">
                    ({u.zone}, from {u.zoneSource.replace("_", " ")})
                  </span>
                </td>
                <td>{u.nextStepAt ? fmtIn(u.nextStepAt, workspaceZone) : "–"}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={pause.isPending}
                    onClick={() => pause.mutate(u.enrollmentId)}
                  >
                    Pause lead
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!dash.upcoming.length && <p className="muted">Nothing scheduled.</p>}
      </div>
      {dash.attention.length > 0 && (
        <div className="card">
          <h3>Needs attention</h3>
          <ul className="plain">
            {dash.attention.map((a) => (
              <li key={a.enrollmentId}>
                <Link to={`/leads/${a.leadId}`}>{who(a)}</Link> — <span className="badge">{a.state}</span>{" "}
                {a.reason}{" "}
                {a.state === "paused" && (
                  <button
                    type="button"
                    className="link"
                    disabled={resume.isPending}
                    onClick={() => resume.mutate(a.enrollmentId)}
                  >
                    Resume
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
