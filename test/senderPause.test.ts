import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, updateSenderAccount } from "../src/app/outreach/senderAccounts";
import { enrollments, messages } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
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

const openAllDay = async (name: string) => (await openAllDayWorkspace(ctx, name)).actor;

describe("a paused sender", () => {
  it("sends nothing; its leads wait, due, without holding up other senders; resumed, it sends", async () => {
    const actor = await openAllDay("Pause");
    const launch = async (name: string, n: number) => {
      const list = await createList(ctx, actor, { name });
      for (let i = 0; i < n; i++)
        await createLead(ctx, actor, {
          firstName: `${name}${i}`,
          email: `${name}${i}@p.example`,
          timezone: "UTC",
          listId: list.id,
        });
      return launchEmailSequence(ctx, actor, {
        listId: list.id,
        smtpPort: sink.port,
        fromEmail: `${name}@pause.example`,
        name,
        steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
      });
    };
    // More paused leads than one claim batch, due first: they must not fill every batch.
    const paused = await launch("held", 6);
    await updateSenderAccount(ctx, actor, paused.senderId, {
      paused: "bounce rate 7% over the last 100 sends",
    });
    const other = await launch("free", 2);
    const pool = new ChannelPool(ctx);
    expect(await runSchedulerOnce(ctx, pool, 4)).toBe(2);
    expect(sink.received.map((r) => r.to[0]).sort()).toEqual(["free0@p.example", "free1@p.example"]);
    const held = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, paused.sequenceId));
    expect(held).toHaveLength(6);
    for (const e of held) {
      expect(e.state).toBe("active");
      expect(e.nextStepAt!.getTime()).toBeLessThanOrEqual(ctx.clock.now().getTime());
    }
    expect(
      (await ctx.db.select().from(messages).where(eq(messages.senderAccountId, paused.senderId))).length,
    ).toBe(0);

    await updateSenderAccount(ctx, actor, paused.senderId, { paused: null });
    expect(await runSchedulerOnce(ctx, pool, 4)).toBe(6);
    const sent = await ctx.db.select().from(messages).where(eq(messages.senderAccountId, paused.senderId));
    expect(sent.map((m) => [m.status, m.attempt])).toEqual(Array(6).fill(["sent", 1]));
    expect(other.senderId).not.toBe(paused.senderId);
    await pool.close();
  });

  it("a step scheduled again as attempt 2 is claimed as attempt 2, once; the next step starts at attempt 1", async () => {
    const actor = await openAllDay("Attempts");
    const list = await createList(ctx, actor, { name: "A" });
    const lead = await createLead(ctx, actor, {
      firstName: "Al",
      email: "al@p.example",
      timezone: "UTC",
      listId: list.id,
    });
    await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "att@pause.example",
      name: "att",
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" },
        { channel: "email", delayDays: 2, condition: "no_reply", body: "Bump" },
      ],
    });
    const pool = new ChannelPool(ctx);
    expect(await runSchedulerOnce(ctx, pool)).toBe(1);
    // What the temporary-bounce handling does: the same step again, as the next attempt, due now.
    await ctx.db
      .update(enrollments)
      .set({ lastStepIndex: null, nextStepIndex: 1, stepAttempt: 2, nextStepAt: ctx.clock.now() })
      .where(eq(enrollments.leadId, lead.id));
    expect(await runSchedulerOnce(ctx, pool)).toBe(1);
    const [after] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, lead.id));
    expect([after!.lastStepIndex, after!.nextStepIndex, after!.stepAttempt]).toEqual([1, 2, 1]);
    // Without a new attempt the step is never claimed again.
    await ctx.db
      .update(enrollments)
      .set({ lastStepIndex: null, nextStepIndex: 1, nextStepAt: ctx.clock.now() })
      .where(eq(enrollments.leadId, lead.id));
    expect(await runSchedulerOnce(ctx, pool)).toBe(0);
    const rows = await ctx.db.select().from(messages).where(eq(messages.leadId, lead.id));
    expect(rows.map((m) => [m.stepIndex, m.attempt, m.status]).sort()).toEqual([
      [1, 1, "sent"],
      [1, 2, "sent"],
    ]);
    const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, lead.id));
    expect(e!.state).toBe("paused");
    expect(e!.stateReason).toMatch(/already attempted/);
    await pool.close();
  });
});
