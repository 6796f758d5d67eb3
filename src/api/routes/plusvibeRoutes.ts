import { z } from "zod";
import type { AppContext } from "../../app/context";
import {
  connectPlusVibe,
  disconnectPlusVibe,
  getPlusVibe,
  listPlusVibeCampaigns,
  markCompletedInPlusVibe,
  pushToPlusVibe,
} from "../../app/integrations/plusvibe";
import {
  handlePlusVibeEvent,
  syncFromPlusVibe,
  writebackToPlusVibe,
} from "../../app/integrations/plusvibeSync";
import { plusvibeUniboxFor } from "../../app/integrations/plusvibeUnibox";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, errorSchema, idParam, okSchema } from "../schemas";
import type { Api } from "../server";
import {
  plusvibeCampaignSchema,
  plusvibeCompleteSchema,
  plusvibeIntegrationSchema,
  plusvibePushSchema,
  plusvibeWebhookSchema,
  plusvibeWritebackSchema,
} from "./integrationSchemas";

const notReady = z.object({
  ready: z.array(z.string()),
  notReady: z.array(z.object({ id: z.string(), status: z.string().nullable(), reason: z.string() })),
});

const uniboxPage = z.object({
  emails: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(["in", "out"]),
      from: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string().describe("Plain text: an HTML body is converted, never returned"),
      at: z.string().nullable(),
    }),
  ),
  nextPageTrail: z
    .string()
    .nullable()
    .describe("Pass it back as pageTrail for the next, older, page; null when there is none"),
});

/**
 * PlusVibe (seed 004): the connection, its campaigns, the guarded push, Mark completed, and a lead's
 * Unibox conversation.
 */
export function plusvibeRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/integrations/plusvibe",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary: "The PlusVibe connection (never the key)",
        response: { 200: plusvibeIntegrationSchema, ...authErrors },
      },
    },
    (req) => getPlusVibe(ctx, actorOf(req)),
  );
  app.put(
    "/api/integrations/plusvibe",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary:
          "Connect PlusVibe (API key stored encrypted; left out keeps the stored one) and check the connection",
        body: z.object({
          apiKey: z.string().max(500).optional(),
          workspaceId: z.string().trim().min(1, "the PlusVibe workspace id is required").max(200),
          baseUrl: z
            .string()
            .url()
            .optional()
            .describe("Default: the public API; tests point it at a loopback server"),
        }),
        response: { 200: plusvibeIntegrationSchema, ...authErrors },
      },
    },
    (req) => connectPlusVibe(ctx, actorOf(req), req.body),
  );
  app.delete(
    "/api/integrations/plusvibe",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary: "Disconnect PlusVibe",
        response: { 200: okSchema, ...authErrors },
      },
    },
    (req) => disconnectPlusVibe(ctx, actorOf(req)),
  );
  app.get(
    "/api/plusvibe/campaigns",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary: "The PlusVibe workspace's campaigns",
        response: { 200: z.array(plusvibeCampaignSchema), ...authErrors },
      },
    },
    (req) => listPlusVibeCampaigns(ctx, actorOf(req)),
  );
  app.post(
    "/api/plusvibe/leads/push",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary:
          "Push selected leads into a campaign with every custom_* variable. If any lead is not ready (status and writeback), nothing is pushed: 409 with { ready, notReady: [{ id, status, reason }] }",
        body: z.object({
          leadIds: z.array(z.string().uuid()).min(1).max(10_000),
          campaignId: z.string().min(1).max(200),
        }),
        response: { 200: plusvibePushSchema, ...authErrors, 409: notReady },
      },
    },
    async (req, reply) => {
      const r = await pushToPlusVibe(ctx, actorOf(req), req.body);
      if (r.kind === "not_ready") return reply.status(409).send({ ready: r.ready, notReady: r.notReady });
      const { kind: _kind, ...rest } = r;
      return rest;
    },
  );
  app.post(
    "/api/plusvibe/leads/:id/writeback",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary: "Send the lead's custom_* merge variables to its PlusVibe lead (by email)",
        params: idParam,
        response: { 200: plusvibeWritebackSchema, ...authErrors },
      },
    },
    (req) => writebackToPlusVibe(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/leads/:id/plusvibe/emails",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary:
          "The lead's conversation in PlusVibe's Unibox (campaign emails sent and replies, by the lead's email), a page at a time, oldest first, text only",
        params: idParam,
        querystring: z.object({
          pageTrail: z
            .string()
            .max(2000)
            .optional()
            .describe("nextPageTrail of the previous answer: the next, older, page"),
        }),
        response: { 200: uniboxPage, ...authErrors, 422: errorSchema, 502: errorSchema },
      },
    },
    (req) => plusvibeUniboxFor(ctx, actorOf(req), req.params.id, { pageTrail: req.query.pageTrail }),
  );
  app.post(
    "/api/plusvibe/sync",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary:
          "Read the PlusVibe workspace's leads and move matching leads (by email) forward to their PlusVibe status",
        response: {
          200: z.object({ seen: z.number(), matched: z.number(), updated: z.number() }),
          ...authErrors,
        },
      },
    },
    (req) => syncFromPlusVibe(ctx, actorOf(req)),
  );
  app.post(
    "/api/plusvibe/webhooks/:token",
    {
      schema: {
        tags: ["plusvibe"],
        summary:
          "Where PlusVibe posts its events (emails sent, bounces, replies). The URL (Settings → Integrations) carries a signed token; no other authentication",
        params: z.object({ token: z.string().max(200) }),
        body: z.record(z.string(), z.unknown()),
        response: { 202: plusvibeWebhookSchema, 401: errorSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await handlePlusVibeEvent(ctx, req.params.token, req.body)),
  );
  app.post(
    "/api/plusvibe/leads/complete",
    {
      preHandler: auth,
      schema: {
        tags: ["plusvibe"],
        summary:
          "Mark the leads completed in PlusVibe (needs the lead's email; leads without one are skipped and listed)",
        body: z.object({ leadIds: z.array(z.string().uuid()).min(1).max(10_000) }),
        response: { 200: plusvibeCompleteSchema, ...authErrors },
      },
    },
    (req) => markCompletedInPlusVibe(ctx, actorOf(req), req.body.leadIds),
  );
}
