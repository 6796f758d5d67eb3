import { z } from "zod";
import type { AppContext } from "../../app/context";
import { classifyReply, getThread, listThreads, replyInThread, unreadCount } from "../../app/inbox/inbox";
import { replyClassifications } from "../../domain/inbox/suggestClassification";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { conversationSchema, conversationSummarySchema, outboundReplySchema } from "./messageSchemas";
import { inboundMessageSchema } from "./outreachSchemas";

const channel = z.enum(["email", "linkedin"]);

/** The unified inbox: every conversation with a prospect, across email and LinkedIn. */
export function inboxRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/inbox",
    {
      preHandler: auth,
      schema: {
        tags: ["inbox"],
        summary: "Conversations with an answer from the prospect, newest answer first",
        querystring: z.object({
          runId: z.string().uuid().optional(),
          sequenceId: z.string().uuid().optional(),
          senderAccountId: z.string().uuid().optional(),
          classification: z.enum(replyClassifications).optional(),
          unread: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.array(conversationSummarySchema), ...authErrors },
      },
    },
    (req) => listThreads(ctx, actorOf(req), { ...req.query, unread: req.query.unread === "true" }),
  );
  app.get(
    "/api/inbox/unread",
    {
      preHandler: auth,
      schema: {
        tags: ["inbox"],
        summary: "How many conversations have unread answers",
        response: { 200: z.object({ unread: z.number() }), ...authErrors },
      },
    },
    async (req) => ({ unread: await unreadCount(ctx, actorOf(req)) }),
  );
  app.get(
    "/api/inbox/leads/:id/:channel",
    {
      preHandler: auth,
      schema: {
        tags: ["inbox"],
        summary: "One conversation, oldest first (opening it marks it read)",
        params: idParam.extend({ channel }),
        response: { 200: conversationSchema, ...authErrors },
      },
    },
    (req) => getThread(ctx, actorOf(req), req.params.id, req.params.channel),
  );
  app.post(
    "/api/inbox/leads/:id/:channel/reply",
    {
      preHandler: auth,
      schema: {
        tags: ["inbox"],
        summary:
          "Answer in the conversation's channel and thread (email: the same sender account, In-Reply-To and References)",
        params: idParam.extend({ channel }),
        body: z.object({
          text: z.string().trim().min(1, "write something").max(20000),
          senderAccountId: z.string().uuid().optional(),
        }),
        response: { 200: outboundReplySchema, ...authErrors },
      },
    },
    (req) => replyInThread(ctx, actorOf(req), req.params.id, req.params.channel, req.body),
  );
  app.post(
    "/api/inbox/messages/:id/classify",
    {
      preHandler: auth,
      schema: {
        tags: ["inbox"],
        summary:
          "Classify a prospect's message; interested or meeting_booked with markConverted moves the lead to converted; unsubscribe_request unsubscribes the lead",
        params: idParam,
        body: z.object({
          classification: z.enum(replyClassifications),
          markConverted: z.boolean().optional(),
        }),
        response: { 200: inboundMessageSchema, ...authErrors },
      },
    },
    (req) =>
      classifyReply(ctx, actorOf(req), req.params.id, req.body.classification, {
        markConverted: req.body.markConverted,
      }),
  );
}
