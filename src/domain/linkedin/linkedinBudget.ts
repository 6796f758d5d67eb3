import { IANAZone } from "luxon";
import { z } from "zod";
import {
  type LocalDate,
  addDays,
  localDateOf,
  localInstant,
  localMinutesOf,
  parseHHMM,
  weekdayOf,
} from "../schedule/localTime";

/**
 * Budgets of one connected LinkedIn account. LinkedIn restricts accounts that act like bots, so
 * every invitation and message of the account, whatever sequence it belongs to, draws on these.
 */
export type LinkedInLimits = {
  invitesPerDay: number;
  /** Over a rolling 7 × 24 h, which is how LinkedIn counts its weekly invitation limit. */
  invitesPerWeek: number;
  messagesPerDay: number;
  /** Random gap between two actions of the account, so its activity never forms a pattern. */
  minGapMinutes: number;
  maxGapMinutes: number;
  /** "HH:MM" in the account's own time zone: a person sends during their working day. */
  workStart: string;
  workEnd: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workDays: number[];
  timezone: string;
  /** Free LinkedIn accounts may add a note to only a few invitations a month. */
  freeAccount: boolean;
  notesPerMonth: number;
};

export const defaultLinkedInLimits: LinkedInLimits = {
  invitesPerDay: 20,
  invitesPerWeek: 100,
  messagesPerDay: 50,
  minGapMinutes: 2,
  maxGapMinutes: 8,
  workStart: "09:00",
  workEnd: "18:00",
  workDays: [1, 2, 3, 4, 5],
  timezone: "UTC",
  freeAccount: false,
  notesPerMonth: 5,
};

/** What the account has already done, counted by the caller from the boundaries exported below. */
export type LinkedInUsage = {
  invitesToday: number;
  invitesThisWeek: number;
  messagesToday: number;
  notesThisMonth: number;
  lastActionMs: number | null;
  nextGapMinutes?: number;
};

export type LinkedInDecision =
  { go: true; withNote: boolean; noteDropped: boolean } | { go: false; retryAtMs: number; reason: string };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
const isoWeekdayOf = (date: LocalDate) => weekdayOf(date) || 7;

function isWorkingTime(l: LinkedInLimits, ms: number): boolean {
  if (!l.workDays.includes(isoWeekdayOf(localDateOf(ms, l.timezone)))) return false;
  const minutes = localMinutesOf(ms, l.timezone);
  return minutes >= parseHHMM(l.workStart) && minutes < parseHHMM(l.workEnd);
}

/**
 * The first work-day opening on `firstDate` or later that is not before `notBeforeMs`. Openings are
 * computed per local date, so a DST change moves them with the wall clock, as a person's day does.
 */
function nextOpening(l: LinkedInLimits, notBeforeMs: number, firstDate: LocalDate): number {
  const start = parseHHMM(l.workStart);
  // Two weeks is more than enough: any non-empty set of weekdays recurs within seven days.
  for (let i = 0; i < 15; i++) {
    const date = addDays(firstDate, i);
    if (!l.workDays.includes(isoWeekdayOf(date))) continue;
    const opening = localInstant(l.timezone, date, start);
    if (opening >= notBeforeMs) return opening;
  }
  throw new Error("LinkedIn limits have no working days");
}

/** An instant itself when it falls in working hours, otherwise the next opening after it. */
function intoWorkingHours(l: LinkedInLimits, ms: number): number {
  return isWorkingTime(l, ms) ? ms : nextOpening(l, ms, localDateOf(ms, l.timezone));
}

/** Spreads actions queued for the same opening over a few minutes instead of one second. */
const randomOffset = (l: LinkedInLimits, rng: () => number) => Math.round(rng() * l.maxGapMinutes * MIN);

const capUsed = (n: number, one: string, many: string, period: string) =>
  n === 1
    ? `the account's 1 ${one} for ${period} is used`
    : `the account's ${n} ${many} for ${period} are used`;

/**
 * Whether one due LinkedIn action of an account may go now, and if not, when to look again. The
 * checks run from the one that blocks longest to the shortest, so the reason given is the one that
 * actually decides the retry time.
 */
