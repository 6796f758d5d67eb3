import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { sequenceDashboard } from "../src/app/outreach/dashboard";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { previewSchedule } from "../src/app/preview/previewSchedule";
import { ChannelPool, createSenderAccount, updateSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence, getSequence, updateSequence } from "../src/app/outreach/sequences";
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { enrollments, messages } from "../src/db/schema";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace } from "./support/testApi";
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

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const addressOf = (header: string) => header.match(/<([^>]+)>/)?.[1] ?? header;

describe("several senders per sequence", () => {
  it("shares 30 leads over senders capped 2, 3 and 5: one sender per lead, caps per sender, threads kept, a paused sender's leads wait", async () => {
    const { actor } = await openAllDayWorkspace(ctx, "Rotation");
    // Every lead is at one company domain: lift the per-domain limit so only the senders' caps count.
    await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
    const caps = { a: 2, b: 3, c: 5 };
    const senders: Record<string, string> = {};
    for (const [name, cap] of Object.entries(caps)) {
      const s = await createSenderAccount(ctx, actor, {
        kind: "smtp",
        name: `Sender ${name}`,
        fromEmail: `${name}@rotation.example`,
        smtp: { host: "127.0.0.1", port: sink.port, secure: false },
        minGapSeconds: 0,
        jitterSeconds: 0,
      });
      await updateSenderAccount(ctx, actor, s.id, { dailyCap: cap });
      senders[name] = s.id;
    }
    const fromOf = new Map(Object.entries(senders).map(([name, id]) => [`${name}@rotation.example`, id]));
    const list = await createList(ctx, actor, { name: "Thirty" });
    for (let i = 0; i < 30; i++)
      await createLead(ctx, actor, {
        firstName: `P${i}`,
        email: `p${i}@prospects.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const run = await createRun(ctx, actor, { name: "Rotation", playKey: "builtin:email-only" });
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Rotation",
      listIds: [list.id],
      senderAccountIds: [senders.a!, senders.b!, senders.c!],
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hello {{first_name}}", body: "Hi" },
        { channel: "email", delayDays: 1, condition: "no_reply", body: "Following up" },
      ],
    });
    expect(seq.senderAccountIds).toEqual([senders.a, senders.b, senders.c]);
    expect(seq.senderAccountId).toBe(senders.a);
    await launchSequence(ctx, actor, seq.id);

    // Leads are shared in proportion to the caps.
    const enrolled = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, seq.id));
    const leadsOf = (id: string) => enrolled.filter((e) => e.senderAccountId === id).length;
    expect([leadsOf(senders.a!), leadsOf(senders.b!), leadsOf(senders.c!)]).toEqual([6, 9, 15]);
    // The preview shows a lead its own sender.
    const ofC = enrolled.find((e) => e.senderAccountId === senders.c)!;
    const preview = await previewSchedule(ctx, actor, seq.id, { leadId: ofC.leadId });
    expect(preview.sender).toMatchObject({ id: senders.c, fromEmail: "c@rotation.example", assigned: true });

    const pool = new ChannelPool(ctx);
    const start = ctx.clock.now().getTime();
    const runHours = async (hours: number) => {
      for (let h = 0; h < hours; h++) {
        await runSchedulerOnce(ctx, pool, 100);
        ctx.clock.advance(HOUR);
      }
    };
    const sentBy = (id: string) =>
      sink.received.filter((r) => fromOf.get(addressOf(r.headers.from ?? "")) === id).length;

    // Day one: each sender up to its cap, so the sequence sends 2 + 3 + 5.
    await runHours(24);
    expect(sink.received).toHaveLength(10);
    expect([sentBy(senders.a!), sentBy(senders.b!), sentBy(senders.c!)]).toEqual([2, 3, 5]);
    // The dashboard shows the volume per sender, in rotation order.
    const board = await sequenceDashboard(ctx, actor, seq.id);
    expect(
      board.senders.map((v) => [v.name, v.sentToday, v.capToday, v.sent, v.leads, v.inRotation]),
    ).toEqual([
      ["Sender a", 2, 2, 2, 6, true],
      ["Sender b", 3, 3, 3, 9, true],
      ["Sender c", 5, 5, 5, 15, true],
    ]);

    // Day two with sender c paused: its leads wait (active, due), the others keep sending.
    await updateSenderAccount(ctx, actor, senders.c!, { paused: "paused by a person for the test" });
    await runHours(24);
    expect(sink.received).toHaveLength(15);
    expect([sentBy(senders.a!), sentBy(senders.b!), sentBy(senders.c!)]).toEqual([4, 6, 5]);
    // All 15 of c's leads wait, due: 10 for their first email, 5 for the follow-up of day one's.
    const waiting = (
      await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, seq.id))
    ).filter((e) => e.senderAccountId === senders.c);
    const now = ctx.clock.now().getTime();
    expect(waiting.filter((e) => e.state === "active" && e.nextStepAt!.getTime() <= now)).toHaveLength(15);
    expect(waiting.map((e) => e.nextStepIndex).sort()).toEqual([...Array(10).fill(1), ...Array(5).fill(2)]);

    // Resumed, it sends again; run until every lead has both emails.
    await updateSenderAccount(ctx, actor, senders.c!, { paused: null });
    await runHours(24 * 8);
    expect(sink.received).toHaveLength(60);
    await pool.close();

    // Each lead's messages all come from its own sender, the follow-up in the first email's thread.
    const byLead = new Map<string, typeof sink.received>();
    for (const r of sink.received) byLead.set(r.to[0]!, [...(byLead.get(r.to[0]!) ?? []), r]);
    expect(byLead.size).toBe(30);
    const leadSender = new Map(enrolled.map((e) => [e.leadId, e.senderAccountId]));
    const sent = await ctx.db.select().from(messages).where(eq(messages.workspaceId, actor.workspaceId));
    for (const [to, got] of byLead) {
      expect(got).toHaveLength(2);
      const [first, followUp] = got;
      expect(addressOf(followUp!.headers.from!)).toBe(addressOf(first!.headers.from!));
      expect(followUp!.from).toBe(first!.from);
      expect(followUp!.headers["in-reply-to"]).toBe(first!.headers["message-id"]);
      expect(followUp!.headers.subject).toBe(`Re: ${first!.headers.subject}`);
      const leadId = sent.find((m) => m.toAddress === to)!.leadId;
      expect(fromOf.get(addressOf(first!.headers.from!))).toBe(leadSender.get(leadId));
    }

    // No sender ever went over its cap in any 24 hours.
    for (const [name, id] of Object.entries(senders)) {
      const times = sent
        .filter((m) => m.senderAccountId === id)
        .map((m) => m.claimedAt.getTime())
        .sort((x, y) => x - y);
      for (const t of times)
        expect(times.filter((u) => u > t - DAY && u <= t).length).toBeLessThanOrEqual(
          caps[name as keyof typeof caps],
        );
    }
    // Day one's volume is the sum of the caps.
    expect(sent.filter((m) => m.claimedAt.getTime() < start + DAY)).toHaveLength(10);
  });

  it("reads and writes the rotation: senderAccountId means one sender; an unknown id is refused by name", async () => {
    const { actor } = await openAllDayWorkspace(ctx, "Rotation API");
    const mk = (name: string) =>
      createSenderAccount(ctx, actor, { kind: "sandbox", name, fromEmail: `${name}@api.example` });
    const [x, y] = [await mk("x"), await mk("y")];
    const run = await createRun(ctx, actor, { name: "R", playKey: "builtin:email-only" });
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "S",
      listIds: [],
      senderAccountId: x.id,
    });
    expect(seq.senderAccountIds).toEqual([x.id]);
    const two = await updateSequence(ctx, actor, seq.id, { senderAccountIds: [y.id, x.id, y.id] });
    expect([two.senderAccountId, two.senderAccountIds]).toEqual([y.id, [y.id, x.id]]);
    const other = (await openAllDayWorkspace(ctx, "Elsewhere")).actor;
    const foreign = await createSenderAccount(ctx, other, {
      kind: "sandbox",
      name: "z",
      fromEmail: "z@api.example",
    });
    await expect(
      updateSequence(ctx, actor, seq.id, { senderAccountIds: [x.id, foreign.id] }),
    ).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining(foreign.id),
      details: { field: "senderAccountIds.1" },
    });
    expect((await getSequence(ctx, actor, seq.id)).senderAccountIds).toEqual([y.id, x.id]);
    const one = await updateSequence(ctx, actor, seq.id, { senderAccountId: x.id });
    expect(one.senderAccountIds).toEqual([x.id]);
  });
});
