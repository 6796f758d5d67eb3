/**
 * Import benchmark: a generated N-row (default 1M), 7-column CSV imported end to end through the
 * CLI (`overture import`), with dedupe and every index, compared with a raw server-side COPY of the
 * same file into an unindexed 7-column table in the same run (PostgreSQL), or against the 90 s /
 * 1.5 GB budget (PGlite). Prints one line.
 *
 *   npx tsx bench/importLeads.bench.ts pg 1000000
 *   npx tsx bench/importLeads.bench.ts pglite 1000000
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { generateLeadsCsv } from "./generateLeadsCsv";

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
    ["init", "--workspace", "Bench", "--email", "bench@example.test", "--password", "password-1"],
    env,
  );
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
  await admin.end();
  console.log(
    `importLeads[pg] ${rows} rows: import ${(imp.ms / 1000).toFixed(1)} s (${report.added} added), raw COPY ${(copyMs / 1000).toFixed(1)} s, ratio ${(imp.ms / copyMs).toFixed(1)}x (goal <= 3x)`,
  );
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "overture-bench-"));
  const env = { DATA_DIR: dir, DATABASE_URL: "", SECRET_KEY: secret };
  await run(
    ["init", "--workspace", "Bench", "--email", "bench@example.test", "--password", "password-1"],
    env,
  );
  const imp = await run(["import", file, "--list", "Bench", "--json"], env);
  const report = JSON.parse(imp.out);
  console.log(
    `importLeads[pglite] ${rows} rows: ${(imp.ms / 1000).toFixed(1)} s (${report.added} added), peak RSS ${(imp.peakKb / 1024).toFixed(0)} MB (goals < 90 s, < 1536 MB)`,
  );
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}
