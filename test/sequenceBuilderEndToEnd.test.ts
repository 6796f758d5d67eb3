import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, createSenderAccount, updateSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { variantReport } from "../src/app/outreach/stepVariantReport";
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { enrollments, messages } from "../src/db/schema";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let api: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-02T06:00:00Z") });
  sink = await startSmtpSink();
  api = await testServer(ctx);
});
afterAll(async () => {
  await api?.close();
  await sink?.close();
  await ctx?.close();
});

const HOUR = 3_600_000;

/**
 * The "done when": three senders, an A/B first step and a branch on "opened", against a real
 * SMTP server with time injected. Opens go through the real pixel of the message as received.
 */
describe("three senders, an A/B step and a branch on opened, end to end", () => {
  it("keeps each lead with its sender, holds every cap, takes the branch the opens say and counts the variants as received", async () => {
    const { actor } = await openAllDayWorkspace(ctx, "Builder");
    await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
    const caps: Record<string, number> = { one: 10, two: 10, three: 20 };
    const senderIds: string[] = [];
    for (const [name, cap] of Object.entries(caps)) {
      const s = await createSenderAccount(ctx, actor, {
        kind: "smtp",
        name,
        fromEmail: `${name}@builder.example`,
        smtp: { host: "127.0.0.1", port: sink.port, secure: false },
        minGapSeconds: 0,
        jitterSeconds: 0,
      });
      await updateSenderAccount(ctx, actor, s.id, { dailyCap: cap });
      senderIds.push(s.id);
    }
    const list = await createList(ctx, actor, { name: "Sixty" });
    for (let i = 0; i < 60; i++)
      await createLead(ctx, actor, {
        firstName: `P${i}`,
        email: `p${i}@leads.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const run = await createRun(ctx, actor, { name: "Builder", playKey: "builtin:email-only" });
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Builder",
      listIds: [list.id],
      senderAccountIds: senderIds,
      trackOpens: true,
      branch: { on: "opened", withinDays: 2 },
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "Hello {{first_name}}",
          body: "First note",
          variants: [
            { label: "A", weight: 1 },
            { label: "B", subject: "Question for {{first_name}}", weight: 1 },
          ],
        },
        { channel: "email", delayDays: 1, condition: "no_reply", body: "Glad you read it", path: "yes" },
        { channel: "email", delayDays: 3, condition: "no_reply", body: "In case it got buried", path: "no" },
      ],
    });
    await launchSequence(ctx, actor, seq.id);

    const pool = new ChannelPool(ctx);
    const opened = new Set<string>();
    const parsed = new Map<number, Awaited<ReturnType<typeof simpleParser>>>();
    // When each message reached the SMTP server, on the injected clock.
    const arrived = new Map<number, number>();
    // Eight days, hour by hour. Every third lead opens its first email two hours after it arrives.
    for (let h = 0; h < 8 * 24; h++) {
      await runSchedulerOnce(ctx, pool, 100);
      for (const [n, r] of sink.received.entries()) {
        if (!parsed.has(n)) {
          parsed.set(n, await simpleParser(r.raw));
          arrived.set(n, ctx.clock.now().getTime());
        }
        const mail = parsed.get(n)!;
        const to = r.to[0]!;
        const lead = Number(/^p(\d+)@/.exec(to)![1]);
        const first = !mail.inReplyTo;
        if (!first || lead % 3 !== 0 || opened.has(to)) continue;
        if (ctx.clock.now().getTime() - arrived.get(n)! < 2 * HOUR) continue;
        const pixel = /<img src="http:\/\/127\.0\.0\.1:3000(\/t\/o\/[^"]+)"/.exec(mail.html as string)![1]!;
        expect((await api.call("GET", pixel)).status).toBe(200);
        opened.add(to);
      }
      ctx.clock.advance(HOUR);
    }
    expect(opened.size).toBe(20);

    // Every lead got exactly two emails: the first, then its path's step, from one sender in one thread.
    const byLead = new Map<string, { from: string; body: string; subject: string; inReplyTo?: string }[]>();
    for (const mail of parsed.values()) {
      const to = (mail.to as { value: { address: string }[] }).value[0]!.address;
      byLead.set(to, [
        ...(byLead.get(to) ?? []),
        {
          from: mail.from!.value[0]!.address!,
          body: mail.text!,
          subject: mail.subject!,
          inReplyTo: mail.inReplyTo,
        },
      ]);
    }
    expect(byLead.size).toBe(60);
    for (const [to, mails] of byLead) {
      expect(mails).toHaveLength(2);
      expect(mails[1]!.from).toBe(mails[0]!.from);
      expect(mails[1]!.inReplyTo).toBeTruthy();
      expect(mails[1]!.body).toContain(opened.has(to) ? "Glad you read it" : "In case it got buried");
    }
    // Leads shared by cap (10:10:20 → 15:15:30), and no sender over its cap in any 24 hours.
    const sent = await ctx.db.select().from(messages).where(eq(messages.workspaceId, actor.workspaceId));
    for (const [i, id] of senderIds.entries()) {
      const own = sent.filter((m) => m.senderAccountId === id).map((m) => m.sentAt!.getTime());
      expect(own).toHaveLength([15, 15, 30][i]! * 2);
      for (const t of own)
        expect(own.filter((x) => x > t - 24 * HOUR && x <= t).length).toBeLessThanOrEqual(
          Object.values(caps)[i]!,
        );
    }
    const rows = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, seq.id));
    expect(rows.filter((e) => e.branchPath === "yes")).toHaveLength(20);
    expect(rows.filter((e) => e.branchPath === "no")).toHaveLength(40);

    // The A/B split, and the report's counts equal what the SMTP server received.
    const firsts = [...byLead.values()].map((m) => m[0]!);
    const gotB = firsts.filter((m) => m.subject.startsWith("Question for")).length;
    expect(gotB).toBeGreaterThanOrEqual(18);
    expect(gotB).toBeLessThanOrEqual(42);
    const [ab] = await variantReport(ctx, actor, seq.id);
    const count = (l: string) => ab!.variants.find((v) => v.label === l)!;
    expect([count("A").sent, count("B").sent]).toEqual([60 - gotB, gotB]);
    const openedB = [...byLead.entries()].filter(
      ([to, m]) => opened.has(to) && m[0]!.subject.startsWith("Question for"),
    ).length;
    expect([count("A").opened, count("B").opened]).toEqual([20 - openedB, openedB]);
  });
});
