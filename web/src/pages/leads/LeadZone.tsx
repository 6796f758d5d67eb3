import { type FormEvent, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { ZoneBadge } from "../../components/zones/ZoneBadge";
import type { InferredZone } from "../../components/zones/zoneTypes";

const allZones: string[] =
  (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];

/**
 * The zone this lead's sends are scheduled in, why, and how sure it is; a person who knows better
 * sets it (the lead's own timezone field, which then wins over every inference).
 */
export function LeadZone(p: { leadId: string; zone: InferredZone | undefined; onSaved: () => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!p.zone) return null;

  async function save(timezone: string | null, e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api("PATCH", `/api/leads/${p.leadId}`, { timezone });
      setValue("");
      p.onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" aria-label="Time zone">
      <h3>Time zone</h3>
      <p>
        <ZoneBadge zone={p.zone} />
      </p>
      <p className="muted small">{p.zone.explanation}</p>
      <form className="row" onSubmit={(e) => save(value.trim(), e)}>
        <input
          list="lead-zone-options"
          placeholder={p.zone.source === "lead" ? "Another zone…" : "Set the zone, e.g. America/Chicago"}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-label="Time zone for this lead"
        />
        <datalist id="lead-zone-options">
          {allZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <button type="submit" disabled={busy || !value.trim()}>
          Set zone
        </button>
        {p.zone.source === "lead" && (
          <button type="button" className="link" disabled={busy} onClick={() => save(null)}>
            Infer again
          </button>
        )}
      </form>
      <ErrorNote error={error} />
    </div>
  );
}
