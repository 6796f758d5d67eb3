import { z } from "zod";
import type { AppContext } from "../../app/context";
import { sandboxOutbox } from "../../app/outreach/dashboard";
import { createPlay, listPlays, updateRun, createRun, getRun, listRuns } from "../../app/outreach/runs";
import {
  createSenderAccount,
  listSenderAccounts,
  testSenderConnection,
  deleteSenderAccount,
  updateSenderAccount,
} from "../../app/outreach/senderAccounts";
import { createStrategyProfile, listStrategyProfiles } from "../../app/outreach/strategyProfiles";
import { idempotencyKeyOf, withIdempotencyKey } from "../../app/idempotency/withIdempotencyKey";
import { replyAsProspect } from "../../app/outreach/replyAsProspect";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam, okSchema } from "../schemas";
import type { Api } from "../server";
import {
  dkimSelectorSchema,
  playSchema,
  sandboxMessageSchema,
  senderAccountSchema,
  strategyProfileSchema,
} from "./outreachSchemas";

const stepSchema = z.object({
  channel: z.enum(["email", "linkedin_invite", "linkedin_message"]),
  delayDays: z.number().int().min(0).max(365),
  condition: z.enum(["always", "no_reply"]),
});
export const runSchema = z.object({
  id: z.string(),
  name: z.string(),
  playKey: z.string(),
  status: z.string(),
  createdAt: z.date(),
  activatedAt: z.date().nullable(),
  archivedAt: z.date().nullable(),
});
const serverSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
});

