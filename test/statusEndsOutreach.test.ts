import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { enrollments, leadEvents, messages } from "../src/db/schema";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let pool: ChannelPool;
let key = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });
const lead: Record<string, string> = {};
let seqId = "";

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") }); // Tuesday 10:00 UTC
  api = await testServer(ctx);
  pool = new ChannelPool(ctx);
  key = (await seedWorkspace(ctx, "Ends")).apiKey;
  await call("PATCH", "/api/workspace", { timezone: "UTC" });
  const list = (await call("POST", "/api/lists", { name: "Ends list" })).json;
  for (const [k, body] of Object.entries({
    conv: { firstName: "Cora", email: "cora@a.test" },
    repl: { firstName: "Rex", email: "rex@b.test" },
    keep: { firstName: "Kim", email: "kim@c.test" },
    li: { firstName: "Lou", linkedinUrl: "linkedin.com/in/lou-li" },
  }))
    lead[k] = (await call("POST", "/api/leads", { ...body, listId: list.id })).json.id;
  const sender = (
    await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "Sandbox",
      fromEmail: "me@sandbox.test",
      minGapSeconds: 0,
      jitterSeconds: 0,
    })
  ).json;
  const run = (await call("POST", "/api/runs", { name: "Ends", playKey: "builtin:email-only" })).json;
  seqId = (
    await call("POST", "/api/sequences", {
      runId: run.id,
      name: "Ends",
      listIds: [list.id],
      senderAccountId: sender.id,
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "Hi",
          body: "Hi {{first_name}}, an idea.",
        },
        { channel: "linkedin_invite", delayDays: 0, condition: "always", body: "Hi {{first_name}}" },
        { channel: "email", delayDays: 2, condition: "no_reply", body: "Hi {{first_name}}, following up." },
      ],
    })
  ).json.id;
  const launched = await call("POST", `/api/sequences/${seqId}/launch`);
  expect(launched.json).toMatchObject({ active: 4 });
  while ((await runSchedulerOnce(ctx, pool)) > 0);
});
afterAll(async () => {
  await pool.close();
  await api.close();
  await ctx.close();
});

const enr = async (id: string) =>
  (await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, id)))[0]!;

describe("a status that ends outreach", () => {
  it("stops the lead's enrollment with a timeline event, from the lead page and from the Pipeline's bulk move", async () => {
    expect((await enr(lead.conv!)).state).toBe("active");
    expect((await call("PATCH", `/api/leads/${lead.conv}`, { status: "converted" })).status).toBe(200);
    const bulk = await call("POST", "/api/leads/bulk", {
      action: "set_status",
      ids: [lead.repl],
      status: "replied",
    });
    expect(bulk.status).toBe(200);
    expect(await enr(lead.conv!)).toMatchObject({ state: "completed", nextStepAt: null });
    expect((await enr(lead.conv!)).stateReason).toMatch(/lead marked Converted/);
    expect(await enr(lead.repl!)).toMatchObject({ state: "replied", nextStepAt: null });
    expect((await enr(lead.keep!)).state).toBe("active");
    const events = await ctx.db.select().from(leadEvents).where(eq(leadEvents.leadId, lead.conv!));
    expect(events.map((e) => e.type)).toContain("outreach_stopped");
    const timeline = (await call("GET", `/api/leads/${lead.conv}/timeline`)).json;
    expect(JSON.stringify(timeline)).toContain("outreach_stopped");

    ctx.clock.advance(3 * 86_400_000);
    while ((await runSchedulerOnce(ctx, pool)) > 0);
    const followUps = (await ctx.db.select().from(messages)).filter((m) => m.stepIndex === 3);
    expect(followUps.map((m) => m.leadId)).toEqual([lead.keep]);
  });

  it("funnel stages count what they say", async () => {
    const p = (await call("GET", "/api/pipeline")).json;
    const stage = (k: string) => p.funnel.find((f: { key: string }) => f.key === k).count;
    expect(stage("total")).toBe(4);
    expect(stage("audited")).toBe(0); // nobody was audited, though two leads are past "Audited"
    expect(stage("opened")).toBe(0); // no email was opened
    expect(stage("email_sent")).toBe(3); // Lou got only a LinkedIn invite
    expect(stage("replied")).toBe(2);
  });

  it("LinkedIn steps without a LinkedIn account are sent to the sandbox, not delivered", async () => {
    const a = (await call("GET", "/api/analytics")).json;
    const invites = a.steps.find((s: { stepIndex: number }) => s.stepIndex === 2).counts;
    expect(invites).toMatchObject({ sent: 1, sandboxed: 1, delivered: 0 }); // Lou, the one lead on LinkedIn
    expect(invites.rates.delivered).toBe(0);
    // The emails went through the sandbox sender: they reached nobody either.
    expect(a.totals).toMatchObject({ sandboxed: a.totals.sent, delivered: 0 });
  });
});
