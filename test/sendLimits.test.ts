import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { enrollments, leads, listMembers } from "../src/db/schema";
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

/** A workspace, a list of leads at the given addresses and a one-email sequence launched on them. */
async function launched(name: string, emails: string[]) {
  const { ws, actor } = await openAllDayWorkspace(ctx, name);
  const list = await createList(ctx, actor, { name });
  const rows = await ctx.db
    .insert(leads)
    .values(
      emails.map((email, i) => ({ workspaceId: ws.workspaceId, firstName: `P${i}`, email, timezone: "UTC" })),
    )
    .returning({ id: leads.id });
  await ctx.db
    .insert(listMembers)
    .values(rows.map((l) => ({ listId: list.id, leadId: l.id, workspaceId: ws.workspaceId })));
  const seq = await launchEmailSequence(ctx, actor, {
    listId: list.id,
    smtpPort: sink.port,
    fromEmail: `s@${name.toLowerCase().replace(/\W+/g, "")}.example`,
    dailyCap: 1000,
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi {{first_name}}", body: "Hello" },
    ],
  });
  return { actor, seq };
}

const pass = async () => {
  const pool = new ChannelPool(ctx);
  try {
    return await runSchedulerOnce(ctx, pool);
  } finally {
    await pool.close();
  }
};
const receivedFor = (re: RegExp) => sink.received.filter((r) => re.test(r.to[0]!)).length;

describe("volume guards: per recipient domain and per workspace, over 24 hours", () => {
  it("sends at most 20 a day to one company domain, counts free mail apart, and sends the rest the next day", async () => {
    const emails = [
      ...Array.from({ length: 25 }, (_, i) => `a${i}@acme-limits.example`),
      ...Array.from({ length: 3 }, (_, i) => `b${i}@beta-limits.example`),
      ...Array.from({ length: 23 }, (_, i) => `limits.person${i}@gmail.com`),
    ];
    const { seq } = await launched("Domain limits", emails);
    await pass();
    expect(receivedFor(/@acme-limits\.example$/)).toBe(20);
    expect(receivedFor(/@beta-limits\.example$/)).toBe(3);
    expect(receivedFor(/^limits\.person\d+@gmail\.com$/)).toBe(23);
    const waiting = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, seq.sequenceId));
    const held = waiting.filter((e) => e.stateReason?.includes("acme-limits.example"));
    expect(held).toHaveLength(5);
    expect(held[0]!.stateReason).toMatch(/20 emails went to acme-limits\.example in the last 24 hours/);
    expect(held.every((e) => e.state === "active")).toBe(true);

    // Another pass the same hour sends nothing more there; a day later the rest goes.
    ctx.clock.advance(60 * 60_000);
    await pass();
    expect(receivedFor(/@acme-limits\.example$/)).toBe(20);
    ctx.clock.advance(24 * 60 * 60_000);
    await pass();
    expect(receivedFor(/@acme-limits\.example$/)).toBe(25);
  });

  it("stops the whole workspace at its daily limit when one is set", async () => {
    const emails = Array.from({ length: 12 }, (_, i) => `w${i}@ws-limit-${i}.example`);
    const { actor } = await launched("Workspace limit", emails);
    await updateDeliverabilitySettings(ctx, actor, { workspaceDailyLimit: 8 });
    await pass();
    expect(receivedFor(/@ws-limit-\d+\.example$/)).toBe(8);
    ctx.clock.advance(25 * 60 * 60_000);
    await pass();
    expect(receivedFor(/@ws-limit-\d+\.example$/)).toBe(12);
  });
});
