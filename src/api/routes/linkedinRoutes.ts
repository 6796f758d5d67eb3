import { z } from "zod";
import type { AppContext } from "../../app/context";
import { connectLinkedIn, getLinkedIn, workspaceOfLinkedInHook } from "../../app/integrations/linkedin";
import { setLinkedInLimits } from "../../app/integrations/linkedinAccount";
import { withdrawInvitation } from "../../app/integrations/linkedinSender";
import { pollLinkedInAcceptances } from "../../app/integrations/pollLinkedInAcceptances";
import { AppError } from "../../domain/appError";
import { linkedinLimitsSchema } from "../../domain/linkedin/linkedinBudget";
import { can } from "../../domain/roles";
import { linkedinEventJob } from "../../jobs/definitions/linkedinEventJob";
import { enqueue } from "../../jobs/enqueue";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, errorSchema } from "../schemas";
import type { Api } from "../server";
import { linkedinIntegrationSchema, linkedinLimitsOut, withdrawSchema } from "./integrationSchemas";

/** A LinkedIn account through Unipile: the connection, and the webhook its events arrive at. */
export function linkedinRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/integrations/linkedin",
    {
      preHandler: auth,
      schema: {
        tags: ["linkedin"],
        summary: "The LinkedIn (Unipile) connection, never the key",
        response: { 200: linkedinIntegrationSchema, ...authErrors },
      },
    },
    (req) => getLinkedIn(ctx, actorOf(req)),
  );
  app.put(
    "/api/integrations/linkedin",
    {
      preHandler: auth,
      schema: {
        tags: ["linkedin"],
        summary:
          "Connect a LinkedIn account through Unipile (API key encrypted, DSN, account id) and check it",
        body: z.object({
          apiKey: z.string().max(500).optional(),
          dsn: z.string().trim().min(3, "the Unipile DSN is required").max(300),
          accountId: z.string().trim().min(1, "the Unipile account id is required").max(200),
        }),
        response: { 200: linkedinIntegrationSchema, ...authErrors },
      },
    },
    (req) => connectLinkedIn(ctx, actorOf(req), req.body),
  );
  app.put(
    "/api/integrations/linkedin/limits",
    {
      preHandler: auth,
      schema: {
        tags: ["linkedin"],
        summary:
          "The account's budgets, shared by every sequence: invitations a day and a week, messages a day, gaps between actions, working hours and time zone, the free-account note quota",
        body: linkedinLimitsSchema,
        response: { 200: linkedinLimitsOut, ...authErrors },
      },
    },
    (req) => setLinkedInLimits(ctx, actorOf(req), req.body),
  );
  app.post(
    "/api/integrations/linkedin/poll",
    {
      preHandler: auth,
      schema: {
        tags: ["linkedin"],
        summary: "Look for accepted invitations now (otherwise done every LINKEDIN_POLL_MINUTES)",
        response: { 200: z.object({ accepted: z.number() }), ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!can(actor.role, "manage_workspace"))
        throw new AppError("forbidden", "only owners and admins manage integrations");
      return {
        accepted: await pollLinkedInAcceptances(ctx, { force: true, workspaceId: actor.workspaceId }),
      };
    },
  );
  app.post(
    "/api/leads/:id/linkedin/withdraw",
    {
      preHandler: auth,
      schema: {
        tags: ["linkedin"],
        summary:
          "Withdraw the pending LinkedIn invitation to a lead (LinkedIn then refuses a new one for about 3 weeks)",
        params: z.object({ id: z.uuid() }),
        response: { 200: withdrawSchema, ...authErrors },
      },
    },
    (req) => withdrawInvitation(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/linkedin/webhooks/:token",
    {
      schema: {
        tags: ["linkedin"],
        summary:
          "Where Unipile posts new messages and new relations for the account. The URL carries a signed token; answered at once, processed in the background",
        params: z.object({ token: z.string().max(200) }),
        body: z.record(z.string(), z.unknown()),
        response: { 202: z.object({ queued: z.boolean() }), 401: errorSchema },
      },
    },
    async (req, reply) => {
      const workspaceId = workspaceOfLinkedInHook(ctx, req.params.token);
      if (!workspaceId) throw new AppError("unauthenticated", "this webhook URL is not valid");
      await enqueue(ctx, linkedinEventJob, workspaceId, { body: req.body });
      return reply.status(202).send({ queued: true });
    },
  );
}
