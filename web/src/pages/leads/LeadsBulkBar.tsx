import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ask } from "../../components/confirm";
import { type Lead, type ListSummary, statusOptions } from "./leadTypes";
import { PlusVibeActions } from "./PlusVibeActions";

type Bulk = {
  action: "add_to_list" | "remove_from_list" | "set_status" | "delete";
  listId?: string;
  status?: string;
};
const describe = (r: Record<string, number | undefined>) =>
  Object.entries(r)
    .map(([k, v]) => `${v} ${k.replace(/([A-Z])/g, " $1").toLowerCase()}`)
    .join(", ");

/** The actions on the selected leads; each button is disabled while its request runs. */
export function LeadsBulkBar(p: {
  selected: string[];
  items: Lead[];
  lists: ListSummary[];
  exportHref: string;
  onDone: (notice: string) => void;
}) {
  const [bulkList, setBulkList] = useState("");
  const [bulkStatus, setBulkStatus] = useState("");
  const ids = p.selected;
  const invalidate = [["/api/leads"], ["/api/lists"], ["/api/home"]];
  const qc = useQueryClient();
  const bulk = useAction(
    (b: Bulk) => data(client.POST("/api/leads/bulk", { body: { ...b, ids } as never })),
    { invalidate, onSuccess: (r) => p.onDone(describe(r)) },
  );
  const audit = useAction(() => data(client.POST("/api/leads/audits", { body: { leadIds: ids } })), {
    invalidate,
    onSuccess: (r) =>
      p.onDone(
        `${r.queued} audit(s) queued${r.skipped.length ? `, ${r.skipped.length} skipped (no company domain)` : ""}; progress under Settings → Background jobs`,
      ),
  });
  const verify = useAction(() => data(client.POST("/api/leads/verify-emails", { body: { leadIds: ids } })), {
    onSuccess: () =>
      p.onDone(
        `verification (leads without an email get one found from name + domain) of ${ids.length} lead(s) started`,
      ),
  });
  const enrich = useAction(() => data(client.POST("/api/leads/enrich", { body: { leadIds: ids } })), {
    onSuccess: () => p.onDone(`enrichment (company website and profile) of ${ids.length} lead(s) started`),
  });
  const busy = bulk.isPending || audit.isPending || verify.isPending || enrich.isPending;
  const remove = async () => {
    const ok = await ask({
      title: `Delete ${ids.length} lead(s)?`,
      body: "They are deleted for good, with their timelines and messages. This cannot be undone.",
      confirm: "Delete for good",
      danger: true,
    });
    if (ok) bulk.mutate({ action: "delete" });
  };
  return (
    <div className="bulkbar" role="toolbar" aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <select aria-label="Add to list" value={bulkList} onChange={(e) => setBulkList(e.target.value)}>
        <option value="">List…</option>
        {p.lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!bulkList || busy}
        onClick={() => bulk.mutate({ action: "add_to_list", listId: bulkList })}
      >
        Add to list
      </button>
      <button
        type="button"
        disabled={!bulkList || busy}
        onClick={() => bulk.mutate({ action: "remove_from_list", listId: bulkList })}
      >
        Remove from list
      </button>
      <select aria-label="New status" value={bulkStatus} onChange={(e) => setBulkStatus(e.target.value)}>
        <option value="">Status…</option>
        {statusOptions.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!bulkStatus || busy}
        onClick={() => bulk.mutate({ action: "set_status", status: bulkStatus })}
      >
        Change status
      </button>
      <button type="button" disabled={busy} onClick={() => audit.mutate()}>
        Audit websites
      </button>
      <button type="button" disabled={busy} onClick={() => verify.mutate()}>
        Verify emails
      </button>
      <button type="button" disabled={busy} onClick={() => enrich.mutate()}>
        Enrich
      </button>
      <a className="button" href={p.exportHref}>
        Export CSV
      </a>
      <button type="button" className="danger-btn" disabled={busy} onClick={remove}>
        Delete
      </button>
      <PlusVibeActions
        selected={ids}
        names={Object.fromEntries(
          p.items.map((l) => [l.id, [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || l.id]),
        )}
        onDone={(m) => {
          // A push changes statuses (Email Sent): the table must show them.
          for (const k of invalidate) void qc.invalidateQueries({ queryKey: k });
          p.onDone(m);
        }}
      />
    </div>
  );
}
