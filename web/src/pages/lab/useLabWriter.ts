import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { client, data } from "../../api/client";
import { notify } from "../../api/notices";
import { pollWhile } from "../../api/poll";
import { useAction } from "../../api/useAction";
import { labKey } from "./labTypes";

const finished = (s: string) => s === "succeeded" || s === "failed" || s === "cancelled";
type Written = { written?: number; kept?: number; fallbacks?: number; costUsd?: number };

/** Starts the writing job and follows it: the lab refreshes as messages land, and says what was written. */
export function useLabWriter(id: string, say: (text: string) => void) {
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<number | null>(null);
  const start = useAction(
    (mode: "missing" | "unapproved") =>
      data(
        client.POST("/api/sequences/{id}/messages/generate", { params: { path: { id } }, body: { mode } }),
      ),
    { onSuccess: (r) => setJobId(r.jobId) },
  );
  const job = useQuery({
    queryKey: ["/api/jobs/{id}", jobId],
    queryFn: () => data(client.GET("/api/jobs/{id}", { params: { path: { id: jobId! } } })),
    enabled: jobId !== null,
    refetchInterval: pollWhile((j) => !finished(j.status), 600, 5000),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (!status) return;
    qc.invalidateQueries({ queryKey: labKey(id) });
    if (status === "succeeded") {
      const r = (job.data?.result ?? {}) as Written;
      say(
        `Wrote ${r.written ?? 0} message(s)${r.kept ? `, kept ${r.kept} already there` : ""}${r.fallbacks ? `; the built-in writer stepped in ${r.fallbacks} time(s)` : ""}${r.costUsd ? `; cost $${r.costUsd}` : ""}.`,
      );
    }
    if (status === "failed") notify(job.data?.error ?? "writing the messages failed");
    // Once per status change (and progress step), not on every poll.
  }, [status, job.data?.progress.done]); // eslint-disable-line react-hooks/exhaustive-deps
  const running =
    start.isPending || (!!job.data && !finished(job.data.status)) || (jobId !== null && !job.data);
  return { start, running, progress: running ? job.data?.progress : undefined };
}
