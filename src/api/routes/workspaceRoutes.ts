import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "../../app/auth/apiKeys";
import type { AppContext } from "../../app/context";
import { addMember, changeMemberRole, listMembers, removeMember } from "../../app/workspaces/members";
import { getWorkspace, updateWorkspace } from "../../app/workspaces/workspaceSettings";
import { roles } from "../../domain/roles";
import { workspaceSettingsSchema } from "../../domain/sendingWindowSettings";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam, okSchema } from "../schemas";
import type { Api } from "../server";

const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  skipWeekends: z.boolean(),
  stopCompanyOnReply: z.boolean(),
  createdAt: z.date(),
});
const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  since: z.date(),
});
const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
const userParam = z.object({ userId: z.string().uuid("must be a UUID") });

export function workspaceRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/workspace",
    {
      preHandler: auth,
      schema: {
        tags: ["workspace"],
        summary: "This workspace's settings",
        response: { 200: workspaceSchema, ...authErrors },
      },
    },
    (req) => getWorkspace(ctx, actorOf(req)),
  );
  app.patch(
    "/api/workspace",
    {
      preHandler: auth,
      schema: {
        tags: ["workspace"],
        summary: "Change name, timezone, sending window",
        body: workspaceSettingsSchema,
        response: { 200: workspaceSchema, ...authErrors },
      },
    },
    (req) => updateWorkspace(ctx, actorOf(req), req.body),
  );

  app.get(
    "/api/members",
    {
      preHandler: auth,
      schema: {
        tags: ["members"],
        summary: "Members and roles",
        response: { 200: z.array(memberSchema), ...authErrors },
      },
    },
    (req) => listMembers(ctx, actorOf(req)),
  );
  app.post(
    "/api/members",
    {
      preHandler: auth,
      schema: {
        tags: ["members"],
        summary: "Add a member (new accounts get the initial password given)",
        body: z.object({
          email: z.string().email("must be an email address"),
          name: z.string().max(120).optional(),
          role: z.enum(roles),
          password: z.string().optional(),
        }),
        response: {
          201: z.object({ userId: z.string(), email: z.string(), role: z.enum(roles) }),
          ...authErrors,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await addMember(ctx, actorOf(req), req.body)),
  );
  app.patch(
    "/api/members/:userId",
    {
      preHandler: auth,
      schema: {
        tags: ["members"],
        summary: "Change a member's role",
        params: userParam,
        body: z.object({ role: z.enum(roles) }),
        response: { 200: z.object({ userId: z.string(), role: z.enum(roles) }), ...authErrors },
      },
    },
    (req) => changeMemberRole(ctx, actorOf(req), req.params.userId, req.body.role),
  );
  app.delete(
    "/api/members/:userId",
    {
      preHandler: auth,
      schema: {
        tags: ["members"],
        summary: "Remove a member from this workspace",
        params: userParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => {
      await removeMember(ctx, actorOf(req), req.params.userId);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/api-keys",
    {
      preHandler: auth,
      schema: {
        tags: ["api keys"],
        summary: "API keys of this workspace",
        response: { 200: z.array(apiKeySchema), ...authErrors },
      },
    },
    (req) => listApiKeys(ctx, actorOf(req)),
  );
  app.post(
    "/api/api-keys",
    {
      preHandler: auth,
      schema: {
        tags: ["api keys"],
        summary: "Create an API key (the key is shown once)",
        body: z.object({ name: z.string().trim().min(1, "required").max(80) }),
        response: {
          201: z.object({
            id: z.string(),
            name: z.string(),
            prefix: z.string(),
            createdAt: z.date(),
            key: z.string(),
          }),
          ...authErrors,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(ctx, actorOf(req), req.body.name)),
  );
  app.delete(
    "/api/api-keys/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["api keys"],
        summary: "Revoke an API key",
        params: idParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => {
      await revokeApiKey(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
