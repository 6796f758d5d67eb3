import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { leadTimeline } from "../src/app/leads/leadDetail";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { previewSchedule } from "../src/app/preview/previewSchedule";
import { ChannelPool, createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence, getSequence, setSequenceSteps } from "../src/app/outreach/sequences";
import { enrollments, messages } from "../src/db/schema";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let api: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-02T10:00:00Z") });
  sink = await startSmtpSink();
  api = await testServer(ctx);
});
afterAll(async () => {
  await api?.close();
  await sink?.close();
  await ctx?.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("a branch on opened", () => {
  it("sends the yes path to the lead who opened (through the real pixel) and the no path to the one who did not, after 3 days", async () => {
    const { actor } = await openAllDayWorkspace(ctx, "Branches");
    const sender = await createSenderAccount(ctx, actor, {
      kind: "smtp",
      name: "Branch sender",
      fromEmail: "me@branches.example",
      smtp: { host: "127.0.0.1", port: sink.port, secure: false },
      minGapSeconds: 0,
      jitterSeconds: 0,
    });
    const list = await createList(ctx, actor, { name: "Two" });
    const ada = await createLead(ctx, actor, {
      firstName: "Ada",
      email: "ada@prospects.example",
      timezone: "UTC",
      listId: list.id,
    });
    const bob = await createLead(ctx, actor, {
      firstName: "Bob",
      email: "bob@other.example",
      timezone: "UTC",
      listId: list.id,
    });
    const run = await createRun(ctx, actor, { name: "Branches", playKey: "builtin:email-only" });
    const steps = [
      {
        channel: "email" as const,
        delayDays: 0,
        condition: "always" as const,
        subject: "Hello {{first_name}}",
        body: "Hi",
      },
      {
        channel: "email" as const,
        delayDays: 1,
        condition: "no_reply" as const,
        body: "Glad you looked",
        path: "yes" as const,
      },
      {
        channel: "email" as const,
        delayDays: 4,
        condition: "no_reply" as const,
        body: "In case you missed it",
        path: "no" as const,
      },
    ];
    // The steps and the branch must fit: a shared step after a path step is refused in words.
    await expect(
      createSequence(ctx, actor, {
        runId: run.id,
        name: "Wrong",
        listIds: [list.id],
        senderAccountId: sender.id,
        steps: [steps[1]!, steps[0]!],
        branch: { on: "opened", withinDays: 3 },
      }),
    ).rejects.toThrow("shared steps (no path) must all come before the yes and no steps");
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Branches",
      listIds: [list.id],
      senderAccountId: sender.id,
      trackOpens: true,
      steps,
      branch: { on: "opened", withinDays: 3 },
    });
    expect(seq.branch).toEqual({ on: "opened", withinDays: 3 });
    expect(seq.steps.map((s) => s.path)).toEqual([null, "yes", "no"]);
    await expect(setSequenceSteps(ctx, actor, seq.id, steps, null)).rejects.toThrow(
      "steps have a path (yes/no) but the sequence has no branch",
    );
    // Before launch the preview plans both paths, each step saying when it applies.
    const planned = await previewSchedule(ctx, actor, seq.id, { leadId: bob.id });
    expect(planned.steps.map((p) => [p.index, p.pathLabel, p.status])).toEqual([
      [1, null, "scheduled"],
      [2, "if opened", "scheduled"],
      [3, "if not opened", "scheduled"],
    ]);
    expect(planned.steps[2]!.at!.getTime() - planned.steps[1]!.at!.getTime()).toBe(3 * DAY);
    await launchSequence(ctx, actor, seq.id);

    const pool = new ChannelPool(ctx);
    const start = ctx.clock.now().getTime();
    const runHours = async (hours: number) => {
      for (let h = 0; h < hours; h++) {
        await runSchedulerOnce(ctx, pool, 100);
        ctx.clock.advance(HOUR);
      }
    };
    await runHours(6);
    expect(sink.received).toHaveLength(2);

    // Ada opens her first email: the real pixel from the message the SMTP server received.
    const adaMail = await simpleParser(sink.received.find((r) => r.to[0] === "ada@prospects.example")!.raw);
    const pixel = /<img src="http:\/\/127\.0\.0\.1:3000(\/t\/o\/[^"]+)"/.exec(adaMail.html as string)![1]!;
    expect((await api.call("GET", pixel)).status).toBe(200);
    const openedAt = ctx.clock.now().getTime();
    await runHours(1);
    // Ada's path is decided at once; her yes step still waits for its day.
    const byLead = async () =>
      new Map(
        (await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, seq.id))).map((e) => [
          e.leadId,
          e,
        ]),
      );
    let rows = await byLead();
    expect(rows.get(ada.id)!.branchPath).toBe("yes");
    expect(rows.get(bob.id)!.branchPath).toBeNull();
    expect(sink.received).toHaveLength(2);
    // Ada's preview: the No step is not for her; Bob's: both paths still planned.
    const adaPlan = await previewSchedule(ctx, actor, seq.id, { leadId: ada.id });
    expect(adaPlan.steps.map((p) => [p.index, p.status])).toEqual([
      [1, "sent"],
      [2, "scheduled"],
      [3, "not_scheduled"],
    ]);
    expect(adaPlan.steps[2]!.reason).toBe("the lead took the Yes path (if opened)");
    const bobPlan = await previewSchedule(ctx, actor, seq.id, { leadId: bob.id });
    expect(bobPlan.steps.map((p) => [p.index, p.status, p.pathLabel])).toEqual([
      [1, "sent", null],
      [2, "scheduled", "if opened"],
      [3, "scheduled", "if not opened"],
    ]);

    await runHours(24 * 7);
    await pool.close();
    rows = await byLead();
    expect(rows.get(ada.id)!.branchPath).toBe("yes");
    expect(rows.get(bob.id)!.branchPath).toBe("no");

    // What the SMTP server received: each lead its shared email and its own path's, nothing twice.
    const got = await Promise.all(
      sink.received.map(async (r) => ({ to: r.to[0], mail: await simpleParser(r.raw) })),
    );
    const bodiesTo = (to: string) =>
      got.filter((g) => g.to === to).map((g) => (g.mail.text ?? "").split("\n")[0]);
    expect(bodiesTo("ada@prospects.example")).toEqual(["Hi", "Glad you looked"]);
    expect(bodiesTo("bob@other.example")).toEqual(["Hi", "In case you missed it"]);
    const sent = await ctx.db.select().from(messages).where(eq(messages.workspaceId, actor.workspaceId));
    expect(
      sent.map((m) => `${m.leadId === ada.id ? "ada" : "bob"} ${m.stepIndex} ${m.status}`).sort(),
    ).toEqual(["ada 1 sent", "ada 2 sent", "bob 1 sent", "bob 3 sent"]);
    // Yes went on its day (one day after the shared step); no only after the 3 days, on day 4.
    const at = (lead: string, step: number) =>
      sent.find((m) => m.leadId === lead && m.stepIndex === step)!.sentAt!.getTime();
    expect(at(ada.id, 2) - start).toBeLessThan(2 * DAY);
    expect(at(bob.id, 3) - start).toBeGreaterThanOrEqual(3 * DAY);

    // The timeline says which path each took, and why.
    const taken = async (id: string) =>
      (await leadTimeline(ctx, actor, id)).filter((e: { type: string }) => e.type === "branch_taken");
    const adaTaken = await taken(ada.id);
    expect(adaTaken).toHaveLength(1);
    expect(adaTaken[0]).toMatchObject({
      data: { question: "opened", path: "yes", reason: "opened the email", sequenceId: seq.id },
    });
    expect(new Date(adaTaken[0]!.at).getTime() - openedAt).toBeLessThanOrEqual(HOUR);
    const bobTaken = await taken(bob.id);
    expect(bobTaken).toHaveLength(1);
    expect(bobTaken[0]).toMatchObject({
      data: { question: "opened", path: "no", reason: "did not open the email within 3 days" },
    });
    expect((await getSequence(ctx, actor, seq.id)).branch).toEqual({ on: "opened", withinDays: 3 });
  });
});
