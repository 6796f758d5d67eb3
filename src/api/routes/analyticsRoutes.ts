import { z } from "zod";
import { getAnalytics } from "../../app/analytics/analytics";
import type { AppContext } from "../../app/context";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";

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
        response: { 200: z.record(z.string(), z.unknown()), ...authErrors },
      },
    },
    (req) => getAnalytics(ctx, actorOf(req), req.query),
  );
}
