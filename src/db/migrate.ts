import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "./client";

const migrationsDir = path.join(projectRoot, "src/db/migrations");
// Any constant shared by every Overture process: the advisory lock that serialises migrations.
const MIGRATION_LOCK_KEY = 7_246_311_902;

type JournalEntry = { idx: number; tag: string };

export function listMigrations(): { id: string; statements: string[] }[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsDir, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      id: e.tag,
      statements: readFileSync(path.join(migrationsDir, `${e.tag}.sql`), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock, so two
 * processes booting at once never both migrate: the second waits, then finds nothing to do.
 */
export async function migrate(db: Db): Promise<{ applied: string[] }> {
  const all = listMigrations();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(
      sql`create table if not exists overture_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = await queryRows<{ id: string }>(tx, sql`select id from overture_migrations`);
    const have = new Set(done.map((r) => r.id));
    const applied: string[] = [];
    for (const m of all) {
      if (have.has(m.id)) continue;
      for (const stmt of m.statements) await tx.execute(sql.raw(stmt));
      await tx.execute(sql`insert into overture_migrations (id) values (${m.id})`);
      applied.push(m.id);
    }
    return { applied };
  });
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const exists = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass('overture_migrations')::text as t`,
  );
  const all = listMigrations().map((m) => m.id);
  if (!exists[0]?.t) return all;
  const done = await queryRows<{ id: string }>(db, sql`select id from overture_migrations`);
  const have = new Set(done.map((r) => r.id));
  return all.filter((id) => !have.has(id));
}
