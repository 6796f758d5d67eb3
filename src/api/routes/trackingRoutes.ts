import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { actorFromSession } from "../../app/auth/sessions";
import { recordClick, recordOpen } from "../../app/outreach/tracking";
import { sessionToken } from "../authenticate";
import type { Api } from "../server";

const signedIn = async (ctx: AppContext, req: FastifyRequest) => {
  const token = sessionToken(req);
  return !!token && !!(await actorFromSession(ctx, token).catch(() => null));
};

// The smallest transparent GIF.
const pixel = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * Public, unauthenticated: the open pixel and click redirects of tracked emails. Both answer the same
 * way for a forged token as for a real one where they can (the pixel), so they reveal nothing.
 */
export function trackingRoutes(app: Api, ctx: AppContext) {
  app.get(
    "/t/o/:token",
    { schema: { hide: true, params: z.object({ token: z.string().max(200) }) } },
    async (req, reply) => {
      // Someone signed in to Overture in this browser is one of us looking at the email, not the prospect.
      if (!(await signedIn(ctx, req)))
        await recordOpen(ctx, req.params.token).catch((e) => req.log.warn({ err: e }, "open not recorded"));
      return reply
        .header("cache-control", "no-store, no-cache, must-revalidate, private")
        .type("image/gif")
        .send(pixel);
    },
  );
  app.get(
    "/t/c/:token",
    {
      schema: {
        hide: true,
        params: z.object({ token: z.string().max(200) }),
        querystring: z.object({ u: z.string().max(4000) }),
      },
    },
    async (req, reply) => {
      const target = await recordClick(ctx, req.params.token, req.query.u);
      if (!target) return reply.status(400).type("text/plain").send("This link is not valid.");
      return reply.header("cache-control", "no-store").redirect(target, 302);
    },
  );
}
