import { useEffect, useState } from "react";
import { api } from "../../api";

type Job = {
  id: number;
  kind: string;
  status: string;
  progress: { done: number; total: number | null };
  error: string | null;
  createdAt: string;
};

/** Background work with live progress; polls while anything is still queued or running. */
export function JobsPanel() {
  const [jobs, setJobs] = useState<Job[]>([]);
  useEffect(() => {
    let timer: number | undefined;
    const load = async () => {
      const list = await api<Job[]>("GET", "/api/jobs?limit=20").catch(() => []);
      setJobs(list);
      if (list.some((j) => j.status === "queued" || j.status === "running"))
        timer = window.setTimeout(load, 1000);
    };
    load();
    return () => window.clearTimeout(timer);
  }, []);
  if (!jobs.length)
    return (
      <p className="muted">
        No background work yet. Imports, enrichment and generation will show their progress here.
      </p>
    );
  return (
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
        {jobs.map((j) => (
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
  );
}
