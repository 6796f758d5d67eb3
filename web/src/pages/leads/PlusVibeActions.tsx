import { useEffect, useState } from "react";
import { ApiError, api } from "../../api";
import { Link } from "../../components/Link";
import { statusOptions } from "./leadTypes";

const statusLabel = new Map(statusOptions);

type Campaign = { id: string; name: string; status: string };
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
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [campaignId, setCampaignId] = useState("");
  const [guard, setGuard] = useState<{ ready: string[]; notReady: NotReady[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<Campaign[]>("GET", "/api/plusvibe/campaigns").then(
      (c) => {
        setCampaigns(c);
        setCampaignId(c[0]?.id ?? "");
      },
      () => setCampaigns(null),
    );
  }, []);
  async function push() {
    setBusy(true);
    setError(null);
    setGuard(null);
    try {
      const r = await api<{ pushed: number; partial: boolean; warning?: string }>(
        "POST",
        "/api/plusvibe/leads/push",
        {
          leadIds: p.selected,
          campaignId,
        },
      );
      p.onDone(
        r.partial
          ? `pushed ${r.pushed} lead(s), with a warning: ${r.warning}`
          : `pushed ${r.pushed} lead(s) to PlusVibe`,
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const body = e.details as { ready: string[]; notReady: NotReady[] } | undefined;
        if (body) setGuard(body);
        else setError(e.message);
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  async function complete() {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ completed: string[]; skipped: { id: string }[]; failed: { reason: string }[] }>(
        "POST",
        "/api/plusvibe/leads/complete",
        { leadIds: p.selected },
      );
      p.onDone(
        `marked ${r.completed.length} completed in PlusVibe${r.skipped.length ? `, ${r.skipped.length} skipped (no email)` : ""}${r.failed.length ? `, ${r.failed.length} failed: ${r.failed[0]!.reason}` : ""}`,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
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
      <button type="button" disabled={busy || !campaignId} onClick={push}>
        Push selected
      </button>
      <button type="button" disabled={busy} onClick={complete}>
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
