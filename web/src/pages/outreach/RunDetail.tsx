import { useQuery } from "@tanstack/react-query";
import { client, data, isNotFound } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ArchiveDelete } from "./ArchiveDelete";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { NotFound } from "../../components/NotFound";
import { CreateSequenceForm } from "./CreateSequenceForm";

type RunStatus = "draft" | "active" | "paused" | "completed";
const moves: Record<string, [RunStatus, string][]> = {
  draft: [["active", "Activate"]],
  active: [
    ["paused", "Pause run"],
    ["completed", "Complete"],
  ],
  paused: [
    ["active", "Resume run"],
    ["completed", "Complete"],
  ],
};

export function RunDetail({ id }: { id: string }) {
  const run = useQuery({
    queryKey: ["/api/runs/{id}", id],
    queryFn: () => data(client.GET("/api/runs/{id}", { params: { path: { id } } })),
    meta: { inline: true },
  });
  const seqs = useQuery({
    queryKey: ["/api/sequences", id],
    queryFn: () => data(client.GET("/api/sequences", { params: { query: { runId: id } } })),
  });
  const setStatus = useAction(
    (status: RunStatus) =>
      data(client.PATCH("/api/runs/{id}", { params: { path: { id } }, body: { status } })),
    { invalidate: [["/api/runs/{id}", id], ["/api/runs"]] },
  );
  if (run.isError)
    return isNotFound(run.error) ? <NotFound what="run" /> : <ErrorNote error={run.error.message} />;
  if (!run.data) return <p className="loading">Loading…</p>;
  const r = run.data;
  return (
    <section>
      <header className="page-head row-between">
        <div>
          <Link to="/runs">← Runs</Link>
          <h1 className="cell-text" title={r.name}>
            {r.name}
          </h1>
          <p className="muted">
            Play: {r.playKey.replace("builtin:", "")} ·{" "}
            <span className={`badge run-${r.status}`}>{r.status}</span>
          </p>
        </div>
        <div className="actions">
          {(moves[r.status] ?? []).map(([to, label]) => (
            <button
              key={to}
              type="button"
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate(to)}
            >
              {label}
            </button>
          ))}
          <ArchiveDelete kind="runs" id={id} archived={!!r.archivedAt} />
        </div>
      </header>
      <div className="two-col">
        <div className="card">
          <h3>Sequences</h3>
          {seqs.data?.length ? (
            <ul className="plain">
              {seqs.data.map((s) => (
                <li key={s.id}>
                  <Link to={`/sequences/${s.id}`}>{s.name}</Link> <span className="badge">{s.status}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No sequence yet.</p>
          )}
        </div>
        <CreateSequenceForm runId={id} />
      </div>
    </section>
  );
}
