import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../app/context";
import { SESSION_COOKIE } from "./authenticate";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.status(status).send({ error: { code, message } });

/**
 * Cross-site request forgery: a browser attaches the session cookie to a form posted from any
 * site, and SameSite=Lax does not stop a sibling port or subdomain ("same-site"). So a
 * cookie-authenticated write must come from our own origin (Origin, or Sec-Fetch-Site where
 * Origin is absent) and carry JSON (which a form cannot send without a CORS preflight), or
 * multipart on the upload routes. A Bearer API key is never sent by a browser on its own, so
 * requests with one pass; so do those without a session cookie (they are refused as
 * unauthenticated where that matters).
 */
export function csrfGuard(ctx: AppContext) {
  const publicOrigin = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).origin : null;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!STATE_CHANGING.has(req.method) || !req.url.startsWith("/api/")) return;
    if (req.headers.authorization?.startsWith("Bearer ")) return;
    if (!req.cookies?.[SESSION_COOKIE]) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        // "null" (sandboxed frames, privacy redirects) and garbage are not our origin.
      }
      if (host !== req.host && origin !== publicOrigin)
        return refuse(reply, 403, "cross_origin", `requests from ${origin} may not change anything here`);
    } else {
      const site = req.headers["sec-fetch-site"];
      if (site !== undefined && site !== "same-origin" && site !== "none")
        return refuse(reply, 403, "cross_origin", `a ${site} request may not change anything here`);
    }
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]!
      .trim()
      .toLowerCase();
    if (!type || type === "application/json") return;
    const consumes = (req.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
    if (type === "multipart/form-data" && consumes.includes(type)) return;
    return refuse(
      reply,
      415,
      "unsupported_media_type",
      `content-type ${type} is not accepted here; send application/json`,
    );
  };
}
