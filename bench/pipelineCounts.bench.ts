/**
 * Pipeline counts at scale: N leads (default 1,000,000) spread over every status, then 10,000 status
 * changes from 8 concurrent workers; then the median of 30 pipeline reads (the API's getPipeline:
 * trigger-kept status deltas plus the email stats) against the median of 30 plain GROUP BY counts
 * over the same leads, in the same run. Goal: under 10 ms at 1M on PostgreSQL.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/pipelineCounts.bench.ts 1000000
 *   node --import tsx bench/pipelineCounts.bench.ts 100000
 */
import { sql } from "drizzle-orm";
import { getPipeline, statusCounts } from "../src/app/pipeline/pipeline";
import { leadStatuses } from "../src/domain/leadStatus";
import { queryRows, sqlArray } from "../src/db/client";
import { benchContext } from "./support/benchContext";

const n = Number(process.argv[2] ?? 1_000_000);
const bench = await benchContext("pipeline");
const { ctx, actor } = bench;
for (let i = 0; i < n; i += 100_000)
  await ctx.db.execute(sql`insert into leads (workspace_id, email, status)
    select ${actor.workspaceId}::uuid, 'p' || g || '@pipe.example', (${sqlArray([...leadStatuses])}::text[])[1 + g % ${leadStatuses.length}]
    from generate_series(${i + 1}::int, ${Math.min(n, i + 100_000)}::int) g`);
await ctx.db.execute(sql`analyze leads`);
const ids = (
  await queryRows<{ id: string }>(ctx.db, sql`select id from leads order by random() limit 10000`)
).map((r) => r.id);
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let i = next++; i < ids.length; i = next++)
      await ctx.db.execute(
        sql`update leads set status = ${leadStatuses[i % leadStatuses.length]!} where id = ${ids[i]!}::uuid`,
      );
  }),
);
const median = async (f: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[15]!;
};
const fast = await median(() => getPipeline(ctx, actor));
const countsOnly = await median(() => statusCounts(ctx, actor));
const slow = await median(() =>
  ctx.db.execute(
    sql`select status, count(*) from leads where workspace_id = ${actor.workspaceId}::uuid group by status`,
  ),
);
const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.entries(o).sort());
const exact =
  sorted(await statusCounts(ctx, actor)) ===
  sorted(
    Object.fromEntries(
      (
        await queryRows<{ status: string; n: number }>(
          ctx.db,
          sql`select status, count(*)::int as n from leads group by status order by status`,
        )
      ).map((r) => [r.status, r.n]),
    ),
  );
await bench.close();
console.log(
  `pipelineCounts[${bench.kind}] ${n} leads, after 10,000 concurrent status changes: pipeline ${fast.toFixed(2)} ms median (status counts alone ${countsOnly.toFixed(2)} ms), plain GROUP BY ${slow.toFixed(1)} ms, counts exact: ${exact} (goal < 10 ms)`,
);
