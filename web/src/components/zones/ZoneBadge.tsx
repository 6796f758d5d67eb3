import type { InferredZone } from "./zoneTypes";
import { sourceLabels } from "./zoneTypes";

/** The zone with where it came from; a guess says so, since sends follow it. */
export function ZoneBadge({ zone }: { zone: InferredZone }) {
  return (
    <span title={zone.explanation}>
      <strong>{zone.zone}</strong> <span className="muted small">{sourceLabels[zone.source]}</span>{" "}
      {zone.confidence === "guess" ? (
        <span className="badge zone-guess">guessed</span>
      ) : (
        <span className="badge">{zone.confidence}</span>
      )}
    </span>
  );
}
