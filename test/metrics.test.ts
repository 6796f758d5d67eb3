import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/api/server";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import type { Actor } from "../src/app/context";
import { launchSandboxSequence } from "./support/emailSequence";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

const TOKEN = "metrics-token-for-tests-0123";
let ctx: TestContext;
let app: Awaited<ReturnType<typeof buildServer>>;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer({ ...ctx, config: { ...ctx.config, metricsToken: TOKEN } }, { serveWeb: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const scrape = async (auth?: string) =>
  app.inject({ url: "/metrics", headers: auth ? { authorization: auth } : {} });

/** The value of one sample line, e.g. `overture_due_backlog 3`. */
const sample = (text: string, line: RegExp) => {
  const m = text.split("\n").find((l) => line.test(l));
  return m ? Number(m.split(" ").pop()) : null;
};

describe("/metrics", () => {
  it("needs the token; reports sends by channel and outcome, the due backlog, HTTP latency by route and sender health", async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape("Bearer wrong-token-of-same-len")).statusCode).toBe(401);

    const ws = await seedWorkspace(ctx, "Metrics");
    const actor: Actor = {
      workspaceId: ws.workspaceId,
      userId: ws.userId,
      role: "owner",
      via: "cli",
      label: "t",
    };
    await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const list = await createList(ctx, actor, { name: "M" });
    for (let i = 0; i < 3; i++)
      await createLead(ctx, actor, {
        firstName: `M${i}`,
        email: `m${i}@m.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const sender = await launchSandboxSequence(ctx, actor, {
      listId: list.id,
      fromEmail: "me@m.example",
      steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
    });
    const before = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(sample(before, /^overture_due_backlog /)).toBe(3);

    const pool = new ChannelPool(ctx);
    expect(await runSchedulerOnce(ctx, pool)).toBe(3);
    await pool.close();
    await app.inject({ url: "/api/leads", headers: { authorization: `Bearer ${ws.apiKey}` } });

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    const text = res.body;
    expect(sample(text, /^overture_messages_last_24h\{channel="email",status="sent"\} /)).toBe(3);
    expect(sample(text, /^overture_due_backlog /)).toBe(0);
    expect(sample(text, new RegExp(`^overture_sender_bounce_rate\\{sender="${sender.senderId}"\\} `))).toBe(
      0,
    );
    expect(
      sample(
        text,
        /^overture_http_request_duration_seconds_count\{method="GET",route="\/api\/leads",status="2xx"\} /,
      ),
    ).toBe(1);
    expect(text).toContain("overture_process_resident_memory_bytes");
  });

  it("is off without a token", async () => {
    const off = await buildServer(ctx, { serveWeb: false });
    await off.ready();
    const r = await off.inject({ url: "/metrics" });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toMatch(/METRICS_TOKEN/);
    await off.close();
  });
});
