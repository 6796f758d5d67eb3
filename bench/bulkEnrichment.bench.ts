/**
 * Bulk enrichment: N leads (default 10,000) enriched by the real `leads.enrich` job handler (8 at
 * once, each: the homepage and up to three signal pages through the SSRF-guarded fetcher, extraction,
 * one transaction with the lead update and its timeline event) against a company site on loopback.
 * The physical limit, measured in the same run: fetching the same pages with plain node:http at the
 * same concurrency, no extraction and no database. Prints leads/s, the ratio, and peak RSS.
 *   node --import tsx bench/bulkEnrichment.bench.ts 10000
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/bulkEnrichment.bench.ts 10000
 */
import http from "node:http";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config";
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
const server = http.createServer((req, res) => {
  const page = pages[req.url ?? ""];
  res.writeHead(page ? 200 : 404, { "content-type": "text/html" }).end(page ?? "no");
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as { port: number }).port;

const bench = await benchContext("enrich");
const { ctx, actor } = bench;
ctx.config = loadConfig({ LOG_LEVEL: "silent", FETCH_ALLOW_PRIVATE: "127.0.0.1,localhost" });
for (let i = 0; i < n; i += 5000)
  await ctx.db.execute(sql`insert into leads (workspace_id, first_name, email, company_domain)
    select ${actor.workspaceId}::uuid, 'P' || g, 'p' || g || '@rocketry.example', ${`localhost:${port}`}
    from generate_series(${i + 1}::int, ${Math.min(n, i + 5000)}::int) g`);
const ids = (await ctx.db.execute(sql`select id from leads`)).rows.map((r) =>
  String((r as { id: string }).id),
);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);

// The limit: the same four pages per lead, plain HTTP, same concurrency, nothing else.
const rawN = Math.min(n, 2000);
const agent = new http.Agent({ keepAlive: false });
const get = (path: string) =>
  new Promise<void>((resolve, reject) =>
    http
      .get({ host: "localhost", port, path, agent }, (res) => {
        res.on("data", () => {});
        res.on("end", resolve);
      })
      .on("error", reject),
  );
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next++ < rawN) {
      await get("/");
      await Promise.all(["/careers", "/blog", "/about"].map(get));
    }
  }),
);
const rawRate = rawN / ((performance.now() - t0) / 1000);

const t1 = performance.now();
const result = (await enrichLeadsJob.handler(ctx, { leadIds: ids, actorLabel: "bench", userId: null }, {
  workspaceId: actor.workspaceId,
  progress: async () => {},
  signal: new AbortController().signal,
} as never)) as Record<string, unknown>;
const rate = n / ((performance.now() - t1) / 1000);
clearInterval(sampler);
const failed = (result.failed as unknown[]).length;
await bench.close();
server.close();
console.log(
  `bulkEnrichment[${bench.kind}] ${n} leads: ${rate.toFixed(0)} leads/s, ${((100 * rate) / rawRate).toFixed(0)}% of plain HTTP fetching of the same pages (${rawRate.toFixed(0)} leads/s), peak RSS ${(peak / 1e6).toFixed(0)} MB, ${failed} failed`,
);
