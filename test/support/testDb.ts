import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type DbHandle, openDb, pgliteOptions } from "../../src/db/client";

export type TestDb = DbHandle & { url: string | null; dropDatabase(): Promise<void> };

/** A fresh, migrated database for one test file: a clone of the template (PostgreSQL) or of the snapshot (PGlite). */
export async function createTestDb(opts: { poolSize?: number } = {}): Promise<TestDb> {
  const template = inject("pgTemplate");
  if (template) {
    const tpl = new URL(template);
    const name = `overture_t_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${tpl.pathname.slice(1)}`);
    await admin.end();
    const u = new URL(template);
    u.pathname = `/${name}`;
    const h = await openDb({ databaseUrl: u.toString(), poolSize: opts.poolSize ?? 10 });
    const dropDatabase = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
    return {
      ...h,
      url: u.toString(),
      dropDatabase,
      close: async () => {
        await h.close();
        await dropDatabase();
      },
    };
  }
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot) throw new Error("globalSetup did not prepare a database");
  const lite = await PGlite.create({ ...pgliteOptions, loadDataDir: new Blob([readFileSync(snapshot)]) });
  const h = await openDb({ pglite: lite });
  return { ...h, url: null, dropDatabase: async () => {}, close: () => lite.close() };
}