export function linkedinDecision(
  kind: "invite" | "message",
  wantsNote: boolean,
  limits: LinkedInLimits,
  usage: LinkedInUsage,
  nowMs: number,
  rng: () => number,
  oldestInviteInWeekMs?: number | null,
): LinkedInDecision {
  const l = limits;
  const today = localDateOf(nowMs, l.timezone);

  if (!isWorkingTime(l, nowMs)) {
    return {
      go: false,
      retryAtMs: nextOpening(l, nowMs, today) + randomOffset(l, rng),
      reason: `outside the LinkedIn account's working hours (${l.workStart}–${l.workEnd} ${l.timezone})`,
    };
  }

  const [usedToday, capToday, reason] =
    kind === "invite"
      ? [usage.invitesToday, l.invitesPerDay, capUsed(l.invitesPerDay, "invitation", "invitations", "today")]
      : [usage.messagesToday, l.messagesPerDay, capUsed(l.messagesPerDay, "message", "messages", "today")];
  if (usedToday >= capToday) {
    return {
      go: false,
      retryAtMs: nextOpening(l, nowMs, addDays(today, 1)) + randomOffset(l, rng),
      reason,
    };
  }

  if (kind === "invite" && usage.invitesThisWeek >= l.invitesPerWeek) {
    // The rolling week frees a slot when its oldest invitation turns seven days old; without that
    // instant (or with a stale one) a day later is a safe guess that does not poll all day.
    const freed = oldestInviteInWeekMs != null ? oldestInviteInWeekMs + 7 * DAY : null;
    const target = freed !== null && freed > nowMs ? freed : nowMs + DAY;
    return {
      go: false,
      retryAtMs: intoWorkingHours(l, target) + randomOffset(l, rng),
      reason: capUsed(l.invitesPerWeek, "invitation", "invitations", "this week"),
    };
  }

  if (usage.lastActionMs !== null) {
    const gapMs = Math.round((l.minGapMinutes + rng() * (l.maxGapMinutes - l.minGapMinutes)) * MIN);
    const earliest = usage.lastActionMs + gapMs;
    if (nowMs < earliest) {
      return {
        go: false,
        retryAtMs: intoWorkingHours(l, earliest),
        reason: "waiting a few minutes between LinkedIn actions",
      };
    }
  }

  if (kind === "message") return { go: true, withNote: false, noteDropped: false };
  // An invitation without its note still starts the relationship, so a used-up quota drops the
  // note rather than holding the invitation back until next month.
  const noteDropped = wantsNote && l.freeAccount && usage.notesThisMonth >= l.notesPerMonth;
  return { go: true, withNote: wantsNote && !noteDropped, noteDropped };
}

/** Local midnight of today in the account's zone, from which "today" usage is counted. */
export function localDayStartMs(nowMs: number, timezone: string): number {
  return localInstant(timezone, localDateOf(nowMs, timezone), 0);
}

/** Local midnight of the first of this month in the account's zone, for the monthly note quota. */
export function localMonthStartMs(nowMs: number, timezone: string): number {
  return localInstant(timezone, `${localDateOf(nowMs, timezone).slice(0, 8)}01`, 0);
}

const whole = (field: string, max: number) => {
  const error = `${field} must be a whole number from 0 to ${max}`;
  return z.number({ error }).int({ error }).min(0, { error }).max(max, { error });
};
const hhmm = (field: string) =>
  z.string({ error: `${field} must be a time HH:MM (24-hour)` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    error: `${field} must be a time HH:MM (24-hour)`,
  });
const workDaysError = "workDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday)";
const timezoneError = "timezone must be an IANA time zone such as Europe/Berlin";

/**
 * Partial LinkedIn limits as a user submits or the database stores them. Pairs are checked here
 * only when both halves are present; `parseLinkedInLimits` checks them again after merging, since a
 * patch may change one half against the stored other.
 */
export const linkedinLimitsSchema = z
  .object({
    invitesPerDay: whole("invitesPerDay", 100),
    invitesPerWeek: whole("invitesPerWeek", 500),
    messagesPerDay: whole("messagesPerDay", 300),
    minGapMinutes: whole("minGapMinutes", 240),
    maxGapMinutes: whole("maxGapMinutes", 240),
    workStart: hhmm("workStart"),
    workEnd: hhmm("workEnd"),
    workDays: z
      .array(
        z
          .number({ error: workDaysError })
          .int({ error: workDaysError })
          .min(1, { error: workDaysError })
          .max(7, { error: workDaysError }),
        {
          error: workDaysError,
        },
      )
      .min(1, { error: workDaysError }),
    timezone: z
      .string({ error: timezoneError })
      .refine((s) => IANAZone.isValidZone(s), { error: timezoneError }),
    freeAccount: z.boolean({ error: "freeAccount must be true or false" }),
    notesPerMonth: whole("notesPerMonth", 100),
  })
  .partial()
  .refine(
    (s) =>
      s.minGapMinutes === undefined || s.maxGapMinutes === undefined || s.minGapMinutes <= s.maxGapMinutes,
    {
      error: "minGapMinutes must not be more than maxGapMinutes",
      path: ["minGapMinutes"],
    },
  )
  .refine((s) => s.workStart === undefined || s.workEnd === undefined || s.workStart < s.workEnd, {
    error: "workEnd must be after workStart",
    path: ["workEnd"],
  });

export type LinkedInLimitsPatch = z.infer<typeof linkedinLimitsSchema>;

/**
 * Stored (possibly partial, possibly older) settings merged over the defaults, so a workspace that
 * never touched its limits gets the safe ones. Unknown keys are ignored; invalid values throw with
 * a message naming the field.
 */
export function parseLinkedInLimits(input: unknown): LinkedInLimits {
  if (input === null || input === undefined) input = {};
  if (typeof input !== "object" || Array.isArray(input)) throw new Error("LinkedIn limits must be an object");
  const parsed = linkedinLimitsSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  const l: LinkedInLimits = { ...defaultLinkedInLimits, ...patch };
  if (l.minGapMinutes > l.maxGapMinutes) throw new Error("minGapMinutes must not be more than maxGapMinutes");
  if (l.workStart >= l.workEnd) throw new Error("workEnd must be after workStart");
  return { ...l, workDays: [...new Set(l.workDays)].sort((a, b) => a - b) };
}
