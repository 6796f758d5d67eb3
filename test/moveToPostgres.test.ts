import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { boot } from "../src/app/boot";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { recordInboundMessage } from "../src/app/outreach/inbound";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { loadConfig } from "../src/config";
import { acquireDataDirLock } from "../src/db/dataDirLock";
import { jobs } from "../src/db/schema";
import { launchSandboxSequence } from "./support/emailSequence";
import { runOverture } from "./support/serverProcess";
import { TEST_SECRET } from "./support/testContext";
import { createTestDb, type TestDb } from "./support/testDb";

const dirs: string[] = [];
let target: TestDb | null = null;
afterAll(async () => target?.close());

const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), "overture-move-"));
  dirs.push(d);
  return d;
};

/** An embedded data directory with a workspace, leads, a sent sequence, a reply and jobs in every state. */
async function seededDataDir() {
  const dir = fresh();
  // The embedded database, even when this test process runs on PostgreSQL.
  const env = { DATA_DIR: dir, SECRET_KEY: TEST_SECRET, DATABASE_URL: "" };
  const init = await runOverture(
    [
      "init",
      "--workspace",
      "Laptop",
      "--email",
      "me@laptop.test",
      "--password",
      "quiet-harbor-lamp-93",
      "--json",
    ],
    env,
  );
  const { workspaceId, userId } = JSON.parse(init.stdout);
  const ctx = await boot({ config: loadConfig({ ...env, LOG_LEVEL: "silent" }), logToStderr: true });
  try {
    const actor: Actor = { workspaceId, userId, role: "owner", via: "cli", label: "t" };
    await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    // All 30 leads are at one domain: the per-domain limit would hold 10 of them.
    await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
    const list = await createList(ctx, actor, { name: "Trial" });
    for (let i = 0; i < 30; i++)
      await createLead(ctx, actor, {
        firstName: `Lé${i}`,
        email: `l${i}@laptop.example`,
        timezone: "Europe/Paris",
        listId: list.id,
        customFields: { rank: String(i), note: "ünïcødé ✓" },
      });
    await launchSandboxSequence(ctx, actor, {
      listId: list.id,
      fromEmail: "me@laptop.test",
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
        { channel: "email", delayDays: 2, condition: "no_reply", body: "Bump" },
      ],
    });
    const pool = new ChannelPool(ctx);
    await runSchedulerOnce(ctx, pool, 100);
    await pool.close();
    const [first] = await ctx.db
      .select()
      .from((await import("../src/db/schema")).messages)
      .limit(1);
    await recordInboundMessage(ctx, {
      workspaceId,
      leadId: first!.leadId,
      enrollmentId: first!.enrollmentId,
      channel: "email",
      from: first!.toAddress!,
      subject: "Re: Hi",
      text: "Interested, call me.",
      inReplyTo: first!.messageId,
    });
    for (const status of ["queued", "running", "succeeded", "failed", "cancelled"] as const)
      await ctx.db.insert(jobs).values({ workspaceId, kind: "test", payload: { status }, status });
  } finally {
    await ctx.shutdown();
  }
  return { dir, env };
}

describe.skipIf(!process.env.DATABASE_URL)("leaving the embedded database", () => {
  it("backup refuses while the database is in use; restore keeps the old one aside; move-to-postgres copies every row", async () => {
    const { dir, env } = await seededDataDir();

    // A running server holds the data directory: the backup refuses instead of copying a live database.
    const held = acquireDataDirLock(dir);
    const busy = await runOverture(["backup", path.join(dir, "b.tgz"), "--json"], env);
    held.release();
    expect(busy.code).not.toBe(0);
    expect(JSON.parse(busy.stdout).error.code).toBe("data_dir_locked");

    const file = path.join(fresh(), "overture.tgz");
    const backup = await runOverture(["backup", file, "--json"], env);
    expect(backup.code, backup.out).toBe(0);
    expect(JSON.parse(backup.stdout).bytes).toBeGreaterThan(1000);

    const restored = await runOverture(["restore", file, "--json"], env);
    expect(restored.code, restored.out).toBe(0);
    const r = JSON.parse(restored.stdout);
    expect(r.workspaces).toBe(1);
    expect(existsSync(r.keptAside)).toBe(true);
    expect(readdirSync(dir).some((f) => f.startsWith("pglite.before-restore-"))).toBe(true);

    target = await createTestDb({ poolSize: 1 });
    const move = await runOverture(["move-to-postgres", target.url!, "--json"], env);
    expect(move.code, move.out).toBe(0);
    const report = JSON.parse(move.stdout) as { tables: { name: string; rows: number }[]; rows: number };
    const counts = Object.fromEntries(report.tables.map((t) => [t.name, t.rows]));
    expect(counts.workspaces).toBe(1);
    expect(counts.leads).toBe(30);
    expect(counts.messages).toBe(30);
    expect(counts.inbound_messages).toBe(1);
    expect(counts.jobs).toBeGreaterThanOrEqual(5);

    // Rows match the embedded ones, ids, jsonb and accents included; the copy is usable as it is.
    const c = new pg.Client({ connectionString: target.url! });
    await c.connect();
    try {
      const leads = await c.query(
        `select first_name, email, custom_fields, status from leads order by email`,
      );
      expect(leads.rows.find((l) => l.email === "l7@laptop.example")).toMatchObject({
        first_name: "Lé7",
        custom_fields: { rank: "7", note: "ünïcødé ✓" },
      });
      expect(leads.rows.filter((l) => l.status === "replied")).toHaveLength(1);
      const states = await c.query(`select status from jobs where kind = 'test' order by status`);
      expect(states.rows.map((j) => j.status)).toEqual([
        "cancelled",
        "failed",
        "queued",
        "running",
        "succeeded",
      ]);
      // Serial ids continue after the copied ones.
      const next = await c.query(
        `insert into jobs (kind, payload) values ('after-move', '{}') returning id, (select max(id) from jobs where kind <> 'after-move') as before`,
      );
      expect(Number(next.rows[0].id)).toBeGreaterThan(Number(next.rows[0].before));
      const lists = await c.query(`select lead_count from lists`);
      expect(lists.rows[0].lead_count).toBe(30);
    } finally {
      await c.end();
    }

    // A second move into a database that holds data is refused; nothing is mixed.
    const again = await runOverture(["move-to-postgres", target.url!, "--json"], {
      ...env,
      DATABASE_URL: "",
    });
    expect(again.code).not.toBe(0);
    expect(JSON.parse(again.stdout).error.message).toMatch(/already holds workspaces/);
  }, 300_000);
});
