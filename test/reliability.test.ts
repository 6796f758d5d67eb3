import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, pgliteOptions, queryRows } from "../src/db/client";
import { startSmtpSink } from "./support/smtpSink";
import { TEST_SECRET } from "./support/testContext";
import { createTestDb, type TestDb } from "./support/testDb";

// Defaults keep CI short; RELIABILITY_LEADS=1000 RELIABILITY_KILLS=20 is the full-size run.
const LEADS = Number(process.env.RELIABILITY_LEADS ?? 300);
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 6);
const root = path.resolve(import.meta.dirname, "..");

let db: TestDb | null = null;
let env: Record<string, string>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

function runNode(args: string[], extra: Record<string, string> = {}) {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
const exited = (c: ReturnType<typeof spawn>) =>
  new Promise<number | null>((r) =>
    c.exitCode !== null ? r(c.exitCode) : c.once("exit", (code) => r(code)),
  );

beforeAll(async () => {
  // A slow mail server (15 ms per message) keeps each worker mid-batch when it is killed.
  sink = await startSmtpSink({ delayMs: 15 });
  env = {
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-kill-")),
    SECRET_KEY: TEST_SECRET,
    SEND_LEASE_SECONDS: "2",
    DATABASE_URL: "",
  };
  if (process.env.DATABASE_URL) {
    db = await createTestDb({ poolSize: 1 });
    env.DATABASE_URL = db.url!;
  }
  const seed = runNode(["--import", "tsx", "test/support/seedReliability.ts"], {
    SEED_LEADS: String(LEADS),
    SINK_PORT: String(sink.port),
  });
  let out = "";
  seed.stdout!.on("data", (d) => (out += d));
  seed.stderr!.on("data", (d) => (out += d));
  if ((await exited(seed)) !== 0) throw new Error(`seed failed: ${out}`);
}, 120_000);
afterAll(async () => {
  await sink.close();
  await db?.close();
});

describe("never a double send, even with SIGKILL", () => {
  it(`kills the worker ${KILLS} times while it sends to ${LEADS} leads: nobody gets the step twice, nobody is lost`, async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < KILLS; k++) {
      const before = sink.received.length;
      const worker = runNode(["bin/overture.mjs", "worker"]);
      // Wait until this worker is sending, then kill it at a random moment of its batch.
      const t0 = Date.now();
      while (sink.received.length === before && Date.now() - t0 < 20_000 && worker.exitCode === null)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.floor(random() * 400)));
      worker.kill("SIGKILL");
      await exited(worker);
      if (sink.received.length === LEADS) break;
    }
    // A last worker runs until nothing is left, then stops gracefully.
    const last = runNode(["bin/overture.mjs", "worker"]);
    // Quiet only counts once it is up: a SIGTERM before its handlers exist would just kill it.
    let said = "";
    last.stdout!.on("data", (d) => (said += d));
    const up = Date.now();
    while (!/worker \S+ started/.test(said) && last.exitCode === null && Date.now() - up < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    let quiet = 0;
    let seen = -1;
    while (quiet < 40) {
      await new Promise((r) => setTimeout(r, 250));
      quiet = sink.received.length === seen ? quiet + 1 : 0;
      seen = sink.received.length;
    }
    last.kill("SIGTERM");
    expect(await exited(last)).toBe(0);

    const perRecipient = new Map<string, number>();
    for (const m of sink.received) perRecipient.set(m.to[0]!, (perRecipient.get(m.to[0]!) ?? 0) + 1);
    const twice = [...perRecipient].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);

    const h = env.DATABASE_URL
      ? await openDb({ databaseUrl: env.DATABASE_URL })
      : await openDb({ pglite: await PGlite.create(path.join(env.DATA_DIR!, "pglite"), pgliteOptions) });
    try {
      const rows = await queryRows<{ email: string; status: string | null; state: string }>(
        h.db,
        sql`select l.email, m.status, e.state from enrollments e join leads l on l.id = e.lead_id left join messages m on m.enrollment_id = e.id`,
      );
      expect(rows.length).toBe(LEADS);
      const delivered = new Set(perRecipient.keys());
      // Every lead is accounted for: sent (and delivered exactly once), or uncertain and paused for a human.
      const lost = rows.filter(
        (r) =>
          !(r.status === "sent" && r.state === "completed" && delivered.has(r.email)) &&
          !(r.status === "uncertain" && r.state === "paused"),
      );
      expect(lost).toEqual([]);
      const uncertain = rows.filter((r) => r.status === "uncertain").length;
      console.log(
        `kill test: ${LEADS} leads, ${KILLS} kills, ${rows.length - uncertain} sent and recorded, ${uncertain} uncertain (listed for a human), ${delivered.size} delivered, 0 twice`,
      );
    } finally {
      await h.close();
    }
  }, 300_000);
});
