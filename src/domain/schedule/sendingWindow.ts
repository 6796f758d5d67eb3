import { addDays, type LocalDate, localDateOf, localInstant, parseHHMM, weekdayOf } from "./localTime";

export type SendingWindow = { start: string; end: string; skipWeekends: boolean };
export const defaultWindow: SendingWindow = { start: "09:00", end: "17:00", skipWeekends: true };

export const isSendDay = (date: LocalDate, w: SendingWindow) =>
  !w.skipWeekends || ![0, 6].includes(weekdayOf(date));

/**
 * Memoised (zone, local date) → window instants: 1M enrollments across 20 zones touch a few hundred
 * distinct keys, so the time zone arithmetic runs a few hundred times, not a million.
 */
export class WindowCache {
  private cache = new Map<string, { open: number; close: number }>();
  constructor(readonly window: SendingWindow) {}
  get(zone: string, date: LocalDate) {
    const key = `${zone}|${date}`;
    let v = this.cache.get(key);
    if (!v) {
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
  let date = localDateOf(nowMs, zone);
  for (let i = 0; i < 10; i++, date = addDays(date, 1)) {
    if (!isSendDay(date, cache.window)) continue;
    const { open, close } = cache.get(zone, date);
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
  let date = addDays(localDateOf(previousMs, zone), delayDays);
  for (let i = 0; i < 10 && !isSendDay(date, cache.window); i++) date = addDays(date, 1);
  return cache.get(zone, date).open;
}
