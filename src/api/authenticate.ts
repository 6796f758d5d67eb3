import type { FastifyReply, FastifyRequest } from "fastify";
import { actorFromApiKey } from "../app/auth/apiKeys";
import { actorFromSession } from "../app/auth/sessions";
import type { Actor, AppContext } from "../app/context";
import { AppError } from "../domain/appError";
import { can, type Permission } from "../domain/roles";

export const SESSION_COOKIE = "ov_session";

declare module "fastify" {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export function sessionToken(req: FastifyRequest): string | undefined {
  return req.cookies?.[SESSION_COOKIE];
}

/** Bearer API key or session cookie; everything after this is scoped to `req.actor.workspaceId`. */
export function authenticate(ctx: AppContext, permission: Permission = "work") {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const header = req.headers.authorization;
    let actor: Actor | null = null;
    if (header?.startsWith("Bearer ")) actor = await actorFromApiKey(ctx, header.slice(7).trim());
    else {
      const token = sessionToken(req);
      if (token) actor = await actorFromSession(ctx, token);
    }
    if (!actor)
      throw new AppError("unauthenticated", "sign in or send a valid API key (Authorization: Bearer ...)");
    if (!can(actor.role, permission))
      throw new AppError("forbidden", `your role (${actor.role}) cannot do this`);
    req.actor = actor;
  };
}

export const actorOf = (req: FastifyRequest): Actor => {
  if (!req.actor) throw new Error("route is missing the authenticate preHandler");
  return req.actor;
};
