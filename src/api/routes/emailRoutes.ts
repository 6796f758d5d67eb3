import { z } from "zod";
import type { AppContext } from "../../app/context";
import { listSequenceEmails } from "../../app/lab/messageDrafts";
import {
  approveAndSend,
  getOutreachEmail,
  listOutreachEmails,
  updateOutreachEmail,
} from "../../app/emails/outreachEmails";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { outreachEmailRowSchema, outreachEmailSchema, sequenceMessageRowSchema } from "./messageSchemas";

/** The Emails queue: drafts written for leads, reviewed and approved one by one by a person. */
export function emailRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/emails",
    {
      preHandler: auth,
      schema: {
        tags: ["emails"],
        summary: "Outreach emails, newest first (filter by status: draft, sent, failed, uncertain)",
        querystring: z.object({
          status: z.enum(["draft", "approved", "sending", "sent", "failed", "uncertain"]).optional(),
        }),
        response: { 200: z.array(outreachEmailRowSchema), ...authErrors },
      },
    },
    (req) => listOutreachEmails(ctx, actorOf(req), req.query.status),
  );
  app.get(
    "/api/emails/sequence-messages",
    {
      preHandler: auth,
      schema: {
        tags: ["emails"],
        summary:
          "Email messages of personalised sequences (written in the Messaging Lab), newest first; approve them with POST /api/messages/drafts/approve and the sequence sends them on schedule",
        querystring: z.object({ status: z.enum(["draft", "approved"]).optional() }),
        response: { 200: z.array(sequenceMessageRowSchema), ...authErrors },
      },
    },
    (req) => listSequenceEmails(ctx, actorOf(req), req.query.status),
  );
  app.get(
    "/api/emails/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["emails"],
        summary: "One outreach email",
        params: idParam,
        response: { 200: outreachEmailSchema, ...authErrors },
      },
    },
    (req) => getOutreachEmail(ctx, actorOf(req), req.params.id),
  );
  app.patch(
    "/api/emails/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["emails"],
        summary: "Edit a draft's subject or body",
        params: idParam,
        body: z.object({
          subject: z.string().trim().min(1).max(300).optional(),
          body: z.string().min(1).max(20_000).optional(),
        }),
        response: { 200: outreachEmailSchema, ...authErrors },
      },
    },
    (req) => updateOutreachEmail(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/emails/:id/send",
    {
      preHandler: auth,
      schema: {
        tags: ["emails"],
        summary:
          "Approve & send: sends this exact text once, through the given sender account (default: the first)",
        params: idParam,
        body: z.object({ senderAccountId: z.string().uuid().optional() }).optional(),
        response: { 200: outreachEmailSchema, ...authErrors },
      },
    },
    (req) => approveAndSend(ctx, actorOf(req), req.params.id, req.body?.senderAccountId),
  );
}
