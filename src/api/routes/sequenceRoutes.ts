import { z } from "zod";
import type { AppContext } from "../../app/context";
import { leadOutreach, sequenceDashboard } from "../../app/outreach/dashboard";
import { launchSequence, setEnrollmentPaused, setSequencePaused } from "../../app/outreach/enrollments";
import {
  createSequence,
  getSequence,
  listSequences,
  setSequenceSteps,
  updateSequence,
} from "../../app/outreach/sequences";
import { idempotencyKeyOf, withIdempotencyKey } from "../../app/idempotency/withIdempotencyKey";
import { branchQuestions } from "../../domain/sequence/branchDecision";
import { sequenceCalendarSchema } from "../../domain/sendingWindowSettings";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam, okSchema } from "../schemas";
import type { Api } from "../server";
import {
  launchResultSchema,
  leadOutreachSchema,
  sequenceDashboardSchema,
  sequenceDetailSchema,
  sequenceSchema,
} from "./outreachSchemas";

const stepVariantInput = z.object({
  label: z.string().regex(/^[A-E]$/, "a variant's label is one letter, A to E"),
  subject: z.string().max(300).optional(),
  body: z.string().max(20000).optional(),
  weight: z.number().int().min(1).max(100).describe("Share of the leads, relative to the other variants"),
});

const stepInput = z.object({
  channel: z.enum(["email", "linkedin_invite", "linkedin_message"]),
  delayDays: z.number().int().min(0).max(365),
  condition: z.enum(["always", "no_reply"]),
  subject: z.string().max(300).optional(),
  body: z.string().max(20000).optional(),
  variants: z
    .array(stepVariantInput)
    .max(5)
    .optional()
    .describe(
      "A/B versions of the step, labelled A, B, … in order; a version's empty subject or body keeps the step's own",
    ),
  autoWinner: z
    .boolean()
    .optional()
    .describe("Once the reply-rate test names a winner, send it to every lead that has not had the step yet"),
  path: z
    .enum(["yes", "no"])
    .nullable()
    .optional()
    .describe("The branch path this step is on (after the branch question); null or absent: a shared step"),
});

const branchInput = z
  .object({
    on: z.enum(branchQuestions),
    withinDays: z.number().int().min(1).max(30),
  })
  .nullable()
  .optional()
  .describe(
    "After the shared steps, the question that picks each lead's path: yes when it happened within withinDays of the last shared step, no after that; null: the steps are linear",
  );

const senderChoice = {
  senderAccountId: z.string().uuid().optional().describe("One sender: the same as senderAccountIds: [id]"),
  senderAccountIds: z
    .array(z.string().uuid())
    .max(20)
    .optional()
    .describe(
      "The senders the sequence rotates through, in order (the first is senderAccountId); each lead entering gets one, in proportion to their daily caps, and keeps it for the whole thread",
    ),
};

