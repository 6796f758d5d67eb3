/**
 * Leads table latency at scale: median of a filtered, sorted page of 25 (first page and deep in the
 * data via keyset) and of fragment searches, through the same use case the API calls.
 * Needs a database that already holds the leads (run importLeads.bench.ts first; it leaves
 * `overture_bench` on PostgreSQL, or set BENCH_KEEP=1 for PGlite and pass DATA_DIR).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/overture_bench npx tsx bench/leadQueries.bench.ts
 */
import { sql } from "drizzle-orm";
import pino from "pino";
import { actorForCli } from "../src/app/auth/cliActor";
import type { AppContext } from "../src/app/context";
import { searchLeads } from "../src/app/leads/searchLeads";
import { createSecretBox } from "../src/app/security/secretBox";
import { loadConfig } from "../src/config";
import { openDb, pgliteOptions, queryRows } from "../src/db/client";

const config = loadConfig({
  ...process.env,
  SECRET_KEY: "bench-secret-key-bench-secret-key-bench",
  LOG_LEVEL: "silent",
});
let handle;
if (config.databaseUrl) handle = await openDb({ databaseUrl: config.databaseUrl });
else {
  const { PGlite } = await import("@electric-sql/pglite");
  handle = await openDb({ pglite: await PGlite.create(`${config.dataDir}/pglite`, pgliteOptions) });
}
const ctx = {
  db: handle.db,
  dbHandle: handle,
  config,
  clock: { now: () => new Date() },
  log: pino({ level: "silent" }),
  secrets: createSecretBox("x".repeat(32)),
} as AppContext;
const actor = await actorForCli(ctx);
const [{ n }] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from leads`);

async function median(label: string, fn: () => Promise<unknown>, runs = 30) {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return `${label} ${t[Math.floor(t.length / 2)]!.toFixed(1)} ms`;
}

// A cursor deep in the data: the row at the middle of the status-filtered, name-sorted order.
const [mid] = await queryRows<{ id: string; v: string }>(
  ctx.db,
  sql`select id, coalesce(last_name, '') as v from leads where workspace_id = ${actor.workspaceId}::uuid and status = 'new'
      order by coalesce(last_name, ''), id offset ${Math.floor(n / 2)} limit 1`,
);
const deep = mid ? Buffer.from(JSON.stringify([mid.v, mid.id])).toString("base64url") : null;
const [midC] = await queryRows<{ id: string; v: Date }>(
  ctx.db,
  sql`select id, created_at as v from leads where workspace_id = ${actor.workspaceId}::uuid order by created_at desc, id desc offset ${Math.floor(n / 2)} limit 1`,
);
const deepC = midC
  ? Buffer.from(JSON.stringify([new Date(midC.v).toISOString(), midC.id])).toString("base64url")
  : null;

const results = [
  await median("page1(status=new,sort=lastName)", () =>
    searchLeads(ctx, actor, { statuses: ["new"], sort: "lastName" }),
  ),
  await median("deep(status=new,sort=lastName)", () =>
    searchLeads(ctx, actor, { statuses: ["new"], sort: "lastName", cursor: deep }),
  ),
  await median("page1(sort=-createdAt)", () => searchLeads(ctx, actor, { sort: "-createdAt" })),
  await median("deep(sort=-createdAt)", () => searchLeads(ctx, actor, { sort: "-createdAt", cursor: deepC })),
  await median("search(common 'lovel')", () => searchLeads(ctx, actor, { search: "lovel" })),
  await median("search(rare 'company 4242')", () => searchLeads(ctx, actor, { search: "company 4242" })),
  await median("search(one person 'ada.96@')", () => searchLeads(ctx, actor, { search: "ada.96@" })),
];
console.log(`leadQueries[${handle.kind}] ${n} leads, median of 30: ${results.join("; ")}`);
await handle.close();
