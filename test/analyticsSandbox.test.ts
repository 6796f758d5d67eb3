import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { leads, outreachEmails } from "../src/db/schema";
import { launchSandboxSequence } from "./support/emailSequence";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

// Issue 14, item 3: sends through the sandbox sender reached nobody, yet Analytics said "Delivered 100%".
let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let pool: ChannelPool;
let key = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") }); // Tuesday 10:00 UTC
  api = await testServer(ctx);
  pool = new ChannelPool(ctx);
  const ws = await seedWorkspace(ctx, "Sandbox stats");
  key = ws.apiKey;
  await call("PATCH", "/api/workspace", { timezone: "UTC" });
  const list = (await call("POST", "/api/lists", { name: "Rehearsal" })).json;
  for (const [firstName, email] of [
    ["Ada", "ada@a.test"],
    ["Bo", "bo@b.test"],
  ])
    await call("POST", "/api/leads", { firstName, email, listId: list.id });
  const actor: Actor = {
    workspaceId: ws.workspaceId,
    userId: ws.userId,
    role: "owner",
    via: "cli",
    label: "t",
  };
  await launchSandboxSequence(ctx, actor, {
    listId: list.id,
    fromEmail: "me@sandbox.test",
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hi {{first_name}}." },
    ],
  });
  while ((await runSchedulerOnce(ctx, pool)) > 0);
  // And one email sent by hand from the Emails page ("Approve & send") through the same sender.
  const [lead] = await ctx.db
    .insert(leads)
    .values({ workspaceId: ws.workspaceId, firstName: "Cy", email: "cy@c.test" })
    .returning();
  const [e] = await ctx.db
    .insert(outreachEmails)
    .values({ workspaceId: ws.workspaceId, leadId: lead!.id, subject: "A note", body: "Hi Cy." })
    .returning();
  expect((await call("POST", `/api/emails/${e!.id}/send`, {})).json).toMatchObject({ status: "sent" });
});
afterAll(async () => {
  await pool.close();
  await api.close();
  await ctx.close();
});

describe("analytics of sandbox sends", () => {
  it("counts emails through the sandbox sender as sent to the sandbox, not delivered", async () => {
    const a = (await call("GET", "/api/analytics")).json;
    expect(a.totals).toMatchObject({ sent: 3, sandboxed: 3, delivered: 0 });
    expect(a.totals.rates.delivered).toBe(0);
    expect(a.steps[0].counts).toMatchObject({ sent: 2, sandboxed: 2, delivered: 0 });
    expect(a.daily.find((d: { sent: number }) => d.sent > 0)).toMatchObject({ sent: 3, sandboxed: 3 });
    expect(a.senders).toEqual([expect.objectContaining({ name: "Sandbox", sandbox: true })]);
  });
});
