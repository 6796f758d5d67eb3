/**
 * Bulk enrichment: N leads (default 10,000) at 2,500 companies (four leads each, as in a list with
 * several contacts per account) enriched by the real `leads.enrich` job handler: 8 leads at once,
 * each company site read once (homepage, then careers, blog and about one request at a time) through
 * the SSRF-guarded fetcher, extraction, and one transaction per lead with its timeline event. The
 * companies are 250 loopback addresses (127.0.0.x) times 10 ports.
 * The physical limit, measured in the same run: fetching the same pages of every company with plain
 * node:http at the same concurrency, no extraction and no database. Prints leads/s, the time ratio,
 * and peak RSS.
 *   node --import tsx bench/bulkEnrichment.bench.ts 10000
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/bulkEnrichment.bench.ts 10000
 */
import http from "node:http";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config";
import { queryRows, sqlArray } from "../src/db/client";
import { enrichLeadsJob } from "../src/jobs/definitions/enrichLeadsJob";
import { benchContext } from "./support/benchContext";

const n = Number(process.argv[2] ?? 10_000);
const filler = Array.from(
  { length: 200 },
  (_, i) => `<p>Section ${i}: we help logistics teams ship faster.</p>`,
).join("");
const pages: Record<string, string> = {
  "/": `<!doctype html><html><head><title>Rocketry Labs | Launch software</title>
    <meta name="description" content="Rocketry Labs builds launch software for logistics teams."></head>
    <body><nav><a href="/careers">Careers</a><a href="/blog">Blog</a><a href="/about">About</a>
    <a href="https://www.linkedin.com/company/rocketry">in</a></nav>${filler}</body></html>`,
  "/careers": `<html><body><h1>Careers</h1><ul><li><a href="/careers/1">Senior Backend Engineer</a></li></ul>${filler}</body></html>`,
  "/blog": `<html><body><article><h2><a href="/blog/seed">We raised a $4M seed round</a></h2><time datetime="${new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10)}">recent</time></article>${filler}</body></html>`,
  "/about": `<html><body><h1>About us</h1>${filler}</body></html>`,
};
const servers = await Promise.all(
  Array.from({ length: 10 }, async () => {
    const server = http.createServer((req, res) => {
      const page = pages[req.url ?? ""];
      res.writeHead(page ? 200 : 404, { "content-type": "text/html" }).end(page ?? "no");
    });
    // Every 127.0.0.x reaches a server bound to 0.0.0.0 on Linux: 250 "hosts" per port.
    await new Promise<void>((r) => server.listen(0, "0.0.0.0", r));
    return server;
  }),
);
const ports = servers.map((s) => (s.address() as { port: number }).port);
const hosts = Array.from({ length: 250 }, (_, i) => `127.0.0.${i + 1}`);
const domains = ports.flatMap((port) => hosts.map((h) => `${h}:${port}`));

const bench = await benchContext("enrich");
const { ctx, actor } = bench;
ctx.config = loadConfig({ LOG_LEVEL: "silent", FETCH_ALLOW_PRIVATE: hosts.join(",") });
await ctx.db.execute(sql`insert into leads (workspace_id, first_name, email, company_domain)
  select ${actor.workspaceId}::uuid, 'P' || g, 'p' || g || '@rocketry.example', (${sqlArray(domains)}::text[])[1 + g % ${domains.length}]
  from generate_series(1, ${n}::int) g`);
const ids = (await queryRows<{ id: string }>(ctx.db, sql`select id from leads`)).map((r) => r.id);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);

// The limit: the same four pages of every company, plain HTTP, same concurrency, nothing else.
const companies = domains.slice(0, Math.min(n, domains.length));
const agent = new http.Agent({ keepAlive: false });
const get = (domain: string, path: string) =>
  new Promise<void>((resolve, reject) =>
    http
      .get({ host: domain.split(":")[0], port: Number(domain.split(":")[1]), path, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", resolve);
      })
      .on("error", reject),
  );
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let d = companies[next++]; d; d = companies[next++])
      for (const path of ["/", "/careers", "/blog", "/about"]) await get(d, path);
  }),
);
const rawMs = performance.now() - t0;

const t1 = performance.now();
const result = (await enrichLeadsJob.handler(ctx, { leadIds: ids, actorLabel: "bench", userId: null }, {
  workspaceId: actor.workspaceId,
  progress: async () => {},
  signal: new AbortController().signal,
} as never)) as Record<string, unknown>;
const enrichMs = performance.now() - t1;
const rate = n / (enrichMs / 1000);
clearInterval(sampler);
const failures = result.failed as { error: string }[];
const failed = failures.length;
if (failed) console.error(`failures: ${[...new Set(failures.map((f) => f.error))].slice(0, 3).join(" | ")}`);
await bench.close();
for (const s of servers) s.close();
console.log(
  `bulkEnrichment[${bench.kind}] ${n} leads at ${companies.length} companies: ${rate.toFixed(0)} leads/s (${(enrichMs / 1000).toFixed(1)} s), ${(enrichMs / rawMs).toFixed(2)}x the time of plain HTTP fetching of the same pages (${(rawMs / 1000).toFixed(1)} s), peak RSS ${(peak / 1e6).toFixed(0)} MB, ${failed} failed`,
);
