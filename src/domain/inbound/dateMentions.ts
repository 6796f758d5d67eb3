/** Month names after normaliseForMatching (accents stripped), English abbreviations included. */
const MONTHS: Record<string, number> = {};
[
  "january jan januar janner janvier enero januari gennaio janeiro",
  "february feb februar fevrier febrero februari febbraio fevereiro",
  "march mar marz maerz mars marzo maart marco",
  "april apr avril abril aprile",
  "may mai mayo mei maggio maio",
  "june jun juni juin junio giugno junho",
  "july jul juli juillet julio luglio julho",
  "august aug aout agosto augustus",
  "september sep sept septembre septiembre setiembre settembre setembro",
  "october oct oktober octobre octubre ottobre outubro",
  "november nov novembre noviembre novembro",
  "december dec dezember decembre diciembre dicembre dezembro",
].forEach((names, i) => names.split(" ").forEach((n) => (MONTHS[n] = i + 1)));

const WEEKDAYS: Record<string, number> = {};
[
  "monday montag lundi lunes maandag lunedi segunda segunda-feira",
  "tuesday dienstag mardi martes dinsdag martedi terca terca-feira",
  "wednesday mittwoch mercredi miercoles woensdag mercoledi quarta quarta-feira",
  "thursday donnerstag jeudi jueves donderdag giovedi quinta quinta-feira",
  "friday freitag vendredi viernes vrijdag venerdi sexta sexta-feira",
  "saturday samstag sonnabend samedi sabado zaterdag sabato",
  "sunday sonntag dimanche domingo zondag domenica",
].forEach((names, i) => names.split(" ").forEach((n) => (WEEKDAYS[n] = i + 1)));

const alt = (names: string[]) => [...names].sort((a, b) => b.length - a.length).join("|");
const MONTH = `(${alt(Object.keys(MONTHS))})\\.?`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th|er|eme|e|o|º|°|\\.)?`;
const YEAR = `(?:,?\\s*(?:de\\s+|del\\s+)?(\\d{4}))?`;

/** A calendar date as written; `year` is null when the text gave none. */
export type WrittenDate = { year: number | null; month: number; day: number };
export type DateReading = WrittenDate & { order?: "DMY" | "MDY" };
export type DateMention =
  /** `weak`: a bare "12/03" that only counts next to a return word. */
  | { kind: "date"; index: number; end: number; readings: DateReading[]; weak: boolean }
  | { kind: "weekday"; index: number; end: number; weekday: number }
  | { kind: "tomorrow"; index: number; end: number };

/**
 * Dots are always day-first (nobody writes 03.12. for December 3rd); with slashes or dashes a part
 * over 12 settles the order, otherwise both readings are returned for the caller to choose.
 */
function numeric(a: number, sep: string, b: number, year: number | null): DateReading[] {
  if (sep === "." || a > 12) return [{ year, month: b, day: a }];
  if (b > 12) return [{ year, month: a, day: b }];
  return [
    { year, month: b, day: a, order: "DMY" },
    { year, month: a, day: b, order: "MDY" },
  ];
}

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => DateReading[]; weak?: boolean }[] = [
  {
    // 2026-03-12, 2026/03/12
    re: /\b(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b/g,
    read: (m) => [{ year: +m[1]!, month: +m[2]!, day: +m[3]! }],
  },
  {
    // 3 March, 3rd of March, 5. Januar, 1er mars, 5 de enero de 2026, Monday 3 March 2026
    re: new RegExp(`\\b${DAY}\\s*(?:of\\s+|de\\s+)?${MONTH}(?![a-z])${YEAR}`, "g"),
    read: (m) => [{ year: m[3] ? +m[3] : null, month: MONTHS[m[2]!]!, day: +m[1]! }],
  },
  {
    // March 3, March 3rd, 2026
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])${YEAR}`, "g"),
    read: (m) => [{ year: m[3] ? +m[3] : null, month: MONTHS[m[1]!]!, day: +m[2]! }],
  },
  {
    // 12/03/2026, 12.03.26, 12-03-2026
    re: /(?<![\d./:-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[./:-]\d)/g,
    read: (m) => numeric(+m[1]!, m[2]!, +m[3]!, m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!),
  },
  {
    // 12.03. and 12/03 without a year; never with dashes ("3-5 days") nor before a time unit.
    re: /(?<![\d./:-])(\d{1,2})([./])(\d{1,2})\.?(?![\d./:-]|\s*(?:h\b|uhr\b|am\b|pm\b|%))/g,
    read: (m) => numeric(+m[1]!, m[2]!, +m[3]!, null),
    weak: true,
  },
];

/** Every date-like mention in normalised text, in order of appearance (overlaps removed). */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, read, weak = false } of PATTERNS)
    for (const m of text.matchAll(re)) {
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((f) => index < f.end && end > f.index)) continue;
      const readings = read(m as RegExpExecArray).filter((r) => r.month >= 1 && r.month <= 12 && r.day >= 1);
      if (readings.length) found.push({ kind: "date", index, end, readings, weak });
    }
  const weekday = new RegExp(`\\b(${alt(Object.keys(WEEKDAYS))})\\b`, "g");
  for (const m of text.matchAll(weekday)) {
    const end = m.index + m[0].length;
    // "Monday 3 March": the date decides, the weekday is decoration.
    if (found.some((f) => f.kind === "date" && f.index >= m.index && f.index - end <= 3)) continue;
    found.push({ kind: "weekday", index: m.index, end, weekday: WEEKDAYS[m[1]!]! });
  }
  for (const m of text.matchAll(/\btomorrow\b/g))
    found.push({ kind: "tomorrow", index: m.index, end: m.index + m[0].length });
  return found.sort((a, b) => a.index - b.index);
}
