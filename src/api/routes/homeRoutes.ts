import { z } from "zod";
import type { AppContext } from "../../app/context";
import { homeSummary } from "../../app/home/homeSummary";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";

const homeSchema = z.object({
  needs: z.object({
    repliesToAnswer: z.number().describe("Conversations with an unread reply from a person"),
    messagesToApprove: z.number().describe("Personalised sequence messages waiting for approval"),
    emailsToApprove: z.number().describe("Audit outreach emails waiting in the Emails queue"),
    uncertainSends: z.number().describe("Sends whose outcome is unknown: a person decides"),
    failedJobs: z.number().describe("Background jobs that failed in the last 7 days"),
    linkedinAccount: z.object({ status: z.string(), reason: z.string().nullable() }).nullable(),
    pausedSenders: z
      .array(
        z.object({ id: z.string(), name: z.string(), reason: z.string().nullable(), pausedAt: z.date() }),
      )
      .describe("Senders that send nothing until a person resumes them (Settings → Senders)"),
  }),
  scheduled: z.object({
    dueNextDay: z.number(),
    nextSendAt: z.date().nullable(),
    sequences: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        runId: z.string(),
        runName: z.string(),
        dueNextDay: z.number(),
        nextSendAt: z.date().nullable(),
      }),
    ),
  }),
  checklist: z.object({
    complete: z.boolean(),
    items: z.array(z.object({ key: z.string(), label: z.string(), href: z.string(), done: z.boolean() })),
  }),
});

export function homeRoutes(app: Api, ctx: AppContext) {
  app.get(
    "/api/home",
    {
      preHandler: authenticate(ctx),
      schema: {
        tags: ["workspace"],
        summary: "What needs a person today, what is scheduled, and the first-run checklist",
        response: { 200: homeSchema, ...authErrors },
      },
    },
    (req) => homeSummary(ctx, actorOf(req)),
  );
}
