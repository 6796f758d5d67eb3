import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { projectRoot } from "../paths";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyBaseLogger } from "fastify";
import Fastify, { type FastifyInstance, type RawServerDefault } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "../app/context";
import { requestExamples } from "./requestExamples";
import { csrfGuard } from "./csrfGuard";
import { errorHandler } from "./errors";
import { registerInputGuard } from "./inputGuard";
import { errorSchema } from "./schemas";
import { QuietRequestLog } from "./requestLog";
import { apiRoutes } from "./routes";

export type Api = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const webDist = path.join(projectRoot, "web/dist");

export async function buildServer(ctx: AppContext, opts: { serveWeb?: boolean } = {}): Promise<Api> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: 5 * 1024 * 1024,
    // Only the configured proxies' X-Forwarded-* headers are believed (TRUSTED_PROXIES): anyone
    // else could otherwise pick their own client address and slip past the sign-in limits.
    trustProxy: ctx.config.trustedProxies.length ? ctx.config.trustedProxies : false,
    logController: new QuietRequestLog(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  registerInputGuard(app as unknown as FastifyInstance);

  await app.register(fastifyCookie);
  // After the cookie plugin's own hook, so the session cookie is parsed.
  app.addHook("onRequest", csrfGuard(ctx));
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 1024 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Overture API",
        version: "0.1.0",
        description:
          "Everything the Overture UI does, over HTTP. Authenticate with `Authorization: Bearer <API key>` (Settings → API keys) or a session cookie.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "ov_session" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  // Each write route's request body carries a realistic example in the OpenAPI document.
  app.addHook("onRoute", (route) => {
    // Every operation has a stable operationId (clients generated from the document name
    // their functions after it): the method and path, e.g. GET /api/leads/:id → getLeadsById.
    if (route.schema && !(route.schema as { operationId?: string }).operationId)
      (route.schema as { operationId?: string }).operationId = operationIdOf(
        Array.isArray(route.method) ? route.method[0]! : route.method,
        route.url,
      );
    // Any operation can answer 400 (the input guard sees every parameter): say so where a route
    // declares no client error of its own.
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (schema && !schema.hide && route.url.startsWith("/api/")) {
      schema.response ??= {};
      if (!Object.keys(schema.response).some((code) => code.startsWith("4")))
        schema.response[400] = errorSchema;
    }
    const example = requestExamples[`${route.method} ${route.url}`];
    const body = route.schema?.body as { meta?: (m: object) => unknown } | undefined;
    if (example !== undefined && typeof body?.meta === "function")
      route.schema!.body = body.meta({ examples: [example] });
  });
  await app.register(async (api) => apiRoutes(api as Api, ctx));

  if (opts.serveWeb !== false && existsSync(path.join(webDist, "index.html"))) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // web/dist holds .br/.gz twins of every text asset (web/vite.config.ts): sent as-is.
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, file) {
        // Vite names assets by content hash: they never change, so browsers keep them. The page
        // itself is checked every time, so a new version is picked up on the next load.
        res.setHeader(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
    // The SPA owns every non-API path; unknown /api paths stay JSON 404s.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith("/api/") || req.method !== "GET")
        return reply
          .status(404)
          .send({ error: { code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` } });
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply
        .status(404)
        .send({ error: { code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` } }),
    );
  }
  return app as unknown as Api;
}

/** "GET", "/api/sender-accounts/:id/test" → "getSenderAccountsByIdTest". */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, "/")
    .split("/")
    .filter(Boolean)
    .flatMap((seg) => (seg.startsWith(":") ? ["by", seg.slice(1)] : seg.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}
