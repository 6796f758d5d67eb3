import { canonicalZone } from "./canonicalZone";
import { countryOfAnyZone } from "./countryClock";
import {
  type LocalDate,
  dayNumberToDate,
  localDayNumber,
  localInstant,
  parseHHMM,
  weekdayOf,
} from "./localTime";

/** The name of the public holiday on a local date in a country (ISO 3166-1 alpha-2), or null. */
export type HolidayLookup = (country: string, date: LocalDate) => string | null;

export type SendingWindow = {
  start: string;
  end: string;
  skipWeekends: boolean;
  /** The days steps may go, 0 = Sunday … 6 = Saturday; absent: Monday–Friday if skipWeekends, else every day. */
  days?: readonly number[] | null;
  /** Given: no step goes on a public holiday of the country of the lead's zone. */
  holidayOn?: HolidayLookup | null;
};
export const defaultWindow: SendingWindow = { start: "09:00", end: "17:00", skipWeekends: true };

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
export const sendDaysOf = (w: SendingWindow): readonly number[] =>
  w.days ?? (w.skipWeekends ? WEEKDAYS : EVERY_DAY);

export const isSendDay = (date: LocalDate, w: SendingWindow) => sendDaysOf(w).includes(weekdayOf(date));

// Holiday data and calendars are local to a country: enough days ahead to pass a long run of them
// (a sequence sending one day a week, over Christmas) before calling the settings impossible.
const SEARCH_DAYS = 60;

export type WindowDay = {
  open: number;
  close: number;
  /** Whether a step may go that day: one of the calendar's days and not a public holiday. */
  send: boolean;
  /** The public holiday that closes the day, with its country: "Christmas Day (DE)". */
  holiday: string | null;
};

/**
 * Memoised (zone, local date) → the day's window: 1M enrollments across 20 zones touch a few
 * hundred distinct keys, so the time zone arithmetic and holiday look-ups run a few hundred times,
 * not a million. The holiday country is the zone's (a zone belongs to one country in the tz data).
 */
export class WindowCache {
  private cache = new Map<string, WindowDay>();
  private readonly days: readonly number[];
  constructor(readonly window: SendingWindow) {
    this.days = sendDaysOf(window);
  }
  get(zone: string, day: number): WindowDay {
    const key = `${zone}|${day}`;
    let v = this.cache.get(key);
    if (!v) {
      const date = dayNumberToDate(day);
      const country = this.window.holidayOn ? countryOfAnyZone(canonicalZone(zone)) : null;
      const name = country ? this.window.holidayOn!(country, date) : null;
      v = {
        open: localInstant(zone, date, parseHHMM(this.window.start)),
        close: localInstant(zone, date, parseHHMM(this.window.end)),
        send: !name && this.days.includes(weekdayOf(date)),
        holiday: name ? `${name} (${country})` : null,
      };
      this.cache.set(key, v);
    }
    return v;
  }
}

const noDay = () => new Error(`no sending day within ${SEARCH_DAYS} days: check the sending days and hours`);

/** `now` if the lead's window is open now, else the next opening on a sending day. */
export function nextWindowStart(nowMs: number, zone: string, cache: WindowCache): number {
  let day = localDayNumber(nowMs, zone);
  for (let i = 0; i < SEARCH_DAYS; i++, day++) {
    const { open, close, send } = cache.get(zone, day);
    if (!send) continue;
    if (nowMs < open) return open;
    if (nowMs < close) return nowMs;
  }
  throw noDay();
}

/**
 * When a step is due: step 1 (delay 0) as soon as the lead's window is open; a later step on the
 * local day `delayDays` after the previous send, at that day's opening (or the next sending day's).
 */
export function dueInstant(previousMs: number, delayDays: number, zone: string, cache: WindowCache): number {
  if (delayDays <= 0) return nextWindowStart(previousMs, zone, cache);
  let day = localDayNumber(previousMs, zone) + delayDays;
  for (let i = 0; i < SEARCH_DAYS; i++, day++)
    if (cache.get(zone, day).send) return cache.get(zone, day).open;
  throw noDay();
}

/**
 * The public holidays a step passed over to reach `atMs`, counted from the day it would otherwise
 * have gone (the day of `previousMs` plus `delayDays`), for the preview to say why it moved.
 */
export function holidaysSkipped(
  previousMs: number,
  delayDays: number,
  atMs: number,
  zone: string,
  cache: WindowCache,
): { date: LocalDate; holiday: string }[] {
  const out: { date: LocalDate; holiday: string }[] = [];
  const last = localDayNumber(atMs, zone);
  for (let day = localDayNumber(previousMs, zone) + Math.max(0, delayDays); day < last; day++) {
    const { holiday } = cache.get(zone, day);
    if (holiday) out.push({ date: dayNumberToDate(day), holiday });
  }
  return out;
}
