import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { recordInboundMessage } from "../src/app/outreach/inbound";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { unsubscribeLead } from "../src/app/outreach/unsubscribe";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, inboundMessages, messages } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let actor: Actor;
let key = "";
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let pool: ChannelPool;
let seqId = "";
const ids: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "Stats");
  key = ws.apiKey;
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London" });
  sink = await startSmtpSink();
  pool = new ChannelPool(ctx);
  const list = await createList(ctx, actor, { name: "Stats" });
  for (let i = 0; i < 5; i++)
    ids.push(
      (
        await createLead(ctx, actor, {
          firstName: `P${i}`,
          email: `p${i}@stats.example`,
          location: "London",
          listId: list.id,
        })
      ).id,
    );
  const s = await launchEmailSequence(ctx, actor, {
    listId: list.id,
    smtpPort: sink.port,
    fromEmail: "me@stats.test",
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi {{first_name}}", body: "Hello" },
      { channel: "email", delayDays: 1, condition: "no_reply", body: "Following up" },
    ],
  });
  seqId = s.sequenceId;
  await runSchedulerOnce(ctx, pool); // step 1 to all five on Monday
});
afterAll(async () => {
  await pool.close();
  await sink.close();
  await api.close();
  await ctx.close();
});

const enrollmentOf = async (leadId: string) =>
  (await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, leadId)))[0]!;

describe("analytics", () => {
  it("counts each outcome against its step and day, with rates and sender health", async () => {
    // Monday: P0 opens step 1 and replies "interested"; P1 bounces.
    await ctx.db
      .update(messages)
      .set({ firstOpenedAt: ctx.clock.now(), openCount: 1 })
      .where(eq(messages.leadId, ids[0]!));
    ctx.clock.advance(3_600_000);
    await recordInboundMessage(ctx, {
      workspaceId: actor.workspaceId,
      leadId: ids[0]!,
      enrollmentId: (await enrollmentOf(ids[0]!)).id,
      channel: "email",
      from: "p0@stats.example",
      subject: "Re: Hi P0",
      text: "Sounds interesting, let's talk.",
    });
    await ctx.db.insert(inboundMessages).values({
      workspaceId: actor.workspaceId,
      leadId: ids[1]!,
      enrollmentId: (await enrollmentOf(ids[1]!)).id,
      channel: "email",
      kind: "bounce",
      fromAddress: "MAILER-DAEMON@stats.example",
      subject: "Undelivered",
      receivedAt: ctx.clock.now(),
    });
    // Tuesday: step 2 goes to the three who neither replied nor bounced... and P2 unsubscribes after it.
    await ctx.db.update(enrollments).set({ state: "bounced" }).where(eq(enrollments.leadId, ids[1]!));
    ctx.clock.set("2026-03-10T10:00:00Z");
    await runSchedulerOnce(ctx, pool);
    ctx.clock.advance(60_000);
    await unsubscribeLead(ctx, actor.workspaceId, ids[2]!, "link");

    const r = await api.call("GET", `/api/analytics?sequenceId=${seqId}&days=30`, { key });
    expect(r.status).toBe(200);
    const t = r.json.totals;
    expect(t).toMatchObject({
      sent: 8,
      opened: 1,
      replied: 1,
      positive: 1,
      bounced: 1,
      unsubscribed: 1,
      delivered: 7,
    });
    expect(t.rates).toMatchObject({ opened: 12.5, replied: 12.5, bounced: 12.5, positive: 100 });
    const steps = r.json.steps.map((s: { stepIndex: number; counts: Record<string, number> }) => [
      s.stepIndex,
      s.counts.sent,
      s.counts.replied,
      s.counts.bounced,
      s.counts.unsubscribed,
    ]);
    expect(steps).toEqual([
      [1, 5, 1, 1, 0],
      [2, 3, 0, 0, 1],
    ]);
    expect(r.json.daily).toHaveLength(30);
    expect(r.json.daily.at(-1).day).toBe("2026-03-10");
    expect(
      r.json.daily
        .filter((d: { sent: number }) => d.sent)
        .map((d: { day: string; sent: number }) => [d.day, d.sent]),
    ).toEqual([
      ["2026-03-09", 5],
      ["2026-03-10", 3],
    ]);
    const [sender] = r.json.senders;
    expect(sender).toMatchObject({ sent: 8, bounced: 1, replied: 1, bounceRate: 12.5, warning: null });
    // Another run's filter sees nothing of this one.
    const none = await api.call("GET", `/api/analytics?runId=${"00000000-0000-4000-8000-000000000000"}`, {
      key,
    });
    expect(none.json.totals.sent).toBe(0);
  });

  it("warns about a sender whose bounce rate passes 5% over at least 20 sends", async () => {
    const [m] = await ctx.db.select().from(messages).where(eq(messages.leadId, ids[3]!));
    // 20 more sends recorded for this sender, with two more bounces: 3 of 28.
    for (let i = 0; i < 20; i++)
      await ctx.db.insert(messages).values({
        workspaceId: actor.workspaceId,
        enrollmentId: m!.enrollmentId,
        leadId: ids[3]!,
        senderAccountId: m!.senderAccountId,
        stepIndex: 100 + i,
        channel: "email",
        status: "sent",
        claimedAt: ctx.clock.now(),
        sentAt: ctx.clock.now(),
      });
    for (const leadId of [ids[3]!, ids[4]!])
      await ctx.db.insert(inboundMessages).values({
        workspaceId: actor.workspaceId,
        leadId,
        enrollmentId: (await enrollmentOf(leadId)).id,
        channel: "email",
        kind: "bounce",
        subject: "Undelivered",
        receivedAt: ctx.clock.now(),
      });
    const r = await api.call("GET", "/api/analytics", { key });
    const [sender] = r.json.senders;
    expect(sender.sent).toBe(28);
    expect(sender.bounced).toBe(3);
    expect(sender.warning).toMatch(/Bounce rate 10\.7% is above 5%/);
  });
});
