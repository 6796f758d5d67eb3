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

const HOUR = 3_600_000;
const hourOffsets = new Map<string, number>();

/**
 * Minutes east of UTC at an instant. Offsets are cached per zone and UTC hour when the hour has
 * one offset throughout (zones change offset at most once an hour), which makes a million lookups
 * cheap; an hour containing a transition is computed exactly each time.
 */
export function offsetAt(zone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR);
  const key = `${zone}|${hour}`;
  const cached = hourOffsets.get(key);
  if (cached !== undefined) return cached;
  const z = zoneOf(zone);
  const start = z.offset(hour * HOUR);
  if (start === z.offset(hour * HOUR + HOUR - 1)) {
    if (hourOffsets.size > 500_000) hourOffsets.clear();
    hourOffsets.set(key, start);
    return start;
  }
  return z.offset(ms);
}

/** Days since 1970-01-01 of the local calendar date at an instant. */
export const localDayNumber = (ms: number, zone: string) => Math.floor((ms + offsetAt(zone, ms) * MIN) / DAY);
export const dayNumberToDate = (day: number): LocalDate => new Date(day * DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfDay = (day: number) => (((day + 4) % 7) + 7) % 7;

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
