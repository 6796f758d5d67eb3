import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { createSession, describeActor, login, logout, switchWorkspace } from "../../app/auth/sessions";
import { DEVICE_COOKIE } from "../../app/auth/knownDevices";
import { needsSetup, setupWorkspace } from "../../app/auth/setupWorkspace";
import type { AppContext } from "../../app/context";
import { actorOf, authenticate, SESSION_COOKIE, sessionToken } from "../authenticate";
import { errorSchema, okSchema } from "../schemas";
import type { Api } from "../server";

const credentials = z.object({
  email: z.string().email("must be an email address"),
  password: z.string().min(1, "required"),
});
const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  workspaceId: z.string(),
  role: z.enum(["owner", "admin", "member"]),
  via: z.string(),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

export function authRoutes(app: Api, ctx: AppContext) {
  // req.protocol is "https" for a TLS connection, or behind a trusted proxy that says so.
  const secure = (req: FastifyRequest) => ctx.config.secureCookies || req.protocol === "https";
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: secure(req),
      expires,
    });

  app.get(
    "/api/setup",
    {
      schema: {
        tags: ["auth"],
        summary: "Whether first-run setup is still needed",
        response: { 200: z.object({ needsSetup: z.boolean() }) },
      },
    },
    async () => ({ needsSetup: await needsSetup(ctx) }),
  );

  app.post(
    "/api/setup",
    {
      config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "First-run setup: create the workspace and its owner, and sign in",
        body: z.object({
          workspaceName: z.string().trim().min(1, "required").max(120),
          name: z.string().max(120).optional(),
          email: z.string().email("must be an email address"),
          password: z.string().min(12, "must be at least 12 characters").max(1000),
          timezone: z.string().optional(),
        }),
        response: {
          201: z.object({ workspaceId: z.string(), userId: z.string() }),
          400: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const r = await setupWorkspace(ctx, req.body, { firstRunOnly: true });
      const s = await createSession(ctx, r.user.id, r.workspace.id);
      setCookie(req, reply, s.token, s.expiresAt);
      return reply.status(201).send({ workspaceId: r.workspace.id, userId: r.user.id });
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password (sets a session cookie)",
        body: credentials,
        response: { 200: okSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const s = await login(ctx, req.body.email, req.body.password, {
        deviceToken: req.cookies?.[DEVICE_COOKIE],
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      setCookie(req, reply, s.token, s.expiresAt);
      if (s.deviceToken)
        reply.setCookie(DEVICE_COOKIE, s.deviceToken, {
          path: "/api/auth",
          httpOnly: true,
          sameSite: "lax",
          secure: secure(req),
          maxAge: 400 * 86_400,
        });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: { 200: okSchema } } },
    async (req, reply) => {
      const token = sessionToken(req);
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me",
    {
      preHandler: authenticate(ctx),
      schema: {
        tags: ["auth"],
        summary: "Who is signed in, in which workspace",
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (req) => describeActor(ctx, actorOf(req)),
  );

  app.post(
    "/api/auth/switch-workspace",
    {
      preHandler: authenticate(ctx),
      schema: {
        tags: ["auth"],
        summary: "Move this session to another of your workspaces",
        body: z.object({ workspaceId: z.string().uuid() }),
        response: { 200: okSchema, 404: errorSchema },
      },
    },
    async (req) => {
      await switchWorkspace(ctx, sessionToken(req) ?? "", actorOf(req), req.body.workspaceId);
      return { ok: true as const };
    },
  );
}
