import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { configSpec } from "../src/config";
import { freePort, startOverture } from "./support/serverProcess";
import { TEST_SECRET } from "./support/testContext";
import { createTestDb, type TestDb } from "./support/testDb";

const root = path.resolve(import.meta.dirname, "..");
const read = (f: string) => readFileSync(path.join(root, f), "utf8");
let db: TestDb | null = null;
const workers: ChildProcess[] = [];
afterAll(async () => {
  for (const w of workers) w.kill("SIGTERM");
  await db?.close();
});

/** The container's health check, run as the image runs it. */
const healthcheck = (port: number) =>
  spawnSync(process.execPath, [path.join(root, "scripts/healthcheck.mjs")], {
    env: { ...process.env, PORT: String(port) },
  }).status;

describe("the container recipe", () => {
  it("runs real commands with documented variables", () => {
    const docker = read("Dockerfile");
    expect(docker).toMatch(/^FROM node:20-slim AS build$/m);
    expect(docker).toMatch(/^USER overture$/m);
    expect(docker).toContain('ENTRYPOINT ["node", "bin/overture.mjs"]');
    expect(docker).toContain('CMD ["all"]');
    expect(docker).toContain("scripts/healthcheck.mjs");
    const compose = read("compose.yaml");
    expect([...compose.matchAll(/command: \["(\w+)"\]/g)].map((m) => m[1])).toEqual(["serve", "worker"]);
    const envBlock = compose.split("x-overture-env: &overture-env")[1]!.split("\n\n")[0]!;
    const vars = [...envBlock.matchAll(/^ {2}([A-Z_]+):/gm)].map((m) => m[1]!);
    expect(vars).toContain("DATABASE_URL");
    for (const v of vars)
      expect(Object.keys(configSpec), `${v} is not a configuration variable`).toContain(v);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "one `serve` and two `worker` processes on PostgreSQL, as compose runs them: healthy once a worker beats",
    async () => {
      db = await createTestDb({ poolSize: 1 });
      const port = await freePort();
      const env = {
        DATABASE_URL: db.url!,
        SECRET_KEY: TEST_SECRET,
        HOST: "0.0.0.0",
        PORT: String(port),
        NODE_ENV: "production",
      };
      const web = await startOverture(["serve"], env);
      try {
        // No worker yet: the health check fails, as it should.
        expect(healthcheck(port)).toBe(1);
        for (let i = 0; i < 2; i++)
          workers.push(
            spawn(process.execPath, [path.join(root, "bin/overture.mjs"), "worker"], {
              env: { ...process.env, LOG_LEVEL: "warn", ...env },
              stdio: "ignore",
            }),
          );
        let status = healthcheck(port);
        for (let i = 0; i < 120 && status !== 0; i++) {
          await new Promise((r) => setTimeout(r, 500));
          status = healthcheck(port);
        }
        expect(status).toBe(0);
        const health = await fetch(`${web.url}/api/health`).then((r) => r.json());
        expect(health).toMatchObject({ ok: true, database: { kind: "postgres" }, worker: { ok: true } });
      } finally {
        await web.stop();
      }
    },
    240_000,
  );
});
