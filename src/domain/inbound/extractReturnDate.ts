import { DateTime, Info } from "luxon";
import { type DateReading, findDateMentions } from "./dateMentions";
import { normaliseForMatching, unquotedText } from "./matchText";

export type DateOrder = "DMY" | "MDY";
export type ReturnDateHint = {
  /** The sender's IANA time zone (the lead's): day boundaries, and month-first dates for US zones. */
  zone?: string;
  /** Overrides the zone's guess for ambiguous dates such as 03/04. */
  dateOrder?: DateOrder;
  /** A stated return further out than this is cut to it. Default 60. */
  maxPauseDays?: number;
};

const DAY_MS = 86_400_000;
const RETURN_WORD =
  /\b(until|till|til|through|thru|back|return|returning|returns|resume|resuming|again|available|as of|starting|bis|zuruck|zurueck|wieder|erreichbar|ab|jusqu'?(au|a|aux)|retour|a partir d(u|e|el)|des le|disponible|hasta|regreso|regresare|vuelta|volvere|tot|terug|vanaf|weer|bereikbaar|fino al?|rientro|rientrero|ritorno|tornero|dal|disponibile|ate|retorno|regresso|volto|voltarei|disponivel)\b/;
// Zones whose people write month first. Latin America and Canada's French half write day first.
const MONTH_FIRST_ZONES =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Yakutat|Metlakatla|Adak|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|US\/.+|Pacific\/Honolulu|Asia\/Manila|(EST5EDT|CST6CDT|MST7MDT|PST8PDT))$/;

export function dateOrderForZone(zone: string | undefined): DateOrder {
  return zone && MONTH_FIRST_ZONES.test(zone) ? "MDY" : "DMY";
}

/**
 * The written date as a day in `zone`. Without a year: this year's if still ahead, next year's if
 * this year's is long gone (December's "back 5 January"), and none if it passed within the last 30
 * days, which is an autoresponder someone forgot to switch off, not a return a year away.
 */
function resolve(r: DateReading, today: DateTime): DateTime | null {
  const on = (year: number) =>
    DateTime.fromObject({ year, month: r.month, day: r.day }, { zone: today.zone });
  if (r.year !== null) {
    const d = on(r.year);
    return d.isValid && d >= today ? d : null;
  }
  const d = on(today.year);
  if (d.isValid && d >= today) return d;
  if (d.isValid && today.diff(d, "days").days <= 30) return null;
  const next = on(today.year + 1);
  return next.isValid ? next : null;
}

/**
 * The stated return date in an out-of-office text, as the instant the pause should end, or null.
 *
 * Rules (documented because they are judgement calls):
 * - Text after a quote header and ">" lines is ignored, so our own email's dates never count.
 * - Dates next to a return word (until, back, bis, jusqu'au, hasta, tot, fino al, até, ...) win over
 *   other dates; among the chosen ones the latest wins ("from 1 March until 10 March" → 10 March).
 *   Weekday names, "tomorrow" and year-less numeric dates ("12/03") only count next to such a word.
 * - No year: the next occurrence on or after the day received, except that a date passed within
 *   the last 30 days is stale, not next year's. Past dates with a year are ignored.
 * - 03/04-style dates: a reading that lands beyond the cap or in the past loses; if both readings
 *   are plausible, `dateOrder`, else the zone (US zones month first), else day first decides.
 * - "Until" and "back on" are treated alike: the pause ends at 00:00 (sender's zone, else UTC) of
 *   the day AFTER the date, so a follow-up never lands on their first, busiest day back.
 * - Capped at `maxPauseDays` after receipt: someone on six months' leave is tried again then.
 */
export function extractReturnDate(
  text: string,
  receivedAtMs: number,
  hint: string | ReturnDateHint = {},
): number | null {
  const { zone: rawZone, dateOrder, maxPauseDays = 60 } = typeof hint === "string" ? { zone: hint } : hint;
  const zone = rawZone && Info.isValidIANAZone(rawZone) ? rawZone : "utc";
  const preferred = dateOrder ?? dateOrderForZone(rawZone);
  const today = DateTime.fromMillis(receivedAtMs, { zone }).startOf("day");
  const latest = today.plus({ days: maxPauseDays });
  const body = unquotedText(normaliseForMatching(text.slice(0, 20_000))).slice(0, 5000);

  const found: { date: DateTime; keyed: boolean }[] = [];
  for (const m of findDateMentions(body)) {
    const before = body
      .slice(Math.max(0, m.index - 50), m.index)
      .split(/\n|[!?;]\s|\.\s(?=\D)/)
      .pop()!;
    const keyed = RETURN_WORD.test(before);
    let date: DateTime | null = null;
    if (m.kind === "tomorrow") date = keyed ? today.plus({ days: 1 }) : null;
    else if (m.kind === "weekday")
      date = keyed ? today.plus({ days: (m.weekday - today.weekday + 7) % 7 || 7 }) : null;
    else if (!m.weak || keyed) {
      const readings = m.readings
        .map((r) => ({ r, d: resolve(r, today) }))
        .filter((x): x is { r: DateReading; d: DateTime } => x.d !== null);
      const plausible = readings.filter((x) => x.d <= latest);
      const pool = plausible.length ? plausible : readings;
      date = (pool.find((x) => !x.r.order || x.r.order === preferred) ?? pool[0])?.d ?? null;
    }
    if (date) found.push({ date, keyed });
  }
  const keyed = found.filter((f) => f.keyed);
  const pool = keyed.length ? keyed : found;
  if (!pool.length) return null;
  const chosen = pool.reduce((a, b) => (b.date > a.date ? b : a)).date;
  return Math.min(chosen.plus({ days: 1 }).startOf("day").toMillis(), receivedAtMs + maxPauseDays * DAY_MS);
}
