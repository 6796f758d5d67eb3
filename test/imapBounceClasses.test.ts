import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { pollInboxes } from "../src/app/outreach/pollInboxes";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, inboundMessages, leadEvents, leads, suppressions } from "../src/db/schema";
import { appendToInbox, dovecotPath, startDovecot } from "./support/dovecot";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

// Every bounce class end to end: real MTAs' reports (test/fixtures/mail, from sisimai's corpus)
// with the failed address swapped for a lead's, delivered to the sender's inbox on a real Dovecot,
// read by the inbox poller, and acted on.
const ci = process.env.CI === "true";
const real = (file: string, swap: Record<string, string>) =>
  Object.entries(swap).reduce(
    (raw, [from, to]) => raw.split(from).join(to),
    readFileSync(new URL(`./fixtures/mail/${file}`, import.meta.url), "latin1"),
  );

let ctx: TestContext;
let actor: Actor;
let imap: Awaited<ReturnType<typeof startDovecot>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const ids: Record<string, string> = {};
const who = ["gone", "full", "blocked", "noref", "angry", "fine"] as const;
const email = (k: string) => `${k}@prospect.example`;

describe.skipIf(!dovecotPath && !ci)("each bounce class read over IMAP", () => {
  beforeAll(async () => {
    ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") });
    imap = await startDovecot();
    sink = await startSmtpSink();
    const ws = await seedWorkspace(ctx, "Bounces");
    actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
    await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const list = await createList(ctx, actor, { name: "Bounce list" });
    for (const k of who)
      ids[k] = (
        await createLead(ctx, actor, { firstName: k, email: email(k), timezone: "UTC", listId: list.id })
      ).id;
    await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "me@overture.test",
      imap: { port: imap.port, password: imap.password },
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "Idea for {{first_name}}",
          body: "Hi",
        },
        { channel: "email", delayDays: 3, condition: "no_reply", body: "Bump" },
      ],
    });
    await runSchedulerOnce(ctx, new ChannelPool(ctx));
  });
  afterAll(async () => {
    await imap?.stop();
    await sink?.close();
    await ctx?.close();
  });

  const deliver = (raw: string) => appendToInbox(imap.port, "me@overture.test", imap.password, raw);
  const sentId = (k: string) => sink.received.find((r) => r.to[0] === email(k))!.headers["message-id"]!;
  const enrollment = async (k: string) =>
    (await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, ids[k]!)))[0]!;
  const lead = async (k: string) => (await ctx.db.select().from(leads).where(eq(leads.id, ids[k]!)))[0]!;
  const events = async (k: string) =>
    (await ctx.db.select().from(leadEvents).where(eq(leadEvents.leadId, ids[k]!))).map((e) => ({
      type: e.type,
      data: e.data,
    }));
  const inbound = async (k: string) =>
    (await ctx.db.select().from(inboundMessages).where(eq(inboundMessages.leadId, ids[k]!)))[0];

  it("permanent, mailbox full, policy, no references and a spam complaint each do what their class says", async () => {
    expect(sink.received).toHaveLength(who.length);
    // Permanent, with our Message-ID in the returned headers (Postfix wording).
    await deliver(
      [
        "From: Mail Delivery System <MAILER-DAEMON@mx.prospect.example>",
        "To: me@overture.test",
        "Subject: Undelivered Mail Returned to Sender",
        "Message-ID: <dsn-gone@mx.prospect.example>",
        "Auto-Submitted: auto-replied",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        "",
        "--B",
        "Content-Type: text/plain",
        "",
        "This is the mail system at host mx.prospect.example.",
        "",
        "--B",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.prospect.example",
        "",
        `Final-Recipient: rfc822; ${email("gone")}`,
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 <gone@prospect.example>: Recipient address rejected: User unknown",
        "",
        "--B",
        "Content-Type: text/rfc822-headers",
        "",
        `Message-ID: ${sentId("gone")}`,
        "From: me@overture.test",
        `To: ${email("gone")}`,
        "",
        "--B--",
        "",
      ].join("\r\n"),
    );
    // Mailbox full (GMX, 5.2.2): temporary.
    await deliver(real("lhost-gmx-01.eml", { "shironeko@example.jp": email("full") }));
    // Spam block (Barracuda, 5.7.1): policy.
    await deliver(real("lhost-barracuda-01.eml", { "kijitora@example.org": email("blocked") }));
    // OpenSMTPD's text bounce without any reference to our message: matched by its recipient.
    await deliver(
      real("lhost-opensmtpd-01.eml", { "apdugoaidugoaidugoaeiudggadi@gmail.com": email("noref") }),
    );
    // An ARF feedback report (RFC 5965).
    await deliver(real("arf-01.eml", { "redacted@example.net": email("angry") }));
    expect(await pollInboxes(ctx)).toBe(5);

    const gone = await lead("gone");
    expect([gone.status, gone.emailStatus, (await enrollment("gone")).state]).toEqual([
      "bounced",
      "invalid",
      "bounced",
    ]);
    expect(await inbound("gone")).toMatchObject({
      kind: "bounce",
      bounceClass: "permanent",
      matchedBy: "reference",
    });
    expect(await events("gone")).toContainEqual({
      type: "bounced",
      data: expect.objectContaining({
        class: "permanent",
        status: "5.1.1",
        reportingMta: "mx.prospect.example",
        summary: expect.stringContaining("The address is marked invalid"),
      }),
    });

    const full = await lead("full");
    expect(full.emailStatus).not.toBe("invalid");
    expect(await enrollment("full")).toMatchObject({ state: "active", nextStepIndex: 1, stepAttempt: 2 });
    expect((await enrollment("full")).nextStepAt!.getTime()).toBeGreaterThanOrEqual(
      Date.parse("2026-03-11T10:00:00Z"),
    );
    expect(await inbound("full")).toMatchObject({ bounceClass: "temporary", matchedBy: "recipient" });
    expect(await events("full")).toContainEqual({
      type: "soft_bounce",
      data: expect.objectContaining({
        class: "temporary",
        summary: expect.stringMatching(/could not be delivered for now: mailbox full.*The address was kept/),
      }),
    });

    const blocked = await lead("blocked");
    expect(blocked.emailStatus).not.toBe("invalid");
    expect((await enrollment("blocked")).state).toBe("paused");
    expect(await inbound("blocked")).toMatchObject({ bounceClass: "policy", bounceStatus: "5.7.1" });
    expect((await events("blocked")).map((e) => e.type)).toContain("bounce_refused");

    const noref = await lead("noref");
    expect([noref.emailStatus, (await enrollment("noref")).state]).toEqual(["invalid", "bounced"]);
    expect(await inbound("noref")).toMatchObject({ bounceClass: "permanent", matchedBy: "recipient" });

    const angry = await lead("angry");
    expect(angry.status).toBe("unsubscribed");
    expect((await enrollment("angry")).state).toBe("unsubscribed");
    expect(await inbound("angry")).toMatchObject({ kind: "complaint", bounceClass: "complaint" });
    const suppressed = await ctx.db
      .select()
      .from(suppressions)
      .where(and(eq(suppressions.workspaceId, actor.workspaceId), eq(suppressions.email, email("angry"))));
    expect(suppressed).toHaveLength(1);
    expect((await events("angry")).map((e) => e.type)).toContain("spam_complaint");

    // Nothing was read as a person's reply.
    expect((await enrollment("fine")).state).toBe("active");
    for (const k of who) expect((await events(k)).map((e) => e.type)).not.toContain("replied");
  });

  it("three days on, only the untouched lead gets its follow-up; the full mailbox was retried", async () => {
    ctx.clock.set("2026-03-13T11:00:00Z");
    await runSchedulerOnce(ctx, new ChannelPool(ctx));
    const later = sink.received.slice(who.length);
    expect(later.map((r) => r.to[0]).sort()).toEqual([email("fine"), email("full")]);
    // The full mailbox gets the first step again (its body), the untouched lead its follow-up.
    const retry = later.find((r) => r.to[0] === email("full"))!.raw;
    expect(retry).toMatch(/\bHi\b/);
    // It never arrived, so the retry is a first email again: its own subject, no thread to answer.
    expect(retry).not.toMatch(/^Subject: Re:/im);
    expect(retry).not.toMatch(/^In-Reply-To:/im);
    expect(later.find((r) => r.to[0] === email("fine"))!.raw).toMatch(/\bBump\b/);
  });
});
