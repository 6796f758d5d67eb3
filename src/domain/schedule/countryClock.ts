import { countryZones } from "./countryZones";
import { offsetAt } from "./localTime";

// A winter and a summer instant of each hemisphere: zones that agree at both keep one clock.
const SAMPLES = [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)];
const oneClock = new Map<string, boolean>();

/** Whether every zone of the country shows the same time (Germany with Büsingen: yes; Spain with the Canaries: no). */
export function countryHasOneClock(country: string): boolean {
  let v = oneClock.get(country);
  if (v === undefined) {
    const zones = countryZones[country] ?? [];
    v = zones.length > 0 && SAMPLES.every((t) => new Set(zones.map((z) => offsetAt(z, t))).size === 1);
    oneClock.set(country, v);
  }
  return v;
}

/** The zone most of the country's people live in. */
export const mainZoneOf = (country: string): string | null => countryZones[country]?.[0] ?? null;

/** The country whose main zone this is ("Europe/Paris" → "FR"), to read national phone numbers. */
export const countryOfZone = (zone: string): string | null =>
  Object.entries(countryZones).find(([, zones]) => zones[0] === zone)?.[0] ?? null;

let byZone: Map<string, string> | null = null;
/** The country a zone belongs to ("America/Chicago" → "US"), or null for UTC and the like. */
export function countryOfAnyZone(zone: string): string | null {
  if (!byZone) {
    byZone = new Map();
    for (const [country, zones] of Object.entries(countryZones))
      for (const z of zones) if (!byZone.has(z)) byZone.set(z, country);
  }
  return byZone.get(zone) ?? null;
}
