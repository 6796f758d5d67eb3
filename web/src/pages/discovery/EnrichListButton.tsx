import { useEffect, useState } from "react";
import { api } from "../../api";
import { errorText } from "./discoveryTypes";

type Job = {
  id: number;
  status: string;
  progress: { done: number; total: number | null };
  error: string | null;
};
type LeadPage = { items: { id: string }[]; nextCursor: string | null };

/** Every lead id in a list, page by page (the leads API pages with a cursor). */
async function leadIdsOf(listId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const p = new URLSearchParams({ listId, limit: "200" });
    if (cursor) p.set("cursor", cursor);
    const page: LeadPage = await api<LeadPage>("GET", `/api/leads?${p}`);
    ids.push(...page.items.map((l) => l.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Enriches the leads a search collected, then follows the background job until it ends. */
export function EnrichListButton({ listId }: { listId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (jobId === null) return;
    let timer: number | undefined;
    let live = true;
    const load = async () => {
      const j = await api<Job>("GET", `/api/jobs/${jobId}`).catch(() => null);
      if (!live) return;
      if (j) setJob(j);
      if (!j || j.status === "queued" || j.status === "running") timer = window.setTimeout(load, 1000);
    };
    load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  async function enrich() {
    setBusy(true);
    setError(null);
    try {
      const ids = await leadIdsOf(listId);
      if (!ids.length) {
        setError("This list has no leads to enrich.");
        return;
      }
      const r = await api<{ jobId: number }>("POST", "/api/leads/enrich", { leadIds: ids });
      setCount(ids.length);
      setJob(null);
      setJobId(r.jobId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (jobId !== null) {
    const done = job?.progress.done ?? 0;
    const total = job?.progress.total ?? count;
    return (
      <div className="enrich-status" role="status">
        <span className="ok">Enrichment started</span>{" "}
        <span className="muted small">
          {job?.status === "succeeded"
            ? `· finished, ${done} of ${total}`
            : job?.status === "failed" || job?.status === "cancelled"
              ? `· ${job.status}${job.error ? `: ${job.error}` : ""}`
              : `· ${done} / ${total} leads`}
        </span>
        {job && job.status !== "succeeded" && total > 0 && (
          <progress value={done} max={total} aria-label="Enrichment progress" />
        )}
      </div>
    );
  }
  return (
    <>
      <button type="button" className="link" disabled={busy} onClick={enrich}>
        {busy ? "Starting…" : "Enrich these leads"}
      </button>
      {error && (
        <span className="danger small" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
