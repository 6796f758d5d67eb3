/**
 * Import benchmark: a generated N-row (default 1M), 7-column CSV imported end to end through the
 * CLI (`overture import`), with dedupe and every index. On PostgreSQL, in the same run: a raw
 * server-side COPY of the same file into an unindexed 7-column table, and the set-based floor (the
 * same rows inserted from a staging table into the same schema, bench/support/schemaFloor.ts).
 * The CLI's start-up (tsx compiling the sources) is measured on a one-row file and reported apart.
 * Peak RSS is the child's VmHWM. Prints one line.
 *
 *   npx tsx bench/importLeads.bench.ts pg 1000000
 *   npx tsx bench/importLeads.bench.ts pglite 1000000
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

import { generateLeadsCsv } from "./generateLeadsCsv";
import { schemaFloor } from "./support/schemaFloor";

const root = path.resolve(import.meta.dirname, "..");
const [mode = "pg", rowsArg = "1000000"] = process.argv.slice(2);
const rows = Number(rowsArg);
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const secret = "bench-secret-key-bench-secret-key-bench";

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ ms: number; out: string; peakKb: number }>((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, "bin/overture.mjs"), ...args], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let peakKb = 0;
    child.stdout.on("data", (d) => (out += d));
    const poll = setInterval(() => {
      try {
        const m = readFileSync(`/proc/${child.pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/);
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {}
    }, 100);
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code === 0) resolve({ ms: performance.now() - t0, out, peakKb });
      else reject(new Error(`overture ${args[0]} exited ${code}: ${out}`));
    });
  });
}

mkdirSync(path.join(root, "bench/out"), { recursive: true });
const file = path.join(root, `bench/out/leads-${rows}.csv`);
if (!existsSync(file)) await generateLeadsCsv(file, rows);

if (mode === "pg") {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("drop database if exists overture_bench with (force)");
  await admin.query("create database overture_bench");
  const url = new URL(adminUrl);
  url.pathname = "/overture_bench";
  const env = { DATABASE_URL: url.toString(), SECRET_KEY: secret };
  await run(
    [
      "init",
      "--workspace",
      "Bench",
      "--email",
      "bench@example.test",
      "--password",
      "violet-harbour-lantern-42",
    ],
    env,
  );
  const tiny = path.join(root, "bench/out/one-row.csv");
  writeFileSync(tiny, "Email\nstart@up.example\n");
  const startup = await run(["import", tiny, "--list", "Startup", "--json"], env);
  const imp = await run(["import", file, "--list", "Bench", "--json"], env);
  const report = JSON.parse(imp.out);
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  await db.query("create table raw_copy (a text, b text, c text, d text, e text, f text, g text)");
  const t0 = performance.now();
  await db.query(`copy raw_copy from '${file}' with (format csv, header true)`);
  const copyMs = performance.now() - t0;
  await db.query("drop table raw_copy");
  await db.end();
  let floor = 0;
  await schemaFloor(adminUrl, file, ["current"], (_, t) => (floor = t.leads + t.members));
  await admin.end();
  const own = (imp.ms - startup.ms) / 1000;
  console.log(
    `importLeads[pg] ${rows} rows: import ${(imp.ms / 1000).toFixed(1)} s wall, ${own.toFixed(1)} s without the CLI start-up (${(startup.ms / 1000).toFixed(1)} s); ${report.added} added; raw COPY ${(copyMs / 1000).toFixed(1)} s; set-based floor ${floor.toFixed(1)} s; import/COPY ${((own * 1000) / copyMs).toFixed(1)}x (goal <= 30x), import/floor ${(own / floor).toFixed(2)}x (goal <= 1.2x); peak RSS ${(imp.peakKb / 1024).toFixed(0)} MB`,
  );
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "overture-bench-"));
  const env = { DATA_DIR: dir, DATABASE_URL: "", SECRET_KEY: secret };
  await run(
    [
      "init",
      "--workspace",
      "Bench",
      "--email",
      "bench@example.test",
      "--password",
      "violet-harbour-lantern-42",
    ],
    env,
  );
  const tiny = path.join(root, "bench/out/one-row.csv");
  writeFileSync(tiny, "Email\nstart@up.example\n");
  const startup = await run(["import", tiny, "--list", "Startup", "--json"], env);
  const imp = await run(["import", file, "--list", "Bench", "--json"], env);
  const report = JSON.parse(imp.out);
  console.log(
    `importLeads[pglite] start-up ${(startup.ms / 1000).toFixed(1)} s; ${rows} rows: ${(imp.ms / 1000).toFixed(1)} s (${report.added} added), peak RSS ${(imp.peakKb / 1024).toFixed(0)} MB (goals < 90 s, < 400 MB)`,
  );
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}
