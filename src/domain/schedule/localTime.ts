import { IANAZone } from "luxon";

export type LocalDate = string; // "YYYY-MM-DD"
const MIN = 60_000;
const DAY = 86_400_000;

const zones = new Map<string, IANAZone>();
function zoneOf(name: string): IANAZone {
  let z = zones.get(name);
  if (!z) {
    z = IANAZone.create(name);
    if (!z.isValid) throw new Error(`unknown time zone ${name}`);
    zones.set(name, z);
  }
  return z;
}

/** Minutes east of UTC at an instant. */
export const offsetAt = (zone: string, ms: number) => zoneOf(zone).offset(ms);

export function localDateOf(ms: number, zone: string): LocalDate {
  return new Date(ms + offsetAt(zone, ms) * MIN).toISOString().slice(0, 10);
}

export function localMinutesOf(ms: number, zone: string): number {
  const d = new Date(ms + offsetAt(zone, ms) * MIN);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (no zone involved). */
export const weekdayOf = (date: LocalDate) => new Date(`${date}T00:00:00Z`).getUTCDay();

export const parseHHMM = (s: string) => {
  const [h, m] = s.split(":").map(Number);
  return h! * 60 + m!;
};

/**
 * The instant a wall-clock time happens in a zone. A time that repeats (clocks going back) is its
 * first occurrence; a time that does not exist (clocks jumping forward) is the first instant after
 * the jump — the window opens as soon as the day gets there.
 */
export function localInstant(zone: string, date: LocalDate, minutes: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MIN; // the wall clock read as if it were UTC
  const offsets = new Set([offsetAt(zone, wall - DAY), offsetAt(zone, wall), offsetAt(zone, wall + DAY)]);
  const valid = [...offsets].map((o) => wall - o * MIN).filter((t) => t + offsetAt(zone, t) * MIN === wall);
  if (valid.length) return Math.min(...valid);
  // In a gap: the transition lies between the two candidate instants; find it to the minute.
  const cands = [...offsets].map((o) => wall - o * MIN);
  let lo = Math.min(...cands);
  let hi = Math.max(...cands);
  const before = offsetAt(zone, lo);
  while (hi - lo > MIN) {
    const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
