import { z } from "zod";
import type { AppContext } from "../../app/context";
import { getPipeline, stageLeads } from "../../app/pipeline/pipeline";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";

const filter = z.object({
  runId: z.string().uuid().optional().describe("Only the leads enrolled in this run's sequences"),
  listId: z.string().uuid().optional().describe("Only the leads of this list"),
});

/** The pipeline of seed 004: funnel cards, email stats, and stage cards with sample leads. */
export function pipelineRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/pipeline",
    {
      preHandler: auth,
      schema: {
        tags: ["pipeline"],
        summary:
          "Funnel (Total, Audited, Email sent, Opened, Replied, Converted, each with its share of Total), one stage per status, and email stats",
        querystring: filter,
        response: { 200: z.record(z.string(), z.unknown()), ...authErrors },
      },
    },
    (req) => getPipeline(ctx, actorOf(req), req.query),
  );
  app.get(
    "/api/pipeline/stages/:status/leads",
    {
      preHandler: auth,
      schema: {
        tags: ["pipeline"],
        summary:
          "Sample leads of one stage, most recently changed first (change one with PATCH /api/leads/{id})",
        params: z.object({ status: z.string().max(40) }),
        querystring: filter.extend({ limit: z.coerce.number().int().min(1).max(100).optional() }),
        response: { 200: z.array(z.record(z.string(), z.unknown())), ...authErrors },
      },
    },
    (req) => stageLeads(ctx, actorOf(req), req.params.status, req.query),
  );
}
