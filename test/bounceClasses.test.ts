import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, inboundMessages, leadEvents, leads, messages, suppressions } from "../src/db/schema";
import { launchSandboxSequence } from "./support/emailSequence";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
});
afterAll(async () => {
  await api?.close();
  await ctx?.close();
});

const kinds = ["user_unknown", "mailbox_full", "policy", "no_reference", "complaint"] as const;

/** A sandbox sequence of two emails sent to one lead per report kind; returns the sent messages. */
async function sentToEveryKind() {
  const ws = await seedWorkspace(ctx, "Bounces");
  const actor: Actor = {
    workspaceId: ws.workspaceId,
    userId: ws.userId,
    role: "owner",
    via: "cli",
    label: "t",
  };
  await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
  const list = await createList(ctx, actor, { name: "B" });
  for (const k of kinds)
    await createLead(ctx, actor, { firstName: k, email: `${k}@b.example`, timezone: "UTC", listId: list.id });
  const sender = await launchSandboxSequence(ctx, actor, {
    listId: list.id,
    fromEmail: "me@sender.example",
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hello", body: "Hello there" },
      { channel: "email", delayDays: 3, condition: "no_reply", body: "Following up" },
    ],
  });
  const pool = new ChannelPool(ctx);
  expect(await runSchedulerOnce(ctx, pool)).toBe(kinds.length);
  await pool.close();
  const sent = await ctx.db.select().from(messages).where(eq(messages.workspaceId, ws.workspaceId));
  const byKind = Object.fromEntries(
    kinds.map((k) => [k, sent.find((m) => m.toAddress === `${k}@b.example`)!]),
  );
  return { ws, sender, byKind };
}

async function leadState(leadId: string) {
  const [lead] = await ctx.db.select().from(leads).where(eq(leads.id, leadId));
  const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, leadId));
  const events = await ctx.db.select().from(leadEvents).where(eq(leadEvents.leadId, leadId));
  return { lead: lead!, enrollment: e!, events };
}

