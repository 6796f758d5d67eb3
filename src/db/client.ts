import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { listMigrations } from "./migrate";
import { copyTemplate, isEmptyDir, templateDirFor } from "./pgliteTemplate";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both drivers: every query is written once against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Raw access for the few things Drizzle does not do (COPY on PostgreSQL). */
  pool?: pg.Pool;
  pglite?: PGlite;
  /** True when a new embedded data directory was made from the build's migrated template. */
  fromTemplate?: boolean;
  close(): Promise<void>;
};

export type OpenDbOptions = {
  databaseUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
  /** PostgreSQL's shared_buffers for the embedded database (its own default, 128MB, is most of the RSS at rest). */
  pgliteSharedBuffers?: string;
};

/** Extensions our migrations use; PGlite loads them at start (PostgreSQL ships them in contrib). */
export const pgliteOptions: PGliteOptions = { extensions: { pg_trgm, unaccent } };

// Timestamps come back as JS Dates, bigint counts as numbers (our counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the
    // pool discards it and the next query opens a fresh one.
    pool.on("error", () => {});
    await pool.query("select 1");
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", pool, close: () => pool.end() };
  }
  let client = opts.pglite;
  let fromTemplate = false;
  if (!client) {
    const dir = path.resolve(opts.dataDir ?? "./data", "pglite");
    // A new data directory starts as a copy of the build's migrated template when there is one.
    let template = isEmptyDir(dir) ? templateDirFor(listMigrations().map((m) => m.id)) : null;
    // A build replacing the template meanwhile: start empty and migrate, as without one.
    if (template && !copyTemplate(template, dir)) template = null;
    mkdirSync(dir, { recursive: true });
    const o: PGliteOptions = opts.pgliteSharedBuffers
      ? {
          ...pgliteOptions,
          startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${opts.pgliteSharedBuffers}`],
        }
      : pgliteOptions;
    client = await PGlite.create(dir, o);
    fromTemplate = !!template;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const owned = !opts.pglite;
  const c = client;
  return {
    db,
    kind: "pglite",
    pglite: c,
    fromTemplate,
    close: async () => {
      if (owned && !c.closed) await c.close();
    },
  };
}

/** Rows of a raw SQL query, the same on both drivers (both answer `{ rows }`). */
export async function queryRows<T>(db: Pick<Db, "execute">, query: import("drizzle-orm").SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * One bound parameter holding a Postgres array literal, for `= any(${sqlArray(xs)}::uuid[])`.
 * (Drizzle spreads a JS array into a row of parameters, which `any()` does not accept.)
 */
export function sqlArray(values: readonly (string | number | boolean | null)[]) {
  const item = (v: string | number | boolean | null) =>
    v === null ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `{${values.map(item).join(",")}}`;
}
