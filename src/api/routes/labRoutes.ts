import { z } from "zod";
import type { AppContext } from "../../app/context";
import { approveDrafts, getDraft, regenerateDraft, updateDraft } from "../../app/lab/messageDrafts";
import { getMessagingLab } from "../../app/lab/messagingLab";
import { excludeLead, includeLead, listExclusions } from "../../app/lab/sequenceExclusions";
import { getSequence } from "../../app/outreach/sequences";
import { generateDraftsJob } from "../../jobs/definitions/generateDraftsJob";
import { enqueue } from "../../jobs/enqueue";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam, okSchema } from "../schemas";
import type { Api } from "../server";
import { draftSchema, labSchema } from "./messageSchemas";

/** The Messaging Lab: previews per lead and step, review, edit, approve, regenerate, readiness. */
export function labRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/sequences/:id/lab",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary:
          "Readiness counts and findings of a sequence, and one page of its leads with their messages and findings",
        params: idParam,
        querystring: z.object({
          offset: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          filter: z.enum(["all", "blocking", "warnings", "unapproved"]).optional(),
        }),
        response: { 200: labSchema, ...authErrors },
      },
    },
    (req) => getMessagingLab(ctx, actorOf(req), req.params.id, req.query),
  );
  app.post(
    "/api/sequences/:id/messages/generate",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary:
          "Write previews in the background (LLM when configured, else the built-in writer). mode=missing writes only what is missing; mode=unapproved also rewrites messages nobody approved or edited",
        params: idParam,
        body: z.object({
          leadIds: z.array(z.string().uuid()).max(100_000).optional(),
          mode: z.enum(["missing", "unapproved"]).default("missing"),
        }),
        response: { 202: z.object({ jobId: z.number() }), ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await getSequence(ctx, actor, req.params.id);
      const job = await enqueue(ctx, generateDraftsJob, actor.workspaceId, {
        sequenceId: req.params.id,
        leadIds: req.body.leadIds,
        mode: req.body.mode,
        actorLabel: actor.label,
        userId: actor.userId,
      });
      return reply.status(202).send({ jobId: job.id });
    },
  );
  app.get(
    "/api/messages/drafts/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary: "One lead's message for one step",
        params: idParam,
        response: { 200: draftSchema, ...authErrors },
      },
    },
    (req) => getDraft(ctx, actorOf(req), req.params.id),
  );
  app.patch(
    "/api/messages/drafts/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary: "Edit a message (it then needs approval again)",
        params: idParam,
        body: z.object({ subject: z.string().max(300).optional(), body: z.string().max(20000).optional() }),
        response: { 200: draftSchema, ...authErrors },
      },
    },
    (req) => updateDraft(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/messages/drafts/:id/regenerate",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary: "Write this message again (it then needs approval again)",
        params: idParam,
        response: { 200: draftSchema, ...authErrors },
      },
    },
    (req) => regenerateDraft(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/messages/drafts/approve",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary:
          "Approve messages; one whose text would not go out as written (unfilled variable, note too long, empty) is refused with the reason",
        body: z.object({ ids: z.array(z.string().uuid()).min(1).max(10_000) }),
        response: {
          200: z.object({
            approved: z.array(z.string()),
            refused: z.array(z.object({ id: z.string(), reason: z.string() })),
          }),
          ...authErrors,
        },
      },
    },
    (req) => approveDrafts(ctx, actorOf(req), req.body.ids),
  );
  app.get(
    "/api/sequences/:id/exclusions",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary: "Leads removed from this sequence by hand",
        params: idParam,
        response: {
          200: z.array(
            z.object({
              leadId: z.string(),
              firstName: z.string().nullable(),
              lastName: z.string().nullable(),
              email: z.string().nullable(),
              excludedBy: z.string(),
              createdAt: z.date(),
            }),
          ),
          ...authErrors,
        },
      },
    },
    (req) => listExclusions(ctx, actorOf(req), req.params.id),
  );
  app.put(
    "/api/sequences/:id/exclusions/:leadId",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary:
          "Remove a lead from this sequence (its lists are untouched); an enrolled lead's remaining steps stop",
        params: exclusionParams,
        response: { 200: okSchema, ...authErrors },
      },
    },
    (req) => excludeLead(ctx, actorOf(req), req.params.id, req.params.leadId),
  );
  app.delete(
    "/api/sequences/:id/exclusions/:leadId",
    {
      preHandler: auth,
      schema: {
        tags: ["messaging lab"],
        summary: "Put a removed lead back into this sequence",
        params: exclusionParams,
        response: { 200: okSchema, ...authErrors },
      },
    },
    (req) => includeLead(ctx, actorOf(req), req.params.id, req.params.leadId),
  );
}

const exclusionParams = z.object({
  id: z.string().uuid("must be a UUID"),
  leadId: z.string().uuid("must be a UUID"),
});
