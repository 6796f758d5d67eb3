import { sql } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { pendingMigrations } from "../../db/migrate";
import { lastHeartbeat } from "../../db/queries/jobQueries";
import type { Api } from "../server";

const WORKER_STALE_MS = 30_000;
const healthSchema = z.object({
  ok: z.boolean(),
  database: z.object({ ok: z.boolean(), kind: z.enum(["pglite", "postgres"]) }),
  migrations: z.object({ ok: z.boolean(), pending: z.array(z.string()) }),
  worker: z.object({ ok: z.boolean(), lastSeenAt: z.string().nullable() }),
});

export function healthRoutes(app: Api, ctx: AppContext) {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Database reachable, migrations current, a worker alive",
        response: {
          200: healthSchema,
          503: healthSchema,
        },
      },
    },
    async (_req, reply) => {
      let dbOk = true;
      let pending: string[] = [];
      let seen: Date | null = null;
      try {
        await ctx.db.execute(sql`select 1`);
        pending = await pendingMigrations(ctx.db);
        seen = await lastHeartbeat(ctx.db);
      } catch {
        dbOk = false;
      }
      const workerOk = !!seen && ctx.clock.now().getTime() - seen.getTime() < WORKER_STALE_MS;
      const body = {
        ok: dbOk && pending.length === 0 && workerOk,
        database: { ok: dbOk, kind: ctx.dbHandle.kind },
        migrations: { ok: dbOk && pending.length === 0, pending },
        worker: { ok: workerOk, lastSeenAt: seen ? seen.toISOString() : null },
      };
      return reply.status(body.ok ? 200 : 503).send(body);
    },
  );
}
