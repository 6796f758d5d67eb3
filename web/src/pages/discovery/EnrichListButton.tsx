import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { client, data, type Get } from "../../api/client";
import { pollWhile } from "../../api/poll";
import { useAction } from "../../api/useAction";

const running = (j: Get<"/api/jobs/{id}">) => j.status === "queued" || j.status === "running";

/** Every lead id in a list, page by page (the leads API pages with a cursor). */
async function leadIdsOf(listId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await data(client.GET("/api/leads", { params: { query: { listId, limit: 200, cursor } } }));
    ids.push(...page.items.map((l) => l.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Enriches the leads a search collected, then follows the background job until it ends. */
export function EnrichListButton({ listId }: { listId: string }) {
  const [count, setCount] = useState(0);
  const start = useAction(
    async () => {
      const ids = await leadIdsOf(listId);
      if (!ids.length) throw new Error("This list has no leads to enrich.");
      setCount(ids.length);
      return data(client.POST("/api/leads/enrich", { body: { leadIds: ids } }));
    },
    { inline: true, invalidate: [["/api/jobs"]] },
  );
  const jobId = start.data?.jobId;
  const followed = useQuery({
    queryKey: ["/api/jobs/{id}", jobId],
    queryFn: () => data(client.GET("/api/jobs/{id}", { params: { path: { id: jobId! } } })),
    enabled: jobId !== undefined,
    refetchInterval: pollWhile(running),
  });

  if (jobId !== undefined) {
    const job = followed.data;
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
      <button type="button" className="link" disabled={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? "Starting…" : "Enrich these leads"}
      </button>
      {start.error && (
        <span className="danger small" role="alert">
          {start.error.message}
        </span>
      )}
    </>
  );
}
