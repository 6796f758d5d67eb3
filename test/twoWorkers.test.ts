import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import type { Actor, AppContext } from "../src/app/context";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { openDb } from "../src/db/client";
import { leads, listMembers } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

// Two workers need two processes' worth of connections: PostgreSQL only (PGlite is one process by design).
const pg = !!process.env.DATABASE_URL;
let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  if (!pg) return;
  ctx = await createTestContext();
  sink = await startSmtpSink({ delayMs: 2 });
});
afterAll(async () => {
  if (!pg) return;
  await sink.close();
  await ctx.close();
});

describe.skipIf(!pg)("two workers on PostgreSQL", () => {
  it("share 400 due sends with no duplicate and none missed", async () => {
    const ws = await seedWorkspace(ctx, "Two workers");
    const actor: Actor = {
      workspaceId: ws.workspaceId,
      userId: ws.userId,
      role: "owner",
      via: "cli",
      label: "t",
    };
    await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    // All 400 are at one domain: the per-domain limit is off for this test of sharing work.
    await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
    const list = await createList(ctx, actor, { name: "Many" });
    const ids = await ctx.db
      .insert(leads)
      .values(
        Array.from({ length: 400 }, (_, i) => ({
          workspaceId: ws.workspaceId,
          firstName: `P${i}`,
          email: `p${i}@two.example`,
          timezone: "UTC",
        })),
      )
      .returning({ id: leads.id });
    await ctx.db
      .insert(listMembers)
      .values(ids.map((l) => ({ listId: list.id, leadId: l.id, workspaceId: ws.workspaceId })));
    await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "s@two.example",
      dailyCap: 100000,
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi {{first_name}}", body: "Hello" },
      ],
    });

    // Two workers = two separate connection pools, each with its own channel pool, running at once.
    const worker = async () => {
      const h = await openDb({ databaseUrl: ctx.testDb.url!, poolSize: 3 });
      const wctx: AppContext = { ...ctx, db: h.db, dbHandle: h, log: pino({ level: "silent" }) };
      const pool = new ChannelPool(wctx);
      try {
        return await runSchedulerOnce(wctx, pool, 20);
      } finally {
        await pool.close();
        await h.close();
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(400);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const recipients = sink.received.map((r) => r.to[0]);
    expect(recipients.length).toBe(400);
    expect(new Set(recipients).size).toBe(400);
  });
});
