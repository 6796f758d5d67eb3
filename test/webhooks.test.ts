import { createServer, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead, setLeadStatus } from "../src/app/leads/editLeads";
import { recordLeadEvents } from "../src/app/leads/leadEvents";
import { deliverDueWebhooks } from "../src/app/webhooks/deliverWebhooks";
import { createWebhook } from "../src/app/webhooks/webhooks";
import { verifyWebhookSignature } from "../src/domain/webhooks/webhookSignature";
import { webhookDeliveries, webhooks } from "../src/db/schema";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let actor: Actor;
let other: Actor;
let key = "";
let receiver: Server;
let port = 0;
let answer = 200;
const got: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    got.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(answer).end();
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  port = (receiver.address() as { port: number }).port;
  ctx = await createTestContext({ clock: testClock("2026-03-02T10:00:00Z") });
  api = await testServer(ctx);
  const a = await seedWorkspace(ctx, "Hooks");
  key = a.apiKey;
  actor = { workspaceId: a.workspaceId, userId: a.userId, role: "owner", via: "cli", label: "t" };
  const b = await seedWorkspace(ctx, "Others");
  other = { workspaceId: b.workspaceId, userId: b.userId, role: "owner", via: "cli", label: "t" };
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await new Promise((r) => receiver.close(r));
});

const nowSeconds = () => Math.floor(ctx.clock.now().getTime() / 1000);

describe("outbound webhooks", () => {
  let secret = "";
  let hookId = "";

  it("deliver a signed lead.status_changed and lead.replied to a receiver, and nothing of another workspace", async () => {
    const created = await api.call("POST", "/api/webhooks", {
      key,
      body: { url: `http://127.0.0.1:${port}/hook`, events: ["lead.status_changed", "lead.replied"] },
    });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    secret = created.json.secret;
    hookId = created.json.id;
    expect(JSON.stringify((await api.call("GET", "/api/webhooks", { key })).json)).not.toContain(secret);

    const lead = await createLead(ctx, actor, { email: "ada@hooks.example", firstName: "Ada" });
    const theirs = await createLead(ctx, other, { email: "bo@others.example" });
    await setLeadStatus(ctx, actor, [lead.id], "replied");
    await setLeadStatus(ctx, other, [theirs.id], "replied");
    await ctx.db.transaction((tx) =>
      recordLeadEvents(tx, actor, ctx.clock.now(), [
        { leadId: lead.id, type: "replied", data: { subject: "Re: hi" } },
      ]),
    );
    expect(await deliverDueWebhooks(ctx)).toBe(2);
    expect(got.map((g) => g.headers["overture-event"]).sort()).toEqual([
      "lead.replied",
      "lead.status_changed",
    ]);
    for (const g of got) {
      expect(
        verifyWebhookSignature(secret, g.body, String(g.headers["overture-signature"]), nowSeconds()),
      ).toBe(true);
      expect(
        verifyWebhookSignature("wrong", g.body, String(g.headers["overture-signature"]), nowSeconds()),
      ).toBe(false);
      expect(JSON.parse(g.body).id).toBe(g.headers["overture-delivery"]);
    }
    const changed = JSON.parse(got.find((g) => g.headers["overture-event"] === "lead.status_changed")!.body);
    expect(changed.data).toMatchObject({
      leadId: lead.id,
      from: "new",
      to: "replied",
      email: "ada@hooks.example",
    });
    const replied = JSON.parse(got.find((g) => g.headers["overture-event"] === "lead.replied")!.body);
    expect(replied.data).toMatchObject({ leadId: lead.id, data: { subject: "Re: hi" } });
    const log = await api.call("GET", `/api/webhooks/${hookId}/deliveries`, { key });
    expect(
      log.json.map((d: { status: string; lastStatusCode: number }) => [d.status, d.lastStatusCode]),
    ).toEqual([
      ["delivered", 200],
      ["delivered", 200],
    ]);
  });

  it("retries a failing receiver with backoff, then marks the delivery failed; redeliver sends it again", async () => {
    answer = 500;
    const before = got.length;
    await api.call("POST", `/api/webhooks/${hookId}/ping`, { key });
    expect(await deliverDueWebhooks(ctx)).toBe(1);
    const [d] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.event, "ping"));
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(d!.nextAttemptAt.getTime() - ctx.clock.now().getTime()).toBe(60_000);
    expect(await deliverDueWebhooks(ctx)).toBe(0); // not before its time
    for (const minutes of [1, 5, 15, 60, 180, 360, 600]) {
      ctx.clock.advance(minutes * 60_000);
      expect(await deliverDueWebhooks(ctx)).toBe(1);
    }
    const [after] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d!.id));
    expect(after).toMatchObject({ status: "failed", attempts: 8 });
    expect(got.length - before).toBe(8);
    answer = 200;
    const again = await api.call("POST", `/api/webhook-deliveries/${d!.id}/redeliver`, { key });
    expect(again.status).toBe(200);
    expect(await deliverDueWebhooks(ctx)).toBe(1);
    const [ok] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d!.id));
    expect(ok!.status).toBe("delivered");
  });

  it("refuses private targets: at registration for IPs, and at delivery after DNS", async () => {
    const guarded = await createTestContext({ env: { FETCH_ALLOW_PRIVATE: "" } });
    try {
      const ws = await seedWorkspace(guarded, "Guarded");
      const a: Actor = { workspaceId: ws.workspaceId, userId: null, role: "owner", via: "cli", label: "t" };
      await expect(
        createWebhook(guarded, a, { url: `http://127.0.0.1:${port}/hook`, events: ["lead.replied"] }),
      ).rejects.toMatchObject({ code: "validation" });
      await expect(
        createWebhook(guarded, a, { url: "ftp://example.com/x", events: ["lead.replied"] }),
      ).rejects.toMatchObject({ code: "validation" });
      // A host name that resolves to loopback (as after DNS rebinding) is caught when delivering.
      const w = await createWebhook(guarded, a, {
        url: "https://hooks.example.com/x",
        events: ["lead.status_changed"],
      });
      await guarded.db
        .update(webhooks)
        .set({ url: `http://localhost:${port}/hook` })
        .where(eq(webhooks.id, w.id));
      const l = await createLead(guarded, a, { email: "x@guarded.example" });
      await setLeadStatus(guarded, a, [l.id], "converted");
      const before = got.length;
      expect(await deliverDueWebhooks(guarded)).toBe(1);
      expect(got.length).toBe(before);
      const [d] = await guarded.db.select().from(webhookDeliveries);
      expect(d!.lastError).toMatch(/private/);
    } finally {
      await guarded.close();
    }
  });
});
