import { z } from "zod";
import type { AppContext } from "../../app/context";
import { getUsage, setUsageLimits } from "../../app/usage/usage";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";
import { usageSchema } from "./integrationSchemas";

const limit = z.number().min(0).max(1e9).nullable().optional();

export function usageRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/usage",
    {
      preHandler: auth,
      schema: {
        tags: ["usage"],
        summary:
          "This month's provider-backed work (LLM tokens and cost, enrichment look-ups, verification probes, sends per channel) per day and per run, with the monthly limits",
        response: { 200: usageSchema, ...authErrors },
      },
    },
    (req) => getUsage(ctx, actorOf(req)),
  );
  app.patch(
    "/api/usage/limits",
    {
      preHandler: auth,
      schema: {
        tags: ["usage"],
        summary:
          "Set (a number) or clear (null) monthly limits; reaching one pauses that work with a message naming the limit",
        body: z
          .object({ llmCostUsd: limit, enrichments: limit, verifications: limit, emailsSent: limit })
          .describe('e.g. { "llmCostUsd": 25, "verifications": 5000, "emailsSent": null }'),
        response: { 200: usageSchema, ...authErrors },
      },
    },
    (req) => setUsageLimits(ctx, actorOf(req), req.body),
  );
}
