import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDb, pgliteOptions } from "../../src/db/client";
import { migrate } from "../../src/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgliteSnapshot: string | null;
  }
}

/**
 * Migrates once per run. PostgreSQL: a template database each test file clones (CREATE DATABASE
 * ... TEMPLATE is ~100 ms). PGlite: a dumped data directory each file loads (~1 s, against ~6 s
 * to migrate a fresh instance).
 */
export default async function setup(project: TestProject) {
  // Browser tests drive the built UI; build it if its sources changed.
  execFileSync(
    process.execPath,
    [path.resolve(import.meta.dirname, "../../scripts/build-web-if-stale.mjs")],
    { stdio: "inherit" },
  );
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `overture_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const h = await openDb({ databaseUrl: u.toString(), poolSize: 1 });
    await migrate(h.db);
    await h.close();
    project.provide("pgTemplate", u.toString());
    project.provide("pgliteSnapshot", null);
    return async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    };
  }
  const lite = await PGlite.create(pgliteOptions);
  const h = await openDb({ pglite: lite });
  await migrate(h.db);
  const dump = await lite.dumpDataDir("none");
  await lite.close();
  const file = path.join(mkdtempSync(path.join(tmpdir(), "overture-snap-")), "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgTemplate", null);
  project.provide("pgliteSnapshot", file);
}
