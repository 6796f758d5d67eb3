import { z } from "zod";
import type { AppContext } from "../../app/context";
import { previewSchedule } from "../../app/preview/previewSchedule";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { inferredZoneSchema } from "./zoneSchema";

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

export const previewQuerySchema = z.object({
  leadId: z.string().uuid("must be a lead id").optional(),
  asOf: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 instant such as 2026-03-08T12:00:00Z" })
    .transform((s) => new Date(s))
    .optional(),
  location: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  timezone: z.string().max(60).optional(),
  hasEmail: flag,
  hasLinkedIn: flag,
});

const localTime = z.string().nullable().meta({
  description: "Wall-clock time with its UTC offset and weekday",
  example: "2026-03-09T09:00-04:00 Mon",
});

export const previewSchema = z.object({
  asOf: z.date(),
  sequenceId: z.string(),
  lead: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  enrollment: z.object({ id: z.string(), state: z.string() }).nullable(),
  zone: inferredZoneSchema,
  workspaceZone: z.string().meta({ example: "Europe/Paris" }),
  window: z.object({
    start: z.string(),
    end: z.string(),
    skipWeekends: z.boolean(),
    /** The days steps may go, 0 = Sunday … 6 = Saturday (the sequence's, else the workspace's). */
    days: z.array(z.number().int()),
    skipHolidays: z.boolean(),
  }),
  sender: z
    .object({ id: z.string(), name: z.string(), fromEmail: z.string(), assigned: z.boolean() })
    .nullable()
    .meta({
      description:
        "The sender of this lead's emails: its own once enrolled (`assigned`), else the sequence's first, until launch shares the senders out",
    }),
  steps: z.array(
    z.object({
      index: z.number().int(),
      channel: z.enum(["email", "linkedin_invite", "linkedin_message"]),
      condition: z.enum(["always", "no_reply"]),
      delayDays: z.number().int(),
      status: z.enum(["sent", "scheduled", "skipped", "not_scheduled"]),
      at: z.date().nullable().meta({ description: "The instant (UTC) the step goes out, or went out" }),
      leadLocal: localTime,
      workspaceLocal: localTime,
      reason: z.string().nullable().meta({
        example: "moved from Fri 25 Dec: Christmas Day (DE)",
        description: "Why a step is skipped or not scheduled, or which public holidays moved it",
      }),
      message: z
        .object({
          subject: z.string(),
          body: z.string(),
          problem: z.string().nullable(),
          variant: z.string().nullable().describe("The A/B variant this lead gets for the step"),
        })
        .nullable()
        .meta({
          description: "A template step as this lead receives it (merge fields and spintax rendered)",
        }),
      path: z
        .enum(["yes", "no"])
        .nullable()
        .meta({ description: "The branch path of the step; null: shared" }),
      pathLabel: z.string().nullable().meta({
        example: "if opened",
        description: "When the step's path applies; with the path not yet decided both paths are planned",
      }),
    }),
  ),
});

export function previewRoutes(app: Api, ctx: AppContext) {
  app.get(
    "/api/sequences/:id/preview",
    {
      preHandler: authenticate(ctx),
      schema: {
        tags: ["sequences"],
        summary: "When each step would go for a lead (enrolled or not, or a hypothetical one), in both zones",
        description:
          "Computed by the scheduler's own functions. `asOf` (default now) is the launch instant for a lead not " +
          "yet enrolled; an enrolled lead is shown as scheduled. Without `leadId`, give `location`, `phone` or " +
          "`timezone` (and `hasEmail`/`hasLinkedIn`, default true). Example: " +
          "`/api/sequences/{id}/preview?location=Austin,%20TX&asOf=2026-03-06T18:00:00Z`.",
        params: idParam,
        querystring: previewQuerySchema,
        response: { 200: previewSchema, ...authErrors },
      },
    },
    (req) => previewSchedule(ctx, actorOf(req), req.params.id, req.query),
  );
}
