import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { recordInboundMessage } from "../src/app/outreach/inbound";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, updateSenderAccount } from "../src/app/outreach/senderAccounts";
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { auditEvents, enrollments, messages } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let api: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T08:00:00Z") });
  sink = await startSmtpSink();
  api = await testServer(ctx);
});
afterAll(async () => {
  await api?.close();
  await sink?.close();
  await ctx?.close();
});

const HOUR = 3_600_000;
const subjectOf = (raw: string) => raw.match(/^Subject: (.*)$/m)?.[1]?.trim() ?? "";
const toOf = (raw: string) => raw.match(/^To: .*?([\w.+-]+@[\w.-]+)/m)?.[1] ?? "";

describe("A/B variants of a step", () => {
  it("refuses variants that cannot be tested, naming the problem", async () => {
    const { ws } = await openAllDayWorkspace(ctx, "Variant rules");
    const run = await api.call("POST", "/api/runs", {
      key: ws.apiKey,
      body: { name: "R", playKey: "builtin:email-only" },
    });
    const step = (variants: unknown) => ({
      runId: run.json.id,
      name: "S",
      listIds: [],
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello", variants },
      ],
    });
    const cases: [unknown, string][] = [
      [[{ label: "A", weight: 1 }], "step 1: a step with variants needs at least two (A and B)"],
      [
        [
          { label: "A", weight: 1 },
          { label: "B", subject: "", body: "", weight: 1 },
        ],
        "step 1: variant B is the same as variant A; change its subject or body",
      ],
      [
        [
          { label: "A", weight: 1 },
          { label: "C", subject: "Other", weight: 1 },
        ],
        "step 1: variant 2 must be labelled B",
      ],
    ];
    for (const [variants, message] of cases) {
      const res = await api.call("POST", "/api/sequences", { key: ws.apiKey, body: step(variants) });
      expect(res.status).toBe(400);
      expect(res.json.error.message).toBe(message);
    }
    const bad = await api.call("POST", "/api/sequences", {
      key: ws.apiKey,
      body: step([
        { label: "A", weight: 0 },
        { label: "B", subject: "x", weight: 1 },
      ]),
    });
    expect(bad.status).toBe(400);
  });

  it("splits 300 leads by weight, sends each its variant, counts per variant what the SMTP server received, and the winner goes to the leads still waiting", async () => {
    const { ws, actor } = await openAllDayWorkspace(ctx, "Variants");
    await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
    const list = await createList(ctx, actor, { name: "Three hundred" });
    for (let i = 0; i < 300; i++)
      await createLead(ctx, actor, {
        firstName: `P${i}`,
        email: `p${i}@ab.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const { senderId, sequenceId } = await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "ab@sender.example",
      name: "AB",
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "Hello {{first_name}}",
          body: "A body",
          variants: [
            { label: "A", weight: 1 },
            { label: "B", subject: "Quick question, {{first_name}}", weight: 1 },
          ],
          autoWinner: true,
        },
        { channel: "email", delayDays: 3, condition: "no_reply", body: "Following up" },
      ],
    });
    // The first day the sender's cap holds 60 leads back: they are the ones a winner can still reach.
    await updateSenderAccount(ctx, actor, senderId, { dailyCap: 240 });
    const before = sink.received.length;
    await runSchedulerOnce(ctx, new ChannelPool(ctx));
    const day1 = sink.received.slice(before);
    expect(day1).toHaveLength(240);
    const bySubject = (r: { raw: string }) => (subjectOf(r.raw).startsWith("Quick question") ? "B" : "A");
    const sentB = day1.filter((r) => bySubject(r) === "B");
    // An even split of 240 leads: B's share within four standard deviations (±0.13) of a half.
    expect(sentB.length / 240).toBeGreaterThan(0.37);
    expect(sentB.length / 240).toBeLessThan(0.63);
    // Each message as received carries its variant's subject, and the recorded variant agrees.
    const rows = await ctx.db
      .select({ to: messages.toAddress, variant: messages.variant, subject: messages.subject })
      .from(messages)
      .where(eq(messages.senderAccountId, senderId));
    const recorded = new Map(rows.map((r) => [r.to, r.variant]));
    for (const r of day1) expect(recorded.get(toOf(r.raw))).toBe(bySubject(r));
    for (const r of sentB) expect(subjectOf(r.raw)).toMatch(/^Quick question, P\d+$/);
    // The schedule preview names each lead's variant and shows its subject, as it was sent.
    for (const r of [sentB[0]!, day1.find((x) => bySubject(x) === "A")!]) {
      const [lead] = await ctx.db
        .select({ leadId: messages.leadId })
        .from(messages)
        .where(eq(messages.toAddress, toOf(r.raw)));
      const preview = await api.call("GET", `/api/sequences/${sequenceId}/preview?leadId=${lead!.leadId}`, {
        key: ws.apiKey,
      });
      expect(preview.status).toBe(200);
      expect(preview.json.steps[0].message).toMatchObject({
        variant: bySubject(r),
        subject: subjectOf(r.raw),
      });
    }

    // Replies: 30 of B's leads, 8 of A's (one of them positive).
    const sentTo = (label: string) => day1.filter((r) => bySubject(r) === label).map((r) => toOf(r.raw));
    const enrolled = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, sequenceId));
    const leadByEmail = new Map<string, string>();
    for (const e of enrolled) {
      const [m] = await ctx.db.select().from(messages).where(eq(messages.enrollmentId, e.id));
      if (m?.toAddress) leadByEmail.set(m.toAddress, e.leadId);
    }
    ctx.clock.advance(2 * HOUR);
    const reply = async (to: string, text: string) => {
      const leadId = leadByEmail.get(to)!;
      await recordInboundMessage(ctx, {
        workspaceId: actor.workspaceId,
        leadId,
        enrollmentId: enrolled.find((e) => e.leadId === leadId)!.id,
        channel: "email",
        from: to,
        subject: "Re: your note",
        text,
      });
    };
    for (const to of sentTo("B").slice(0, 30)) await reply(to, "Thanks, tell me more about pricing.");
    for (const to of sentTo("A").slice(0, 8)) await reply(to, "Thanks, tell me more about pricing.");

    const report = await api.call("GET", `/api/sequences/${sequenceId}/variants`, { key: ws.apiKey });
    expect(report.status).toBe(200);
    const [step1] = report.json;
    expect(step1.stepIndex).toBe(1);
    const v = Object.fromEntries(step1.variants.map((x: { label: string }) => [x.label, x]));
    expect([v.A.sent, v.B.sent]).toEqual([240 - sentB.length, sentB.length]);
    expect([v.A.replied, v.B.replied]).toEqual([8, 30]);
    expect(step1.winner).toBeNull();
    // Both sides have 100+ sends and 30 vs 8 replies is far past p < 0.05.
    expect(step1.verdict.winner).toBe("B");
    expect(step1.verdict.pValue).toBeLessThan(0.001);

    // The next day: the scheduler runs the test first, and the 60 leads still waiting all get B.
    ctx.clock.advance(23 * HOUR);
    const before2 = sink.received.length;
    await runSchedulerOnce(ctx, new ChannelPool(ctx));
    const day2 = sink.received.slice(before2);
    expect(day2).toHaveLength(60);
    expect(day2.every((r) => bySubject(r) === "B")).toBe(true);
    const after = await api.call("GET", `/api/sequences/${sequenceId}/variants`, { key: ws.apiKey });
    expect(after.json[0].winner).toBe("B");
    expect(after.json[0].winnerReason).toMatch(/^B wins: reply rate/);
    const audit = await ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, actor.workspaceId),
          eq(auditEvents.action, "sequence.variant_winner_set"),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe("scheduler");

    // A person can take the winner back (the split resumes) and choose one by hand.
    const back = await api.call("PUT", `/api/sequences/${sequenceId}/steps/1/winner`, {
      key: ws.apiKey,
      body: { winner: null, autoWinner: false },
    });
    expect(back.status).toBe(200);
    expect([back.json.winner, back.json.autoWinner]).toEqual([null, false]);
    const pick = await api.call("PUT", `/api/sequences/${sequenceId}/steps/1/winner`, {
      key: ws.apiKey,
      body: { winner: "C" },
    });
    expect(pick.status).toBe(400);
    expect(pick.json.error.message).toBe("step 1 has no variant C");
  });
});
