import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { previewSchedule } from "../src/app/preview/previewSchedule";
import { enrollments } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { createRun } from "../src/app/outreach/runs";
import { createSequence, updateSequence } from "../src/app/outreach/sequences";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  // Friday 25 December 2026, 11:00 in Berlin: Christmas Day, a public holiday in Germany.
  ctx = await createTestContext();
  ctx.clock.set("2026-12-25T10:00:00Z");
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await ctx?.close();
});

async function actorOf(name: string): Promise<Actor> {
  const ws = await seedWorkspace(ctx, name);
  return { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
}

async function germanLead(actor: Actor, name: string) {
  const list = await createList(ctx, actor, { name });
  const lead = await createLead(ctx, actor, {
    firstName: "Jana",
    email: `${name}@firma.example`,
    timezone: "Europe/Berlin",
    listId: list.id,
  });
  return { listId: list.id, leadId: lead.id };
}

const step = { channel: "email" as const, delayDays: 0, condition: "always" as const };

describe("a sequence's sending calendar", () => {
  it("sends nothing on a German lead's public holiday and goes on the next working day at 09:00", async () => {
    const actor = await actorOf("Calendar");
    const { listId, leadId } = await germanLead(actor, "jana");
    const { sequenceId } = await launchEmailSequence(ctx, actor, {
      listId,
      smtpPort: sink.port,
      fromEmail: "me@calendar.example",
      name: "Holidays",
      steps: [{ ...step, subject: "{Hi|Hello|Hey} {{first_name}}", body: "{Quick|Short} question" }],
      calendar: { sendDays: [1, 2, 3, 4, 5], skipHolidays: true },
    });
    const pool = new ChannelPool(ctx);
    expect(await runSchedulerOnce(ctx, pool, 10)).toBe(0);
    const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, sequenceId));
    // 25th and 26th are holidays, the 27th a Sunday: Monday 28 December, 09:00 in Berlin.
    expect(e!.nextStepAt!.toISOString()).toBe("2026-12-28T08:00:00.000Z");

    const preview = await previewSchedule(ctx, actor, sequenceId, { leadId });
    expect(preview.window).toMatchObject({ days: [1, 2, 3, 4, 5], skipHolidays: true });
    const rendered = preview.steps[0]!.message!;
    expect(preview.steps[0]).toMatchObject({
      status: "scheduled",
      at: new Date("2026-12-28T08:00:00Z"),
      reason: "moved from Fri 25 Dec: Christmas Day (DE); Sat 26 Dec: Boxing Day (DE)",
    });

    ctx.clock.set("2026-12-28T07:59:00Z");
    expect(await runSchedulerOnce(ctx, pool, 10)).toBe(0);
    ctx.clock.set("2026-12-28T08:00:00Z");
    expect(await runSchedulerOnce(ctx, pool, 10)).toBe(1);
    const got = sink.received.filter((r) => r.to[0] === "jana@firma.example");
    expect(got).toHaveLength(1);
    // What the Lab showed for this lead is what went out, variant included.
    expect(got[0]!.headers.subject).toBe(rendered.subject);
    expect(rendered.subject).toMatch(/^(Hi|Hello|Hey) Jana$/);
    expect(got[0]!.raw).toContain(rendered.body);
  });

  it("without the holiday setting, Christmas is an ordinary Friday", async () => {
    ctx.clock.set("2026-12-25T10:00:00Z");
    const actor = await actorOf("NoHolidays");
    const { listId } = await germanLead(actor, "otto");
    await launchEmailSequence(ctx, actor, {
      listId,
      smtpPort: sink.port,
      fromEmail: "me@noholidays.example",
      name: "Plain",
      steps: [{ ...step, subject: "Hi", body: "Hello" }],
      calendar: { sendDays: [1, 2, 3, 4, 5], skipHolidays: false },
    });
    expect(await runSchedulerOnce(ctx, new ChannelPool(ctx), 10)).toBe(1);
    expect(sink.received.some((r) => r.to[0] === "otto@firma.example")).toBe(true);
  });
});

