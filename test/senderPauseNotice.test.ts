import { createServer, type Server } from "node:http";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { deliverDueWebhooks } from "../src/app/webhooks/deliverWebhooks";
import { auditEvents, messages } from "../src/db/schema";
import { launchSandboxSequence } from "./support/emailSequence";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let receiver: Server;
let port = 0;
const got: { event: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    got.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(200).end();
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  port = (receiver.address() as { port: number }).port;
  ctx = await createTestContext();
  api = await testServer(ctx);
});
afterAll(async () => {
  await api?.close();
  await ctx?.close();
  await new Promise((r) => receiver.close(r));
});

describe("a sender its health guard pauses", () => {
  it("tells the owners (home page, audit log, sender.paused webhook) once, and only a person's resume is logged as such", async () => {
    const { ws, actor } = await openAllDayWorkspace(ctx, "Guarded");
    const call = (method: string, url: string, body?: unknown) =>
      api.call(method, url, { key: ws.apiKey, body });
    await call("PATCH", "/api/deliverability", { healthMinSends: 1, healthWindowSends: 10 });
    const hook = await call("POST", "/api/webhooks", {
      url: `http://127.0.0.1:${port}/hook`,
      events: ["sender.paused"],
    });
    expect(hook.status).toBe(201);
    const list = await createList(ctx, actor, { name: "G" });
    for (const n of ["gone", "also-gone", "fine"])
      await createLead(ctx, actor, {
        firstName: n,
        email: `${n}@g.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const { senderId } = await launchSandboxSequence(ctx, actor, {
      listId: list.id,
      fromEmail: "me@guarded.example",
      steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
    });
    const pool = new ChannelPool(ctx);
    expect(await runSchedulerOnce(ctx, pool)).toBe(3);
    await pool.close();
    expect((await call("GET", "/api/home")).json.needs.pausedSenders).toEqual([]);

    const sent = await ctx.db.select().from(messages).where(eq(messages.senderAccountId, senderId));
    for (const to of ["gone@g.example", "also-gone@g.example"]) {
      const m = sent.find((s) => s.toAddress === to)!;
      const r = await call("POST", `/api/sandbox/messages/${m.id}/report`, { kind: "user_unknown" });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    }

    const home = (await call("GET", "/api/home")).json.needs.pausedSenders;
    expect(home).toEqual([
      {
        id: senderId,
        name: "Sandbox",
        reason: expect.stringMatching(/^Paused automatically: bounces/),
        pausedAt: expect.any(String),
      },
    ]);
    expect(await deliverDueWebhooks(ctx)).toBe(1); // the second bounce found it paused already: one event
    expect(got).toEqual([
      expect.objectContaining({
        event: "sender.paused",
        data: expect.objectContaining({
          senderAccountId: senderId,
          fromEmail: "me@guarded.example",
          automatic: true,
        }),
      }),
    ]);
    const log = async (action: string) =>
      ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.workspaceId, ws.workspaceId), eq(auditEvents.action, action)));
    expect((await log("sender.paused")).map((e) => [e.actor, e.target])).toEqual([
      ["Overture (health guard)", "Sandbox"],
    ]);

    expect((await call("PATCH", `/api/sender-accounts/${senderId}`, { paused: null })).status).toBe(200);
    const [resumed] = await log("sender.resumed");
    expect(resumed).toMatchObject({ target: "Sandbox", actor: expect.stringMatching(/key|guarded/i) });
    expect((resumed!.details as { pausedReason: string }).pausedReason).toMatch(/^Paused automatically/);
    expect((await call("GET", "/api/home")).json.needs.pausedSenders).toEqual([]);
    // Resuming a sender that is not paused logs nothing.
    await call("PATCH", `/api/sender-accounts/${senderId}`, { paused: null });
    expect(await log("sender.resumed")).toHaveLength(1);
  });
});
