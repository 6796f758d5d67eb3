import type { HolidayLookup, SendingWindow } from "./sendingWindow";

/** A sequence's own sending calendar; each null part falls back to the workspace's window. */
export type SequenceCalendar = {
  sendDays: number[] | null;
  windowStart: string | null;
  windowEnd: string | null;
  skipHolidays: boolean;
};

/**
 * The window a sequence's steps go in: its own days and hours where set, else the workspace's, and
 * the holiday look-up only when the sequence skips public holidays.
 */
export function calendarWindow(
  ws: { windowStart: string; windowEnd: string; skipWeekends: boolean },
  seq: SequenceCalendar | null,
  holidayOn: HolidayLookup | null,
): SendingWindow {
  return {
    start: seq?.windowStart ?? ws.windowStart,
    end: seq?.windowEnd ?? ws.windowEnd,
    skipWeekends: ws.skipWeekends,
    days: seq?.sendDays ?? null,
    holidayOn: seq?.skipHolidays ? holidayOn : null,
  };
}
