import { timingSafeEqual } from "node:crypto";
import type { AppContext } from "../../app/context";
import { createMetrics } from "../../app/metrics/metrics";
import type { Api } from "../server";

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * GET /metrics for Prometheus, behind METRICS_TOKEN (off without one: the figures name senders and
 * show volumes an outsider should not see). Every API request's latency is recorded by route.
 */
export function metricsRoutes(app: Api, ctx: AppContext) {
  const metrics = createMetrics(ctx);
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url;
    if (route && route !== "/metrics")
      metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    const token = ctx.config.metricsToken;
    if (!token)
      return reply.status(404).send({
        error: { code: "not_found", message: "metrics are off: set METRICS_TOKEN to turn them on" },
      });
    const given = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (!same(given, token))
      return reply
        .status(401)
        .send({ error: { code: "unauthenticated", message: "a valid metrics token is needed" } });
    return reply.header("content-type", metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
