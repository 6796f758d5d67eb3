// Start-up budgets of the compiled runtime, against `node -e ''` in the same run:
// `overture --help`, `overture init` on a fresh data directory (time and peak RSS), and the
// embedded server answering /api/health after start (with every migration applied) and its RSS at
// rest. Run: npm run bench bench/cliStartup.bench.ts
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/overture.mjs");
const runs = 5;

/** Wall time and peak RSS of one command, through GNU time. */
function timed(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
  });
  const [s, kb] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { s: s!, mb: kb! / 1024 };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

spawnSync(process.execPath, [bin, "--help"]); // build dist/ if stale, outside the measurement
const baseline = median(Array.from({ length: runs }, () => timed(["-e", ""]).s));
const help = median(Array.from({ length: runs }, () => timed([bin, "--help"]).s));
const inits = Array.from({ length: 3 }, () =>
  timed(
    [
      bin,
      "init",
      "--workspace",
      "B",
      "--email",
      "b@bench.test",
      "--password",
      "quiet-harbor-lamp-93",
      "--json",
    ],
    {
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-bench-")),
    },
  ),
);

async function serverStart() {
  const dir = mkdtempSync(path.join(tmpdir(), "overture-bench-"));
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, "all"], {
    env: { ...process.env, LOG_LEVEL: "warn", DATA_DIR: dir, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve) => {
    child.stdout.on("data", () => {
      const m = out.match(/running[^:]*: (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    });
  });
  while (
    !(await fetch(`${url}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 20));
  const ready = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 15_000));
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return { ready, rss };
}
const server = await serverStart();

const f = (x: number) => x.toFixed(2);
console.log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(`node -e '' ${f(baseline)} s (median of ${runs})`);
console.log(`overture --help ${f(help)} s (${f(help / baseline)}x node -e)`);
console.log(
  `overture init ${inits.map((i) => f(i.s)).join(" / ")} s, peak RSS ${inits.map((i) => i.mb.toFixed(0)).join(" / ")} MB`,
);
console.log(
  `embedded server: /api/health answered ${f(server.ready)} s after start; RSS at rest ${server.rss.toFixed(0)} MB`,
);
