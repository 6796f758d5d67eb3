import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, updateSenderAccount } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { inboundMessages, messages } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  ctx = await createTestContext();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await ctx?.close();
});

describe("GET /api/sender-accounts/{id}/deliverability", () => {
  it("counts what the SMTP server received per local day, bounces by class, complaints, replies and the ramp", async () => {
    ctx.clock.set("2026-05-10T21:30:00Z");
    const { ws, actor } = await openAllDayWorkspace(ctx, "Deliv");
    // 21:30 UTC is already 11 May in Tokyo: the sends belong to that day.
    await updateWorkspace(ctx, actor, { timezone: "Asia/Tokyo" });
    const list = await createList(ctx, actor, { name: "d" });
    for (let i = 0; i < 3; i++)
      await createLead(ctx, actor, {
        firstName: `L${i}`,
        email: `l${i}@d${i}.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const seq = await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "me@deliv.example",
      name: "Deliv",
      steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
    });
    await updateSenderAccount(ctx, actor, seq.senderId, {
      dailyCap: 30,
      rampUp: { startCap: 10, perDay: 5 },
    });
    const pool = new ChannelPool(ctx);
    for (let i = 0; i < 5 && sink.received.length < 3; i++) {
      await runSchedulerOnce(ctx, pool, 10);
      ctx.clock.set(new Date(ctx.clock.now().getTime() + 10 * 60_000).toISOString());
    }
    expect(sink.received).toHaveLength(3);
    const sent = await ctx.db.select().from(messages).where(eq(messages.workspaceId, ws.workspaceId));
    const at = new Date("2026-05-11T02:00:00Z"); // 11:00 in Tokyo
    await ctx.db
      .update(messages)
      .set({ bounceClass: "permanent", bouncedAt: at })
      .where(eq(messages.id, sent[0]!.id));
    await ctx.db
      .update(messages)
      .set({ bounceClass: "policy", bouncedAt: at })
      .where(eq(messages.id, sent[1]!.id));
    await ctx.db.update(messages).set({ complainedAt: at }).where(eq(messages.id, sent[1]!.id));
    await ctx.db.insert(inboundMessages).values({
      workspaceId: ws.workspaceId,
      leadId: sent[2]!.leadId,
      enrollmentId: sent[2]!.enrollmentId,
      channel: "email",
      kind: "human_reply",
      receivedAt: new Date("2026-05-12T01:00:00Z"),
    });
    ctx.clock.set("2026-05-12T03:00:00Z");
    const api = await testServer(ctx);
    const r = await api.call("GET", `/api/sender-accounts/${seq.senderId}/deliverability`, {
      key: ws.apiKey,
    });
    expect(r.status).toBe(200);
    const body = r.json as {
      timezone: string;
      days: {
        day: string;
        sent: number;
        bounced: Record<string, number>;
        complaints: number;
        replies: number;
      }[];
      totals: Record<string, number>;
      ramp: { todayCap: number; fullCapOn: string; curve: { cap: number }[] };
    };
    expect(body.timezone).toBe("Asia/Tokyo");
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1)!.day).toBe("2026-05-12");
    const may11 = body.days.find((d) => d.day === "2026-05-11")!;
    expect(may11).toMatchObject({
      sent: 3,
      bounced: { permanent: 1, policy: 1, temporary: 0 },
      complaints: 1,
    });
    expect(body.days.find((d) => d.day === "2026-05-12")!.replies).toBe(1);
    expect(body.totals).toEqual({ sent: 3, bounced: 2, complaints: 1, replies: 1 });
    // Created 10 May 21:30 UTC; two days on the cap is 10 + 2×5.
    expect(body.ramp.todayCap).toBe(15);
    expect(body.ramp.curve.map((c) => c.cap)).toEqual([10, 15, 20, 25, 30]);
    expect(body.ramp.fullCapOn).toBe("2026-05-15");

    const other = await openAllDayWorkspace(ctx, "Other");
    const leak = await api.call("GET", `/api/sender-accounts/${seq.senderId}/deliverability`, {
      key: other.ws.apiKey,
    });
    expect(leak.status).toBe(404);
    await api.close();
  });
});
