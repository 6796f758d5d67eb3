import { z } from "zod";

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)");

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Workspace settings a user edits; the window is in each lead's local time. */
export const workspaceSettingsSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(120),
    timezone: z.string().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin"),
    windowStart: hhmm,
    windowEnd: hhmm,
    skipWeekends: z.boolean(),
    stopCompanyOnReply: z.boolean(),
  })
  .partial()
  .refine((s) => !s.windowStart || !s.windowEnd || s.windowStart < s.windowEnd, {
    message: "windowEnd must be after windowStart",
    path: ["windowEnd"],
  });

export type WorkspaceSettingsPatch = z.infer<typeof workspaceSettingsSchema>;

/** A sequence's own sending calendar; null for a part means "the workspace's". */
export const sequenceCalendarSchema = z.object({
  sendDays: z
    .array(z.number().int().min(0).max(6))
    .min(1, "choose at least one sending day")
    .max(7)
    .nullable()
    .optional()
    .describe("the days steps may go, 0 = Sunday … 6 = Saturday; null = the workspace's days"),
  windowStart: hhmm
    .nullable()
    .optional()
    .describe("local opening time in the lead's zone; null = the workspace's"),
  windowEnd: hhmm
    .nullable()
    .optional()
    .describe("local closing time in the lead's zone; null = the workspace's"),
  skipHolidays: z.boolean().optional().describe("no step on a public holiday of the lead's country"),
});
export type SequenceCalendarPatch = z.infer<typeof sequenceCalendarSchema>;
