import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type MoveReport = { tables: { name: string; rows: number }[]; rows: number };

const BATCH = 5_000;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies every row of every table from the embedded database into an empty, migrated PostgreSQL
 * database, ids and all, in one transaction: a failure leaves the target as empty as it was.
 * Rows travel as JSON and are rebuilt with json_populate_recordset, so every column type round-trips
 * through PostgreSQL's own casts. Triggers and foreign-key checks are off for the copy
 * (session_replication_role = replica: the rows are already consistent, and maintained counters
 * are copied as they are), sequences are moved past the copied ids, and every count is compared.
 */
export async function moveToPostgres(source: PGlite, target: pg.PoolClient): Promise<MoveReport> {
  const tables = (
    await source.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'overture_migrations'
       order by table_name`,
    )
  ).rows.map((r) => r.name);
  const occupied = await target.query<{ n: number }>(`select count(*)::int as n from workspaces`);
  if (occupied.rows[0]!.n > 0)
    throw new Error("the target database already holds workspaces: move into an empty database only");
  const report: MoveReport = { tables: [], rows: 0 };
  await target.query("begin");
  try {
    await target.query("set local session_replication_role = replica");
    for (const t of tables) {
      const cols = (
        await target.query<{ name: string; identity: string }>(
          `select column_name as name, coalesce(identity_generation, '') as identity
           from information_schema.columns
           where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
           order by ordinal_position`,
          [t],
        )
      ).rows;
      if (!cols.length) throw new Error(`table ${t} is missing in the target: run its migrations first`);
      const list = cols.map((c) => q(c.name)).join(", ");
      const overriding = cols.some((c) => c.identity === "ALWAYS") ? "overriding system value" : "";
      let copied = 0;
      for (;;) {
        const page = await source.query<{ rows: string | null }>(
          `select json_agg(t)::text as rows from (select * from ${q(t)} order by ctid limit ${BATCH} offset ${copied}) t`,
        );
        const rows = page.rows[0]?.rows;
        if (!rows) break;
        const r = await target.query(
          `insert into ${q(t)} (${list}) ${overriding} select ${list} from json_populate_recordset(null::${q(t)}, $1::json)`,
          [rows],
        );
        copied += r.rowCount ?? 0;
        if ((r.rowCount ?? 0) < BATCH) break;
      }
      report.tables.push({ name: t, rows: copied });
      report.rows += copied;
    }
    // Serial and identity columns continue after the highest copied id.
    const seqs = await target.query<{ t: string; c: string; s: string }>(
      `select c.table_name as t, c.column_name as c, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) as s
       from information_schema.columns c
       where c.table_schema = 'public' and pg_get_serial_sequence(format('%I', c.table_name), c.column_name) is not null`,
    );
    for (const s of seqs.rows)
      await target.query(
        `select setval($1, coalesce((select max(${q(s.c)}) from ${q(s.t)}), 0) + 1, false)`,
        [s.s],
      );
    for (const t of report.tables) {
      const [a, b] = await Promise.all([
        source.query<{ n: number }>(`select count(*)::int as n from ${q(t.name)}`),
        target.query<{ n: number }>(`select count(*)::int as n from ${q(t.name)}`),
      ]);
      if (a.rows[0]!.n !== b.rows[0]!.n || b.rows[0]!.n !== t.rows)
        throw new Error(
          `table ${t.name}: ${a.rows[0]!.n} rows in the embedded database, ${b.rows[0]!.n} copied`,
        );
    }
    await target.query("commit");
    return report;
  } catch (e) {
    await target.query("rollback");
    throw e;
  }
}
