import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { Link } from "../../components/Link";
import { statusOptions } from "./leadTypes";

const statusLabel = new Map(statusOptions);

type NotReady = { id: string; status: string | null; reason: string };

/**
 * Seed 004's PlusVibe bulk actions: pick a campaign, Push selected (guarded: a 409 lists the ready and
 * not-ready leads inline, with each reason), Mark completed (leads without an email are skipped).
 */
export function PlusVibeActions(p: {
  selected: string[];
  names: Record<string, string>;
  onDone: (m: string) => void;
}) {
  const list = useQuery({
    queryKey: ["/api/plusvibe/campaigns"],
    queryFn: () => data(client.GET("/api/plusvibe/campaigns")),
    meta: { inline: true },
  });
  const campaigns = list.data;
  const [chosen, setCampaignId] = useState("");
  const campaignId = chosen || campaigns?.[0]?.id || "";
  const invalidate = [["/api/leads"], ["/api/leads/{id}"]];
  const push = useAction(
    () => data(client.POST("/api/plusvibe/leads/push", { body: { leadIds: p.selected, campaignId } })),
    {
      inline: true,
      invalidate,
      onSuccess: (r) =>
        p.onDone(
          r.partial
            ? `pushed ${r.pushed} lead(s), with a warning: ${r.warning}`
            : `pushed ${r.pushed} lead(s) to PlusVibe`,
        ),
    },
  );
  const complete = useAction(
    () => data(client.POST("/api/plusvibe/leads/complete", { body: { leadIds: p.selected } })),
    {
      inline: true,
      invalidate,
      onSuccess: (r) =>
        p.onDone(
          `marked ${r.completed.length} completed in PlusVibe${r.skipped.length ? `, ${r.skipped.length} skipped (no email)` : ""}${r.failed.length ? `, ${r.failed.length} failed: ${r.failed[0]!.reason}` : ""}`,
        ),
    },
  );
  const busy = push.isPending || complete.isPending;
  // A 409 from the push guard lists the ready and not-ready leads.
  const e = push.error;
  const guard =
    e instanceof ApiError && e.status === 409 && e.details
      ? (e.details as { ready: string[]; notReady: NotReady[] })
      : null;
  const error = (guard ? null : e?.message) ?? complete.error?.message ?? null;
  if (list.error && !(list.error instanceof ApiError && list.error.code === "integration_missing"))
    return <span className="small error">PlusVibe: {list.error.message}</span>;
  if (!campaigns)
    return (
      <span className="small muted">
        PlusVibe: <Link to="/settings">connect it</Link> to push leads
      </span>
    );
  return (
    <>
      <select
        aria-label="PlusVibe campaign"
        value={campaignId}
        onChange={(e) => setCampaignId(e.target.value)}
      >
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy || !campaignId}
        onClick={() => {
          complete.reset();
          push.mutate();
        }}
      >
        Push selected
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          push.reset();
          complete.mutate();
        }}
      >
        Mark completed
      </button>
      {(guard || error) && (
        <div className="pv-result" role="alert">
          {error && <p className="error">{error}</p>}
          {guard && (
            <>
              <p>
                <strong>Nothing was pushed:</strong> {guard.notReady.length} of{" "}
                {guard.ready.length + guard.notReady.length} selected lead(s) are not ready. Deselect them or
                fix them, then push again.
              </p>
              <ul className="findings">
                {guard.notReady.map((n) => (
                  <li key={n.id} className="finding blocking">
                    <Link to={`/leads/${n.id}`}>{p.names[n.id] ?? n.id}</Link> (
                    {n.status ? (statusLabel.get(n.status) ?? n.status) : "no status"}): {n.reason}
                  </li>
                ))}
              </ul>
              {guard.ready.length > 0 && (
                <p className="small">Ready: {guard.ready.map((id) => p.names[id] ?? id).join(", ")}</p>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
