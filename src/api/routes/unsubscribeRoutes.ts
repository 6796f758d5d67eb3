import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { readUnsubscribeToken, unsubscribe } from "../../app/outreach/unsubscribe";
import type { Api } from "../server";

const page = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type("text/html; charset=utf-8")
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Unsubscribe</title>
<style>body{font-family:system-ui,sans-serif;max-width:520px;margin:80px auto;padding:0 20px;color:#1c2430}button{font:inherit;padding:10px 18px;border-radius:8px;border:0;background:#3b5bdb;color:#fff;cursor:pointer}</style></head><body>${body}</body></html>`);

/** Public, unauthenticated: the link in every email. GET asks; POST (a person or an RFC 8058 one-click client) does it. */
export function unsubscribeRoutes(app: Api, ctx: AppContext) {
  const params = z.object({ token: z.string().max(500) });
  app.get("/unsubscribe/:token", { schema: { hide: true, params } }, async (req, reply) => {
    try {
      readUnsubscribeToken(ctx, req.params.token);
    } catch {
      return page(reply, 400, "<h1>This link is not valid</h1><p>It may have been cut or changed.</p>");
    }
    return page(
      reply,
      200,
      `<h1>Unsubscribe</h1><p>Stop receiving these emails?</p><form method="post"><button type="submit">Unsubscribe me</button></form>`,
    );
  });
  app.post("/unsubscribe/:token", { schema: { hide: true, params } }, async (req, reply) => {
    try {
      await unsubscribe(
        ctx,
        req.params.token,
        typeof req.body === "object" && req.body && "List-Unsubscribe" in req.body ? "one-click" : "link",
      );
    } catch {
      return page(reply, 400, "<h1>This link is not valid</h1>");
    }
    return page(
      reply,
      200,
      "<h1>You are unsubscribed</h1><p>You will not receive further emails from us.</p>",
    );
  });
}