export function sequenceRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/sequences",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Sequences, optionally of one run",
        querystring: z.object({
          runId: z.string().uuid().optional(),
          archived: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.array(sequenceSchema), ...authErrors },
      },
    },
    (req) => listSequences(ctx, actorOf(req), req.query.runId, req.query.archived === "true"),
  );
  app.post(
    "/api/sequences",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary:
          "Create a sequence in a run from lists and a strategy profile; steps default to the run's play",
        body: z.object({
          runId: z.string().uuid(),
          name: z.string().trim().min(1).max(120),
          listIds: z.array(z.string().uuid()).max(50),
          strategyProfileId: z.string().uuid().optional(),
          ...senderChoice,
          steps: z.array(stepInput).min(1).max(20).optional(),
          branch: branchInput,
          trackOpens: z.boolean().optional().describe("Add an open-tracking pixel (off by default)"),
          trackClicks: z
            .boolean()
            .optional()
            .describe("Route links through signed click-tracking redirects (off by default)"),
        }),
        response: { 201: sequenceDetailSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      const seq = await withIdempotencyKey(ctx, a.workspaceId, "create-sequence", idempotencyKeyOf(req), () =>
        createSequence(ctx, a, req.body),
      );
      return reply.status(201).send(seq);
    },
  );
  app.get(
    "/api/sequences/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "A sequence with its steps and lists",
        params: idParam,
        response: { 200: sequenceDetailSchema, ...authErrors },
      },
    },
    (req) => getSequence(ctx, actorOf(req), req.params.id),
  );
  app.patch(
    "/api/sequences/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary:
          "Rename, choose the sender accounts or strategy profile, turn open/click tracking on or off, choose the message source, set the sending calendar",
        params: idParam,
        body: sequenceCalendarSchema.extend({
          name: z.string().trim().min(1).max(120).optional(),
          ...senderChoice,
          strategyProfileId: z.string().uuid().optional(),
          trackOpens: z.boolean().optional(),
          trackClicks: z.boolean().optional(),
          messageSource: z
            .enum(["template", "personalised"])
            .optional()
            .describe(
              "template: the steps' templates for every lead; personalised: each lead's own approved message from the Messaging Lab (before launch only)",
            ),
        }),
        response: { 200: sequenceDetailSchema, ...authErrors },
      },
    },
    (req) => updateSequence(ctx, actorOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/sequences/:id/steps",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Replace the steps and the branch (while the sequence is a draft)",
        params: idParam,
        body: z.object({
          steps: z.array(stepInput).min(1).max(20),
          branch: branchInput.describe("Absent: the sequence keeps its branch, which the steps must fit"),
        }),
        response: { 200: sequenceDetailSchema, ...authErrors },
      },
    },
    (req) => setSequenceSteps(ctx, actorOf(req), req.params.id, req.body.steps, req.body.branch),
  );
  app.post(
    "/api/sequences/:id/launch",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary:
          "Enroll the lists' leads (deduped, blocklist checked) and start sending in each lead's window",
        description:
          "Refused (409 not_ready) while a lead has a blocking readiness finding; the refusal's details list the leads (`skippable`) and how many would launch (`launchable`). With `skipBlocked: true` those leads are set aside (enrolled as blocked, with the reason) and the rest launch. A finding on the sequence itself always refuses.",
        params: idParam,
        body: z.object({ skipBlocked: z.boolean().optional() }).nullish(),
        response: { 200: launchResultSchema, ...authErrors },
      },
    },
    (req) => launchSequence(ctx, actorOf(req), req.params.id, { skipBlocked: req.body?.skipBlocked }),
  );
  app.post(
    "/api/sequences/:id/pause",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Pause the whole sequence",
        params: idParam,
        response: { 200: sequenceDetailSchema, ...authErrors },
      },
    },
    (req) => setSequencePaused(ctx, actorOf(req), req.params.id, true),
  );
  app.post(
    "/api/sequences/:id/resume",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Resume the whole sequence",
        params: idParam,
        response: { 200: sequenceDetailSchema, ...authErrors },
      },
    },
    (req) => setSequencePaused(ctx, actorOf(req), req.params.id, false),
  );
  app.get(
    "/api/sequences/:id/dashboard",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Leads per step and state, next sends in both zones, leads needing attention",
        params: idParam,
        response: { 200: sequenceDashboardSchema, ...authErrors },
      },
    },
    (req) => sequenceDashboard(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/enrollments/:id/pause",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Pause one lead in a sequence",
        params: idParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    (req) => setEnrollmentPaused(ctx, actorOf(req), req.params.id, true),
  );
  app.post(
    "/api/enrollments/:id/resume",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary: "Resume one lead",
        params: idParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    (req) => setEnrollmentPaused(ctx, actorOf(req), req.params.id, false),
  );
  app.get(
    "/api/leads/:id/outreach",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "A lead's outreach history: messages, replies, enrollments",
        params: idParam,
        response: { 200: leadOutreachSchema, ...authErrors },
      },
    },
    (req) => leadOutreach(ctx, actorOf(req), req.params.id),
  );
}
