import { z } from "zod";
import type { AppContext } from "../../app/context";
import { listUnmatchedInbound } from "../../app/inbound/unmatchedInbound";
import { simulateSandboxReport } from "../../app/inbound/simulateSandboxReport";
import {
  getDeliverabilitySettings,
  senderHealthReport,
  updateDeliverabilitySettings,
} from "../../app/senders/senderHealthReport";
import { sandboxReportKinds } from "../../channels/sandbox/sandboxReports";
import { deliverabilityPatchSchema } from "../../domain/deliverability/deliverabilitySettings";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";

const settingsSchema = z.object({
  bouncePauseRate: z.number(),
  complaintPauseRate: z.number(),
  healthWindowSends: z.number(),
  healthMinSends: z.number(),
  softBounceLimit: z.number(),
  softBounceDays: z.number(),
  perDomainDailyLimit: z.number().describe("emails a day to one recipient company domain; 0 = no limit"),
  workspaceDailyLimit: z.number().describe("emails a day from the whole workspace; 0 = no limit"),
});

const senderHealthSchema = z.object({
  senderAccountId: z.string(),
  name: z.string(),
  fromEmail: z.string(),
  sends: z.number(),
  bounces: z.number(),
  complaints: z.number(),
  bounceRate: z.number(),
  complaintRate: z.number(),
  atRisk: z.string().nullable().describe("why the rates would pause the sender, null when within limits"),
  pausedAt: z.date().nullable(),
  pausedReason: z.string().nullable(),
});

const unmatchedSchema = z.object({
  id: z.string(),
  channel: z.string(),
  kind: z.string(),
  fromAddress: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  receivedAt: z.union([z.date(), z.string()]),
  bounceClass: z.string().nullable(),
  bouncedRecipient: z.string().nullable(),
  senderAccountId: z.string().nullable(),
  senderName: z.string().nullable(),
});

/** Sender health, the workspace's bounce/complaint limits, unmatched mail, sandbox bounces on purpose. */
export function deliverabilityRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/sender-accounts/health",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary: "Each sender's bounce and complaint rates over its recent sends, against the limits",
        response: {
          200: z.object({ settings: settingsSchema, senders: z.array(senderHealthSchema) }),
          ...authErrors,
        },
      },
    },
    (req) => senderHealthReport(ctx, actorOf(req)),
  );
  app.get(
    "/api/deliverability",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary: "The limits past which a sender pauses itself, and the soft-bounce limit per lead",
        response: { 200: settingsSchema, ...authErrors },
      },
    },
    (req) => getDeliverabilitySettings(ctx, actorOf(req)),
  );
  app.patch(
    "/api/deliverability",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary: "Change the limits (owners and admins)",
        body: deliverabilityPatchSchema,
        response: { 200: settingsSchema, ...authErrors },
      },
    },
    (req) => updateDeliverabilitySettings(ctx, actorOf(req), req.body),
  );
  app.get(
    "/api/inbox/unmatched",
    {
      preHandler: auth,
      schema: {
        tags: ["inbox"],
        summary: "Mail that matched no lead, newest first (kept, never dropped)",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.array(unmatchedSchema), ...authErrors },
      },
    },
    (req) => listUnmatchedInbound(ctx, actorOf(req), req.query),
  );
  app.post(
    "/api/sandbox/messages/:id/report",
    {
      preHandler: auth,
      schema: {
        tags: ["sandbox"],
        summary:
          "Receive a delivery report for a sandbox email, as a real server writes it (a bounce of a class, or a spam complaint)",
        params: idParam,
        body: z.object({ kind: z.enum(sandboxReportKinds) }),
        response: {
          200: z.object({
            kind: z.string(),
            reason: z.string(),
            recorded: z.boolean(),
            matchedBy: z.string().nullable(),
          }),
          ...authErrors,
        },
      },
    },
    (req) => simulateSandboxReport(ctx, actorOf(req), req.params.id, req.body.kind),
  );
}
