import { z } from "zod";
import type { AppContext } from "../../app/context";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  redeliver,
  updateWebhook,
} from "../../app/webhooks/webhooks";
import { webhookEvents } from "../../db/schema";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { createdWebhookSchema, webhookDeliverySchema, webhookSchema } from "./integrationSchemas";

const events = z.array(z.enum(webhookEvents)).min(1).max(webhookEvents.length);

/**
 * Outbound webhooks: POSTed JSON `{ id, event, createdAt, data }` with headers Overture-Event,
 * Overture-Delivery and Overture-Signature (`t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`).
 */
export function webhookRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/webhooks",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "The workspace's webhooks",
        response: { 200: z.array(webhookSchema), ...authErrors },
      },
    },
    (req) => listWebhooks(ctx, actorOf(req)),
  );
  app.post(
    "/api/webhooks",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "Register a URL for events; the answer holds the signing secret, shown only this once",
        body: z.object({
          url: z.string().max(2000),
          events: events.describe(`Any of ${webhookEvents.join(", ")}`),
          description: z.string().max(200).optional(),
        }),
        response: { 201: createdWebhookSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createWebhook(ctx, actorOf(req), req.body)),
  );
  app.patch(
    "/api/webhooks/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "Change the URL, events or description, or pause it (active: false)",
        params: idParam,
        body: z.object({
          url: z.string().max(2000).optional(),
          events: events.optional(),
          description: z.string().max(200).optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: webhookSchema, ...authErrors },
      },
    },
    (req) => updateWebhook(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/webhooks/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "Remove a webhook and its delivery log",
        params: idParam,
        response: { 200: z.object({ ok: z.literal(true) }), ...authErrors },
      },
    },
    (req) => deleteWebhook(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/webhooks/:id/deliveries",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "The delivery log: each event with its status, attempts, last HTTP status and error",
        params: idParam,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: { 200: z.array(webhookDeliverySchema), ...authErrors },
      },
    },
    (req) => listDeliveries(ctx, actorOf(req), req.params.id, req.query.limit),
  );
  app.post(
    "/api/webhooks/:id/ping",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "Queue a signed test event (ping) to check the receiver",
        params: idParam,
        response: { 200: webhookDeliverySchema, ...authErrors },
      },
    },
    (req) => pingWebhook(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/webhook-deliveries/:id/redeliver",
    {
      preHandler: auth,
      schema: {
        tags: ["webhooks"],
        summary: "Send a delivery again",
        params: idParam,
        response: { 200: webhookDeliverySchema, ...authErrors },
      },
    },
    (req) => redeliver(ctx, actorOf(req), req.params.id),
  );
}