describe("delivery reports received in the sandbox, read like mail from an inbox", () => {
  it("each class does what it says: invalid address, retry, pause for a person, matched by recipient, unsubscribe and suppress", async () => {
    const { ws, sender, byKind } = await sentToEveryKind();
    const results: Record<string, { kind: string; matchedBy: string | null }> = {};
    for (const k of kinds) {
      const r = await api.call("POST", `/api/sandbox/messages/${byKind[k]!.id}/report`, {
        key: ws.apiKey,
        body: { kind: k },
      });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      results[k] = r.json;
    }

    // User unknown: the address is invalid, the lead Bounced, the sequence stopped.
    const unknown = await leadState(byKind.user_unknown!.leadId);
    expect([unknown.lead.emailStatus, unknown.lead.status, unknown.enrollment.state]).toEqual([
      "invalid",
      "bounced",
      "bounced",
    ]);
    const bounced = unknown.events.find((e) => e.type === "bounced");
    expect((bounced?.data as { status: string }).status).toBe("5.1.1");
    expect((bounced?.data as { summary: string }).summary).toMatch(
      /bounced: .*\(5\.1\.1, reported by mx\.sandbox\.invalid\)\. The address is marked invalid and every sequence stopped/,
    );

    // Mailbox full (5.2.2): the address stays, the step is tried again later, the sequence goes on.
    const full = await leadState(byKind.mailbox_full!.leadId);
    expect(full.lead.emailStatus).not.toBe("invalid");
    expect(full.lead.status).not.toBe("bounced");
    expect(full.enrollment.state).toBe("active");
    expect([full.enrollment.nextStepIndex, full.enrollment.stepAttempt]).toEqual([1, 2]);
    expect(full.enrollment.nextStepAt!.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
    expect(full.events.some((e) => e.type === "soft_bounce")).toBe(true);

    // Policy (5.7.1): the address stays valid; the enrollment waits for a person.
    const policy = await leadState(byKind.policy!.leadId);
    expect(policy.lead.emailStatus).not.toBe("invalid");
    expect(policy.enrollment.state).toBe("paused");
    expect(policy.events.some((e) => e.type === "bounce_refused")).toBe(true);

    // No reference to our message: matched by the failed recipient, and applied as a permanent failure.
    expect(results.no_reference!.matchedBy).toBe("recipient");
    const noRef = await leadState(byKind.no_reference!.leadId);
    expect([noRef.lead.emailStatus, noRef.enrollment.state]).toEqual(["invalid", "bounced"]);

    // Complaint (ARF): unsubscribed and suppressed workspace-wide, never read as a reply.
    expect(results.complaint!.kind).toBe("complaint");
    const complaint = await leadState(byKind.complaint!.leadId);
    expect([complaint.lead.status, complaint.enrollment.state]).toEqual(["unsubscribed", "unsubscribed"]);
    const supp = await ctx.db.select().from(suppressions).where(eq(suppressions.workspaceId, ws.workspaceId));
    expect(supp.map((s) => s.email)).toEqual(["complaint@b.example"]);

    // None of them is a reply in the inbox.
    const inbound = await ctx.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.workspaceId, ws.workspaceId));
    expect(inbound.filter((i) => i.kind === "human_reply" || i.kind === "auto_reply")).toEqual([]);

    // The sender's health counts permanent + policy bounces and the complaint.
    const health = await api.call("GET", "/api/sender-accounts/health", { key: ws.apiKey });
    expect(health.status).toBe(200);
    const h = health.json.senders.find(
      (s: { senderAccountId: string }) => s.senderAccountId === sender.senderId,
    );
    expect([h.sends, h.bounces, h.complaints]).toEqual([5, 3, 1]);
    expect(h.bounceRate).toBeCloseTo(0.6);
  });

  it("a report for a non-sandbox or unknown message is refused with a 4xx naming the problem", async () => {
    const ws = await seedWorkspace(ctx, "Refused");
    const r = await api.call("POST", `/api/sandbox/messages/00000000-0000-4000-8000-000000000000/report`, {
      key: ws.apiKey,
      body: { kind: "policy" },
    });
    expect(r.status).toBe(404);
    const bad = await api.call("POST", `/api/sandbox/messages/00000000-0000-4000-8000-000000000000/report`, {
      key: ws.apiKey,
      body: { kind: "lost_in_space" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("the limits and the unmatched view", () => {
  it("limits are changed by admins only and checked whole; unmatched mail is listed", async () => {
    const ws = await seedWorkspace(ctx, "Limits");
    const member: Actor = {
      workspaceId: ws.workspaceId,
      userId: ws.userId,
      role: "member",
      via: "cli",
      label: "m",
    };
    await expect(updateDeliverabilitySettings(ctx, member, { bouncePauseRate: 0.1 })).rejects.toThrow(
      /only owners and admins/,
    );
    const before = await api.call("GET", "/api/deliverability", { key: ws.apiKey });
    expect(before.json.bouncePauseRate).toBe(0.05);
    const empty = await api.call("PATCH", "/api/deliverability", { key: ws.apiKey, body: {} });
    expect(empty.status).toBe(400);
    const wrong = await api.call("PATCH", "/api/deliverability", {
      key: ws.apiKey,
      body: { healthMinSends: 500, healthWindowSends: 100 },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.json)).toMatch(/healthMinSends/);
    const ok = await api.call("PATCH", "/api/deliverability", {
      key: ws.apiKey,
      body: { bouncePauseRate: 0.08 },
    });
    expect([ok.status, ok.json.bouncePauseRate, ok.json.complaintPauseRate]).toEqual([200, 0.08, 0.003]);

    await ctx.db.insert(inboundMessages).values({
      workspaceId: ws.workspaceId,
      channel: "email",
      kind: "human_reply",
      fromAddress: "stranger@elsewhere.example",
      subject: "Who is this?",
      text: "We have not met.",
      messageId: "<stranger-1@elsewhere.example>",
      receivedAt: ctx.clock.now(),
    });
    const unmatched = await api.call("GET", "/api/inbox/unmatched", { key: ws.apiKey });
    expect(unmatched.status).toBe(200);
    expect(unmatched.json.map((m: { subject: string }) => m.subject)).toEqual(["Who is this?"]);
    const other = await seedWorkspace(ctx, "Other");
    expect((await api.call("GET", "/api/inbox/unmatched", { key: other.apiKey })).json).toEqual([]);
  });
});
