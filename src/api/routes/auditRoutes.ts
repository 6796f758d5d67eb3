import { z } from "zod";
import { auditLead, getAudit, listLeadAudits, queueAudits } from "../../app/audits/auditLead";
import { writebackOutreachEmail } from "../../app/audits/writeback";
import type { AppContext } from "../../app/context";
import { getLeadRow } from "../../app/leads/leadDetail";
import { AppError } from "../../domain/appError";
import { enqueue } from "../../jobs/enqueue";
import { enrichLeadsJob } from "../../jobs/definitions/enrichLeadsJob";
import { enrichLead } from "../../app/enrichment/enrichLead";
import { ownLeadIds } from "../../app/leads/ownLeadIds";
import { auditLeadsJob } from "../../jobs/definitions/auditLeadsJob";
import { verifyEmailsJob } from "../../jobs/definitions/verifyEmailsJob";
import { verifyLeadEmail } from "../../app/verification/verifyEmail";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import {
  auditRunSchema,
  auditSchema,
  auditSummarySchema,
  enrichResultSchema,
  verifyResultSchema,
} from "./integrationSchemas";
import { outreachEmailSchema } from "./messageSchemas";

export function auditRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.post(
    "/api/leads/audits",
    {
      preHandler: auth,
      schema: {
        tags: ["audits"],
        summary: "Audit the websites of the selected leads in the background (progress on the returned job)",
        body: z.object({ leadIds: z.array(z.string().uuid()).min(1).max(10_000) }),
        response: {
          202: z.object({
            jobId: z.number().nullable(),
            queued: z.number(),
            skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
          }),
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { queued, skipped } = await queueAudits(ctx, actor, req.body.leadIds);
      const job = queued.length
        ? await enqueue(ctx, auditLeadsJob, actor.workspaceId, {
            leadIds: queued,
            actorLabel: actor.label,
            userId: actor.userId,
          })
        : null;
      return reply.status(202).send({ jobId: job?.id ?? null, queued: queued.length, skipped });
    },
  );
  app.post(
    "/api/leads/:id/audit",
    {
      preHandler: auth,
      schema: {
        tags: ["audits"],
        summary: "Audit one lead's website now and run the writeback (answers when done, within ~10 s)",
        params: idParam,
        response: { 200: auditRunSchema, ...authErrors },
      },
    },
    (req) => auditLead(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/leads/:id/audits",
    {
      preHandler: auth,
      schema: {
        tags: ["audits"],
        summary: "A lead's audits, newest first",
        params: idParam,
        response: { 200: z.array(auditSummarySchema), ...authErrors },
      },
    },
    (req) => listLeadAudits(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/audits/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["audits"],
        summary: "An audit report: grade, score, top issue and every finding with its evidence",
        params: idParam,
        response: { 200: auditSchema, ...authErrors },
      },
    },
    (req) => getAudit(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/leads/:id/generate-email",
    {
      preHandler: auth,
      schema: {
        tags: ["emails"],
        summary:
          "Write an outreach email draft for the lead now (uses its latest audit if any) and fill its merge variables",
        params: idParam,
        response: { 201: outreachEmailSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const lead = await getLeadRow(ctx, actor, req.params.id);
      if (!lead.email && !lead.linkedinUrl) throw new AppError("validation", "the lead has no email address");
      return reply.status(201).send(await writebackOutreachEmail(ctx, actor, lead.id, lead.auditId));
    },
  );
  app.post(
    "/api/leads/:id/verify-email",
    {
      preHandler: auth,
      schema: {
        tags: ["enrichment"],
        summary:
          "Verify the lead's email now (MX look-up and an SMTP RCPT probe with catch-all detection), or find one from name + company domain",
        params: idParam,
        response: { 200: verifyResultSchema, ...authErrors },
      },
    },
    (req) => verifyLeadEmail(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/leads/:id/enrich",
    {
      preHandler: auth,
      schema: {
        tags: ["enrichment"],
        summary:
          "Enrich the lead now: its company from the company's website (name, description, industry, social links, signals) and its profile from a connected LinkedIn provider",
        params: idParam,
        response: { 200: enrichResultSchema, ...authErrors },
      },
    },
    (req) => enrichLead(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/leads/enrich",
    {
      preHandler: auth,
      schema: {
        tags: ["enrichment"],
        summary: "Enrich the selected leads in the background (progress on the returned job)",
        body: z.object({ leadIds: z.array(z.string().uuid()).min(1).max(100_000) }),
        response: { 202: z.object({ jobId: z.number() }), ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = await enqueue(ctx, enrichLeadsJob, actor.workspaceId, {
        leadIds: await ownLeadIds(ctx, actor, req.body.leadIds),
        actorLabel: actor.label,
        userId: actor.userId,
      });
      return reply.status(202).send({ jobId: job.id });
    },
  );
  app.post(
    "/api/leads/verify-emails",
    {
      preHandler: auth,
      schema: {
        tags: ["enrichment"],
        summary:
          "Verify (or find) the selected leads' emails in the background (progress on the returned job)",
        body: z.object({ leadIds: z.array(z.string().uuid()).min(1).max(100_000) }),
        response: { 202: z.object({ jobId: z.number() }), ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = await enqueue(ctx, verifyEmailsJob, actor.workspaceId, {
        leadIds: await ownLeadIds(ctx, actor, req.body.leadIds),
        actorLabel: actor.label,
        userId: actor.userId,
      });
      return reply.status(202).send({ jobId: job.id });
    },
  );
}
