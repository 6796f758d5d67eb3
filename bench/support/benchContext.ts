import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import pino from "pino";
import { setupWorkspace } from "../../src/app/auth/setupWorkspace";
import type { AppContext } from "../../src/app/context";
import { createSecretBox } from "../../src/app/security/secretBox";
import { updateWorkspace } from "../../src/app/workspaces/workspaceSettings";
import { loadConfig } from "../../src/config";
import { openDb, pgliteOptions } from "../../src/db/client";
import { migrate } from "../../src/db/migrate";

/**
 * A migrated scratch database (a fresh database next to DATABASE_URL, else an in-memory PGlite), a
 * context on the real clock, and a workspace whose sending window is always open.
 */
export async function benchContext(name: string) {
  let admin: pg.Client | null = null;
  let handle;
  const scratch = `overture_${name}_bench`;
  if (process.env.DATABASE_URL) {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${scratch} with (force)`);
    await admin.query(`create database ${scratch}`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${scratch}`;
    handle = await openDb({ databaseUrl: u.toString() });
  } else handle = await openDb({ pglite: await PGlite.create(pgliteOptions) });
  await migrate(handle.db);
  const ctx = {
    db: handle.db,
    dbHandle: handle,
    config: loadConfig({ LOG_LEVEL: "silent" }),
    clock: { now: () => new Date() },
    log: pino({ level: "silent" }),
    secrets: createSecretBox("b".repeat(40)),
  } as AppContext;
  const r = await setupWorkspace(
    ctx,
    { workspaceName: name, email: `${name}@bench.example`, password: "violet-harbour-lantern-42" },
    { firstRunOnly: false },
  );
  const actor = {
    workspaceId: r.workspace.id,
    userId: r.user.id,
    role: "owner" as const,
    via: "cli" as const,
    label: "bench",
  };
  await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
  return {
    ctx,
    actor,
    kind: handle.kind,
    async close() {
      await handle.close();
      if (admin) {
        await admin.query(`drop database if exists ${scratch} with (force)`);
        await admin.end();
      }
    },
  };
}
