import { z } from "zod";
import { getAnalytics } from "../../app/analytics/analytics";
import type { AppContext } from "../../app/context";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";

const countFields = {
  sent: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  replied: z.number().int(),
  positive: z.number().int(),
  bounced: z.number().int(),
  unsubscribed: z.number().int(),
  sandboxed: z
    .number()
    .int()
    .describe("Sends that reached only the sandbox mailbox, nobody (counted as sent, not delivered)"),
};
const rates = z.object({
  delivered: z.number(),
  opened: z.number(),
  clicked: z.number(),
  replied: z.number(),
  positive: z.number().describe("Percent of replies"),
  bounced: z.number(),
  unsubscribed: z.number(),
});
const counts = z.object({ ...countFields, delivered: z.number().int(), rates });
const analyticsSchema = z.object({
  days: z.number().int(),
  timezone: z.string(),
  totals: counts,
  sequences: z.array(
    z.object({ sequenceId: z.string().uuid(), name: z.string(), runId: z.string().uuid(), counts }),
  ),
  steps: z.array(
    z.object({
      sequenceId: z.string().uuid(),
      sequenceName: z.string(),
      stepIndex: z.number().int(),
      channel: z.string(),
      counts,
    }),
  ),
  daily: z.array(
    z.object({ day: z.string().describe("YYYY-MM-DD in the workspace's time zone"), ...countFields }),
  ),
  senders: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      fromEmail: z.string(),
      sandbox: z.boolean().describe("The sandbox sender: its sends reached nobody"),
      sent: z.number().int(),
      bounced: z.number().int(),
      replied: z.number().int(),
      bounceRate: z.number(),
      replyRate: z.number(),
      sentLast24h: z.number().int(),
      dailyCap: z.number().int(),
      warning: z.string().nullable(),
    }),
  ),
});

export function analyticsRoutes(app: Api, ctx: AppContext) {
  app.get(
    "/api/analytics",
    {
      preHandler: authenticate(ctx),
      schema: {
        tags: ["analytics"],
        summary:
          "Sent, delivered, opened, clicked, replied, positive replies, bounced and unsubscribed with rates: in total, per sequence, per step and per day; and each sender account's health",
        querystring: z.object({
          runId: z.string().uuid().optional(),
          sequenceId: z.string().uuid().optional(),
          days: z.coerce.number().int().min(1).max(365).optional().describe("How far back (default 30 days)"),
        }),
        response: { 200: analyticsSchema, ...authErrors },
      },
    },
    (req) => getAnalytics(ctx, actorOf(req), req.query),
  );
}
