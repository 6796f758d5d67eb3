import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { ZoneBadge } from "../../components/zones/ZoneBadge";
import type { InferredZone } from "../../components/zones/zoneTypes";

const allZones: string[] =
  (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];

/**
 * The zone this lead's sends are scheduled in, why, and how sure it is; a person who knows better
 * sets it (the lead's own timezone field, which then wins over every inference).
 */
export function LeadZone(p: { leadId: string; zone: InferredZone | undefined }) {
  const [value, setValue] = useState("");
  const save = useAction(
    (timezone: string | null) =>
      data(client.PATCH("/api/leads/{id}", { params: { path: { id: p.leadId } }, body: { timezone } })),
    {
      inline: true,
      invalidate: [["/api/leads/{id}", p.leadId], ["/api/leads/{id}/timeline", p.leadId], ["/api/leads"]],
      onSuccess: () => setValue(""),
    },
  );
  if (!p.zone) return null;
  const busy = save.isPending;
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(value.trim());
  }

  return (
    <div className="card" aria-label="Time zone">
      <h3>Time zone</h3>
      <p>
        <ZoneBadge zone={p.zone} />
      </p>
      <p className="muted small">{p.zone.explanation}</p>
      <form className="row" onSubmit={submit}>
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
          <button type="button" className="link" disabled={busy} onClick={() => save.mutate(null)}>
            Infer again
          </button>
        )}
      </form>
      <ErrorNote error={save.error?.message ?? null} />
    </div>
  );
}
