import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, queryRows } from "../src/db/client";
import { listMigrations, migrate, pendingMigrations } from "../src/db/migrate";
import { createTestDb, type TestDb } from "./support/testDb";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("migrations", () => {
  it("are all applied on a fresh database and re-running is a no-op", async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect((await migrate(t.db)).applied).toEqual([]);
  });

  it("two processes migrating an empty database at once apply each migration exactly once", async () => {
    if (!t.url) {
      // PGlite is one process by design (see the data-dir lock test); the concurrency case is PostgreSQL's.
      const again = await Promise.all([migrate(t.db), migrate(t.db)]);
      expect(again.flatMap((r) => r.applied)).toEqual([]);
      return;
    }
    await t.db.execute(sql.raw("drop schema public cascade; create schema public"));
    await t.db.execute(sql`drop table if exists overture_migrations`);
    const a = await openDb({ databaseUrl: t.url, poolSize: 2 });
    const b = await openDb({ databaseUrl: t.url, poolSize: 2 });
    const [ra, rb] = await Promise.all([migrate(a.db), migrate(b.db)]);
    await a.close();
    await b.close();
    const all = listMigrations().map((m) => m.id);
    expect([...ra.applied, ...rb.applied].sort()).toEqual(all.sort());
    const rows = await queryRows<{ id: string }>(t.db, sql`select id from overture_migrations`);
    expect(rows.length).toBe(all.length);
  });
});