describe("a calendar changed after launch", () => {
  it("holds a step already planned on a day the calendar now skips", async () => {
    ctx.clock.set("2026-12-24T16:30:00Z"); // Thursday 17:30 in Berlin: the step is planned for Friday 09:00
    const actor = await actorOf("Changed");
    const { listId } = await germanLead(actor, "karl");
    const { sequenceId } = await launchEmailSequence(ctx, actor, {
      listId,
      smtpPort: sink.port,
      fromEmail: "me@changed.example",
      name: "Changed",
      steps: [{ ...step, subject: "Hi", body: "Hello" }],
    });
    const [planned] = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, sequenceId));
    expect(planned!.nextStepAt!.toISOString()).toBe("2026-12-25T08:00:00.000Z");
    await updateSequence(ctx, actor, sequenceId, { skipHolidays: true });
    ctx.clock.set("2026-12-25T08:00:00Z");
    expect(await runSchedulerOnce(ctx, new ChannelPool(ctx), 10)).toBe(0);
    const [held] = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, sequenceId));
    expect(held!.nextStepAt!.toISOString()).toBe("2026-12-28T08:00:00.000Z");
    expect(sink.received.some((r) => r.to[0] === "karl@firma.example")).toBe(false);
  });
});

describe("the calendar through the API", () => {
  it("validates the days and hours, and the preview names the holiday that moves a step", async () => {
    ctx.clock.set("2026-12-24T16:30:00Z"); // Thursday 17:30 in Berlin, after hours
    const w = await seedWorkspace(ctx, "CalendarApi");
    const actor: Actor = {
      workspaceId: w.workspaceId,
      userId: w.userId,
      role: "owner",
      via: "cli",
      label: "t",
    };
    const run = await createRun(ctx, actor, { name: "R", playKey: "builtin:email-only" });
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "S",
      listIds: [],
      steps: [
        { ...step, subject: "{Hi|Hello}", body: "x" },
        { ...step, delayDays: 2, condition: "no_reply", subject: "", body: "y" },
      ],
    });
    const api = await testServer(ctx);
    try {
      const patch = (body: unknown) => api.call("PATCH", `/api/sequences/${seq.id}`, { key: w.apiKey, body });
      expect((await patch({ sendDays: [] })).status).toBe(400);
      expect((await patch({ sendDays: [7] })).status).toBe(400);
      const hours = await patch({ windowStart: "18:00" });
      expect(hours.status).toBe(400);
      expect(hours.json.error.message).toBe("the sending hours end (17:00) must be after they start (18:00)");
      const ok = await patch({ sendDays: [5, 1, 2, 3, 4, 1], skipHolidays: true, windowEnd: "16:00" });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({
        sendDays: [1, 2, 3, 4, 5],
        skipHolidays: true,
        windowStart: null,
        windowEnd: "16:00",
      });

      const p = await api.call(
        "GET",
        `/api/sequences/${seq.id}/preview?location=${encodeURIComponent("Berlin, Germany")}`,
        {
          key: w.apiKey,
        },
      );
      expect(p.status).toBe(200);
      expect(p.json.window).toEqual({
        start: "09:00",
        end: "16:00",
        skipWeekends: true,
        days: [1, 2, 3, 4, 5],
        skipHolidays: true,
      });
      expect(
        p.json.steps.map((s: { leadLocal: string; reason: string | null }) => [s.leadLocal, s.reason]),
      ).toEqual([
        [
          "2026-12-28T09:00+01:00 Mon",
          "moved from Fri 25 Dec: Christmas Day (DE); Sat 26 Dec: Boxing Day (DE)",
        ],
        ["2026-12-30T09:00+01:00 Wed", null],
      ]);
    } finally {
      await api.close();
    }
  });
});
