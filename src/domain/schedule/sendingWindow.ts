import {
  type LocalDate,
  dayNumberToDate,
  localDayNumber,
  localInstant,
  parseHHMM,
  weekdayOf,
  weekdayOfDay,
} from "./localTime";

export type SendingWindow = { start: string; end: string; skipWeekends: boolean };
export const defaultWindow: SendingWindow = { start: "09:00", end: "17:00", skipWeekends: true };

export const isSendDay = (date: LocalDate, w: SendingWindow) =>
  !w.skipWeekends || ![0, 6].includes(weekdayOf(date));
const isSendDayNumber = (day: number, w: SendingWindow) =>
  !w.skipWeekends || ![0, 6].includes(weekdayOfDay(day));

/**
 * Memoised (zone, local date) → window instants: 1M enrollments across 20 zones touch a few hundred
 * distinct keys, so the time zone arithmetic runs a few hundred times, not a million.
 */
export class WindowCache {
  private cache = new Map<string, { open: number; close: number }>();
  constructor(readonly window: SendingWindow) {}
  get(zone: string, day: number) {
    const key = `${zone}|${day}`;
    let v = this.cache.get(key);
    if (!v) {
      const date = dayNumberToDate(day);
      v = {
        open: localInstant(zone, date, parseHHMM(this.window.start)),
        close: localInstant(zone, date, parseHHMM(this.window.end)),
      };
      this.cache.set(key, v);
    }
    return v;
  }
}

/** `now` if the lead's window is open now, else the next opening (skipping weekends if asked). */
export function nextWindowStart(nowMs: number, zone: string, cache: WindowCache): number {
  let day = localDayNumber(nowMs, zone);
  for (let i = 0; i < 10; i++, day++) {
    if (!isSendDayNumber(day, cache.window)) continue;
    const { open, close } = cache.get(zone, day);
    if (nowMs < open) return open;
    if (nowMs < close) return nowMs;
  }
  throw new Error("no sending day within 10 days: check the window settings");
}

/**
 * When a step is due: step 1 (delay 0) as soon as the lead's window is open; a later step on the
 * local day `delayDays` after the previous send, at that day's opening (or the next sending day's).
 */
export function dueInstant(previousMs: number, delayDays: number, zone: string, cache: WindowCache): number {
  if (delayDays <= 0) return nextWindowStart(previousMs, zone, cache);
  let day = localDayNumber(previousMs, zone) + delayDays;
  for (let i = 0; i < 10 && !isSendDayNumber(day, cache.window); i++) day++;
  return cache.get(zone, day).open;
}
