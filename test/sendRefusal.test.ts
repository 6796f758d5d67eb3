import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { leadTimeline } from "../src/app/leads/leadDetail";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { enrollments, inboundMessages, leads, messages, senderAccounts } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

/**
 * The sender's SMTP server refusing recipients at RCPT TO, with the replies real servers give: a
 * refusal is a bounce given at once, and the health guard acts on it within the batch.
 */
let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let unknown: Awaited<ReturnType<typeof startSmtpSink>>;
let blocked: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  // One send at a time, so "within the batch" is exact: the guard decides before the next send.
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z"), env: { SEND_IN_FLIGHT: "1" } });
  api = await testServer(ctx);
  unknown = await startSmtpSink({
    rejectRecipients: /^gone/,
    rejectWith: {
      code: 550,
      text: "5.1.1 <gone@x>: Recipient address rejected: User unknown in virtual mailbox table",
    },
  });
  blocked = await startSmtpSink({
    rejectRecipients: /./,
    rejectWith: {
      code: 554,
      text: "5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org",
    },
  });
});
afterAll(async () => {
  await api.close();
  await unknown.close();
  await blocked.close();
  await ctx.close();
});

async function setUp(name: string, emails: string[], smtpPort: number, limits: Record<string, number> = {}) {
  const { ws, actor } = await openAllDayWorkspace(ctx, name);
  // The guard judges after 3 sends: 3 refusals in a row are 100% bounces.
  const r = await api.call("PATCH", "/api/deliverability", {
    key: ws.apiKey,
    body: { healthMinSends: 3, healthWindowSends: 10, perDomainDailyLimit: 0, ...limits },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const list = await createList(ctx, actor, { name });
  for (const [i, email] of emails.entries())
    await createLead(ctx, actor, { firstName: `L${i}`, email, timezone: "UTC", listId: list.id });
  const { senderId, sequenceId } = await launchEmailSequence(ctx, actor, {
    listId: list.id,
    smtpPort,
    fromEmail: `me@${name.toLowerCase()}.com`,
    name,
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
    ],
  });
  return { ws, actor, senderId, sequenceId };
}

const messagesOf = (senderId: string) =>
  ctx.db.select().from(messages).where(eq(messages.senderAccountId, senderId));
const senderRow = async (id: string) =>
  (await ctx.db.select().from(senderAccounts).where(eq(senderAccounts.id, id)))[0]!;

describe("a refusal at send time", () => {
  it("is a bounce: the address is invalid, the lead bounced, the report is kept, and the batch stops at the guard", async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `gone${i}@unknown-co.com`);
    const { actor, senderId, sequenceId, ws } = await setUp("Unknown", emails, unknown.port);
    const pool = new ChannelPool(ctx);
    await runSchedulerOnce(ctx, pool);

    // Three refusals reach the guard's minimum: the sender pauses, and the other three are not tried.
    const attempted = (await messagesOf(senderId)).filter((m) => m.status === "failed");
    expect(attempted).toHaveLength(3);
    expect(attempted.every((m) => m.bounceClass === "permanent")).toBe(true);
    const s = await senderRow(senderId);
    expect(s.pausedReason).toMatch(/^Paused automatically: bounces reached 100\.0% of the last 3 sends/);
    const waiting = await ctx.db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.sequenceId, sequenceId), eq(enrollments.state, "active")));
    expect(waiting).toHaveLength(3);
    expect(waiting.every((e) => e.nextStepAt !== null)).toBe(true);

    // Each refused lead: invalid address, bounced, on its timeline with the server's words; in the inbox's reports.
    const refusedLead = attempted[0]!.leadId;
    const [lead] = await ctx.db.select().from(leads).where(eq(leads.id, refusedLead));
    expect([lead!.emailStatus, lead!.status]).toEqual(["invalid", "bounced"]);
    const timeline = await leadTimeline(ctx, actor, refusedLead);
    const bounce = timeline.find((e: { type: string }) => e.type === "bounced") as {
      data: Record<string, unknown>;
    };
    expect(bounce.data).toMatchObject({ class: "permanent", status: "5.1.1", reportingMta: "127.0.0.1" });
    expect(String(bounce.data.diagnostic)).toContain("User unknown in virtual mailbox table");
    const reports = await ctx.db
      .select()
      .from(inboundMessages)
      .where(and(eq(inboundMessages.workspaceId, ws.workspaceId), eq(inboundMessages.kind, "bounce")));
    expect(reports).toHaveLength(3);

    // Nothing more goes out until a person resumes it (a scheduler pass claims nothing of it) ...
    await runSchedulerOnce(ctx, pool);
    expect((await messagesOf(senderId)).filter((m) => m.status === "failed")).toHaveLength(3);
    // ... and resumed, its rate is still over the limit: the very next refusal pauses it again.
    const resumed = await api.call("PATCH", `/api/sender-accounts/${senderId}`, {
      key: ws.apiKey,
      body: { paused: null },
    });
    expect(resumed.status).toBe(200);
    await runSchedulerOnce(ctx, pool);
    expect((await messagesOf(senderId)).filter((m) => m.status === "failed")).toHaveLength(4);
    expect((await senderRow(senderId)).pausedAt).not.toBeNull();
    await pool.close();
  });

  it("of a blocklisted sender is a policy refusal: the addresses are kept, the sender pauses", async () => {
    const emails = Array.from({ length: 5 }, (_, i) => `ana${i}@fine-co.com`);
    const { senderId } = await setUp("Blocked", emails, blocked.port);
    const pool = new ChannelPool(ctx);
    await runSchedulerOnce(ctx, pool);
    await pool.close();
    const attempted = (await messagesOf(senderId)).filter((m) => m.status === "failed");
    expect(attempted.map((m) => m.bounceClass)).toEqual(["policy", "policy", "policy"]);
    const rows = await ctx.db.select().from(leads).where(eq(leads.email, "ana0@fine-co.com"));
    expect(rows[0]!.emailStatus).not.toBe("invalid");
    expect((await senderRow(senderId)).pausedReason).toMatch(/^Paused automatically: bounces/);
    expect(blocked.received).toHaveLength(0);
  });

  it("among good sends counts once per refusal, and a healthy rate keeps the sender going", async () => {
    const emails = ["gone-a@mixed-co.com", ...Array.from({ length: 9 }, (_, i) => `ok${i}@mixed-co.com`)];
    const before = unknown.received.length;
    // 1 in 10 is over the default 5%; with a limit of 20%, judged over at least 10 sends (so the
    // order the claim picks cannot make one refusal among the first three a 33% rate), it keeps going.
    const { senderId } = await setUp("Mixed", emails, unknown.port, {
      bouncePauseRate: 0.2,
      healthMinSends: 10,
    });
    const pool = new ChannelPool(ctx);
    await runSchedulerOnce(ctx, pool);
    await pool.close();
    expect(unknown.received.length - before).toBe(9);
    expect((await messagesOf(senderId)).filter((m) => m.status === "failed")).toHaveLength(1);
    expect((await senderRow(senderId)).pausedAt).toBeNull();
  });
});
