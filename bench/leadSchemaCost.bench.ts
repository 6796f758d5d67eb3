/**
 * What each index, foreign key and trigger of the leads schema costs a 1M-row import, measured as
 * the set-based floor: the same normalised rows inserted into `leads` and `list_members` with one
 * `INSERT … SELECT` each from an unindexed staging table, once per variant of the schema, each
 * variant in its own transaction that is rolled back (DDL is transactional). A server-side COPY of
 * the raw file into an unindexed table is timed in the same run. PostgreSQL only. Prints one line
 * per variant.
 *
 *   npx tsx bench/leadSchemaCost.bench.ts [rows] [variant,variant,…]
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { schemaFloor } from "./support/schemaFloor";
import { generateLeadsCsv } from "./generateLeadsCsv";

const root = path.resolve(import.meta.dirname, "..");
const rows = Number(process.argv[2] ?? 1_000_000);
const only = process.argv[3]?.split(",");
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
mkdirSync(path.join(root, "bench/out"), { recursive: true });
const file = path.join(root, `bench/out/leads-${rows}.csv`);
if (!existsSync(file)) await generateLeadsCsv(file, rows);

await schemaFloor(adminUrl, file, only ?? null, (name, t) =>
  console.log(
    `leadSchemaCost[pg] ${rows} rows, ${name}: leads ${t.leads.toFixed(1)} s + members ${t.members.toFixed(1)} s = ${(t.leads + t.members).toFixed(1)} s = ${((t.leads + t.members) / t.copy).toFixed(1)}x COPY (${t.copy.toFixed(1)} s)`,
  ),
);
