import { useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "../../api/client";
import { pollWhile } from "../../api/poll";
import { ErrorNote } from "../../components/Field";

type Jobs = Get<"/api/jobs">;
const running = (jobs: Jobs) => jobs.some((j) => j.status === "queued" || j.status === "running");

/** Background work with live progress; polls while anything is still queued or running. */
export function JobsPanel() {
  const jobs = useQuery({
    queryKey: ["/api/jobs", 20],
    queryFn: () => data(client.GET("/api/jobs", { params: { query: { limit: 20 } } })),
    refetchInterval: pollWhile(running),
    meta: { inline: true },
  });
  if (!jobs.data) return <ErrorNote error={jobs.error?.message ?? null} />;
  if (!jobs.data.length)
    return (
      <p className="muted">
        No background work yet. Imports, enrichment and generation will show their progress here.
      </p>
    );
  return (
    <>
      <ErrorNote error={jobs.error?.message ?? null} />
      <table className="table">
        <thead>
          <tr>
            <th>Job</th>
            <th>Status</th>
            <th>Progress</th>
            <th>Started</th>
          </tr>
        </thead>
        <tbody>
          {jobs.data.map((j) => (
            <tr key={j.id}>
              <td>
                #{j.id} {j.kind}
              </td>
              <td>
                <span className={`badge status-${j.status}`}>{j.status}</span>{" "}
                {j.error && <span className="muted">{j.error}</span>}
              </td>
              <td>
                {j.progress.total ? (
                  <progress value={j.progress.done} max={j.progress.total}>
                    {j.progress.done}/{j.progress.total}
                  </progress>
                ) : null}{" "}
                {j.progress.done}
                {j.progress.total ? ` / ${j.progress.total}` : ""}
              </td>
              <td>{new Date(j.createdAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
