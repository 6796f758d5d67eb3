import { z } from "zod";
import type { AppContext } from "../../app/context";
import { getPipeline, stageLeads } from "../../app/pipeline/pipeline";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, isoDate } from "../schemas";
import type { Api } from "../server";

const filter = z.object({
  runId: z.string().uuid().optional().describe("Only the leads enrolled in this run's sequences"),
  listId: z.string().uuid().optional().describe("Only the leads of this list"),
});

const share = z.number().describe("Percent of Total, one decimal");
const card = z.object({ key: z.string(), label: z.string(), count: z.number().int(), pct: share });
const pipelineSchema = z.object({
  total: z.number().int(),
  funnel: z.array(card).describe("Total, Audited, Email sent, Opened, Replied, Converted"),
  stages: z.array(z.object({ status: z.string(), label: z.string(), count: z.number().int(), pct: share })),
  email: z.object({
    total: z.number().int(),
    sent: z.number().int(),
    sendRate: z.number(),
    byStatus: z.record(z.string(), z.number().int()),
  }),
});
const stageLeadSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  updatedAt: isoDate,
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
        response: { 200: pipelineSchema, ...authErrors },
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
        response: { 200: z.array(stageLeadSchema), ...authErrors },
      },
    },
    (req) => stageLeads(ctx, actorOf(req), req.params.status, req.query),
  );
}