export function outreachRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  // Sender accounts hold mailbox passwords: only owners and admins change or test them.
  const admin = authenticate(ctx, "manage_workspace");
  app.get(
    "/api/plays",
    {
      preHandler: auth,
      schema: {
        tags: ["plays"],
        summary: "The play library (built-in and your own), filterable",
        querystring: z.object({
          category: z.string().optional(),
          relationship: z.string().optional(),
          channel: z.string().optional(),
          q: z.string().optional(),
        }),
        response: { 200: z.array(playSchema), ...authErrors },
      },
    },
    (req) => listPlays(ctx, actorOf(req), req.query),
  );
  app.post(
    "/api/plays",
    {
      preHandler: auth,
      schema: {
        tags: ["plays"],
        summary: "Add your own play",
        body: z.object({
          name: z.string().trim().min(1).max(120),
          goal: z.string().max(1000).default(""),
          category: z.enum(["new_business", "expansion", "re_engagement", "events", "pipeline"]),
          relationship: z.enum(["cold", "warm", "stalled", "known"]),
          channels: z.array(z.enum(["email", "linkedin"])).min(1),
          steps: z.array(stepSchema).min(1),
          enrichment: z.array(z.string()).default([]),
          readinessChecks: z.array(z.string()).default([]),
        }),
        response: { 201: playSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createPlay(ctx, actorOf(req), req.body)),
  );
  app.get(
    "/api/runs",
    {
      preHandler: auth,
      schema: {
        tags: ["runs"],
        summary: "Runs (campaigns); archived ones with archived=true",
        querystring: z.object({ archived: z.enum(["true", "false"]).optional() }),
        response: { 200: z.array(runSchema), ...authErrors },
      },
    },
    (req) => listRuns(ctx, actorOf(req), req.query.archived === "true"),
  );
  app.post(
    "/api/runs",
    {
      preHandler: auth,
      schema: {
        tags: ["runs"],
        summary: "Create a run from a play",
        body: z.object({ name: z.string().trim().min(1).max(120), playKey: z.string().min(1) }),
        response: { 201: runSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      const run = await withIdempotencyKey(ctx, a.workspaceId, "create-run", idempotencyKeyOf(req), () =>
        createRun(ctx, a, req.body),
      );
      return reply.status(201).send(run);
    },
  );
  app.get(
    "/api/runs/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["runs"],
        summary: "One run",
        params: idParam,
        response: { 200: runSchema, ...authErrors },
      },
    },
    (req) => getRun(ctx, actorOf(req), req.params.id),
  );
  app.patch(
    "/api/runs/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["runs"],
        summary: "Rename, swap the play (draft only) or move Draft → Active → Paused → Completed",
        params: idParam,
        body: z.object({
          name: z.string().trim().min(1).max(120).optional(),
          playKey: z.string().optional(),
          status: z.enum(["draft", "active", "paused", "completed"]).optional(),
        }),
        response: { 200: runSchema, ...authErrors },
      },
    },
    (req) => updateRun(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/strategy-profiles",
    {
      preHandler: auth,
      schema: {
        tags: ["strategy"],
        summary: "Strategy profiles",
        response: { 200: z.array(strategyProfileSchema), ...authErrors },
      },
    },
    (req) => listStrategyProfiles(ctx, actorOf(req)),
  );
  app.post(
    "/api/strategy-profiles",
    {
      preHandler: auth,
      schema: {
        tags: ["strategy"],
        summary: "Create a strategy profile (sender, offer, proof, tone, call to action)",
        body: z.object({
          name: z.string().trim().min(1).max(120),
          senderName: z.string().max(120).optional(),
          senderCompany: z.string().max(120).optional(),
          offer: z.string().max(2000).optional(),
          proofPoints: z.array(z.string().max(500)).max(20).optional(),
          tone: z.enum(["friendly", "direct", "formal"]).optional(),
          callToAction: z.string().max(500).optional(),
        }),
        response: { 201: strategyProfileSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createStrategyProfile(ctx, actorOf(req), req.body)),
  );
  app.get(
    "/api/sender-accounts",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary: "Sender accounts (passwords are never returned)",
        response: { 200: z.array(senderAccountSchema), ...authErrors },
      },
    },
    (req) => listSenderAccounts(ctx, actorOf(req)),
  );
  app.post(
    "/api/sender-accounts",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary: "Add a sender: the built-in sandbox (nothing leaves the machine) or an SMTP/IMAP mailbox",
        body: z.object({
          kind: z.enum(["sandbox", "smtp"]),
          name: z.string().trim().min(1).max(120),
          fromEmail: z.string().email("must be an email address"),
          fromName: z.string().max(120).optional(),
          smtp: serverSchema.optional(),
          imap: serverSchema.optional(),
          dailyCap: z.number().int().min(1).max(10000).optional(),
          minGapSeconds: z.number().int().min(0).max(86400).optional(),
          jitterSeconds: z.number().int().min(0).max(86400).optional(),
          rampUp: z
            .object({ startCap: z.number().int().min(1), perDay: z.number().int().min(1) })
            .nullable()
            .optional(),
          dkimSelector: dkimSelectorSchema.nullable().optional(),
        }),
        response: { 201: senderAccountSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createSenderAccount(ctx, actorOf(req), req.body)),
  );
  app.patch(
    "/api/sender-accounts/:id",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary:
          "Change a sender's settings; a password left out keeps the stored one; imap: null removes the inbox",
        params: idParam,
        body: z.object({
          name: z.string().trim().min(1).max(120).optional(),
          fromEmail: z.string().email("must be an email address").optional(),
          fromName: z.string().max(120).optional(),
          smtp: serverSchema.optional(),
          imap: serverSchema.nullable().optional(),
          dailyCap: z.number().int().min(1).max(10000).optional(),
          minGapSeconds: z.number().int().min(0).max(86400).optional(),
          jitterSeconds: z.number().int().min(0).max(86400).optional(),
          rampUp: z
            .object({ startCap: z.number().int().min(1), perDay: z.number().int().min(1) })
            .nullable()
            .optional(),
          dkimSelector: dkimSelectorSchema.nullable().optional(),
          paused: z
            .string()
            .trim()
            .min(1)
            .max(500)
            .nullable()
            .optional()
            .describe("a reason pauses the sender (its leads wait, due); null resumes it"),
        }),
        response: { 200: senderAccountSchema, ...authErrors },
      },
    },
    (req) => updateSenderAccount(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/sender-accounts/:id",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary: "Remove a sender (refused while an active or paused sequence sends through it)",
        params: idParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    (req) => deleteSenderAccount(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/sender-accounts/:id/test",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary: "Test the SMTP connection and login (sends nothing)",
        params: idParam,
        response: { 200: z.object({ ok: z.boolean(), error: z.string().optional() }), ...authErrors },
      },
    },
    (req) => testSenderConnection(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/sandbox/messages",
    {
      preHandler: auth,
      schema: {
        tags: ["sandbox"],
        summary: "The sandbox mailbox: messages 'sent' without leaving the machine",
        response: { 200: z.array(sandboxMessageSchema), ...authErrors },
      },
    },
    (req) => sandboxOutbox(ctx, actorOf(req)),
  );
  app.post(
    "/api/sandbox/messages/:id/reply",
    {
      preHandler: auth,
      schema: {
        tags: ["sandbox"],
        summary: "Answer a sandbox message as the prospect (a reply, or an out-of-office with autoReply)",
        params: idParam,
        body: z.object({
          text: z.string().trim().min(1, "write something").max(10000),
          autoReply: z.boolean().default(false),
        }),
        response: { 200: z.object({ kind: z.string(), reason: z.string() }), ...authErrors },
      },
    },
    (req) => replyAsProspect(ctx, actorOf(req), req.params.id, req.body, idempotencyKeyOf(req)),
  );
}
