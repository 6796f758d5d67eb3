import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { pollInboxes } from "../src/app/outreach/pollInboxes";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, leads } from "../src/db/schema";
import { appendToInbox, dovecotPath, startDovecot } from "./support/dovecot";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

const ci = process.env.CI === "true";
let ctx: TestContext;
let actor: Actor;
let imap: Awaited<ReturnType<typeof startDovecot>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const ids: Record<string, string> = {};

const deliverToInbox = (raw: string) => appendToInbox(imap.port, "me@overture.test", imap.password, raw);

describe.skipIf(!dovecotPath && !ci)("replies, out-of-office and bounces read over IMAP", () => {
  beforeAll(async () => {
    ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") });
    imap = await startDovecot();
    sink = await startSmtpSink();
    const ws = await seedWorkspace(ctx, "Mailbox");
    actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
    await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const list = await createList(ctx, actor, { name: "Mailbox list" });
    for (const k of ["ana", "bo", "cy", "di", "ed"])
      ids[k] = (
        await createLead(ctx, actor, {
          firstName: k,
          email: `${k}@prospect.example`,
          timezone: "UTC",
          listId: list.id,
        })
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
        { channel: "email", delayDays: 2, condition: "no_reply", body: "Bump" },
      ],
    });
    await runSchedulerOnce(ctx, new ChannelPool(ctx));
  });
  afterAll(async () => {
    await imap?.stop();
    await sink?.close();
    await ctx?.close();
  });

  const sentId = (who: string) =>
    sink.received.find((r) => r.to[0] === `${who}@prospect.example`)!.headers["message-id"]!;
  const stateOf = async (who: string) =>
    (await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, ids[who]!)))[0]!;

  it("matches each message to its lead and classifies it", async () => {
    expect(sink.received.length).toBe(5);
    await deliverToInbox(
      `From: Ana <ana@prospect.example>\nTo: me@overture.test\nSubject: Re: Idea for ana\nMessage-ID: <r1@prospect.example>\nIn-Reply-To: ${sentId("ana")}\nReferences: ${sentId("ana")}\n\nHappy to talk next week.\n`,
    );
    await deliverToInbox(
      `From: Bo <bo@prospect.example>\nTo: me@overture.test\nSubject: Automatic reply: Idea for bo\nAuto-Submitted: auto-replied\nMessage-ID: <r2@prospect.example>\nIn-Reply-To: ${sentId("bo")}\n\nI am out of the office until March 20th.\n`,
    );
    await deliverToInbox(
      `From: Mail Delivery System <MAILER-DAEMON@mx.prospect.example>\nTo: me@overture.test\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: <dsn1@mx.prospect.example>\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n--B\nContent-Type: text/plain\n\nThis is the mail system. I'm sorry to have to inform you that your message could not be delivered.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.prospect.example\n\nFinal-Recipient: rfc822; cy@prospect.example\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B\nContent-Type: message/rfc822\n\nFrom: me@overture.test\nTo: cy@prospect.example\nSubject: Idea for cy\nMessage-ID: ${sentId("cy")}\n\nHi\n--B--\n`,
    );
    await deliverToInbox(
      `From: me@overture.test\nTo: di@prospect.example\nSubject: Idea for di\nMessage-ID: <copy@overture.test>\n\nHi\n`,
    );
    await deliverToInbox(
      `From: Di <di@prospect.example>\nTo: me@overture.test\nSubject: question\nMessage-ID: <r5@prospect.example>\n\nWho are you?\n`,
    );

    await deliverToInbox(
      `From: postmaster@mx.prospect.example\nTo: me@overture.test\nSubject: Delayed Mail (still being retried)\nMessage-ID: <dsn2@mx.prospect.example>\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="C"\n\n--C\nContent-Type: text/plain\n\nThe mailbox is full; delivery will be retried.\n\n--C\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.prospect.example\n\nFinal-Recipient: rfc822; ed@prospect.example\nAction: delayed\nStatus: 4.2.2\nDiagnostic-Code: smtp; 452 4.2.2 mailbox full\n\n--C\nContent-Type: text/rfc822-headers\n\nFrom: me@overture.test\nTo: ed@prospect.example\nMessage-ID: ${sentId("ed")}\n\n--C--\n`,
    );
    expect(await pollInboxes(ctx)).toBe(5);
    expect((await stateOf("ana")).state).toBe("replied");
    const bo = await stateOf("bo");
    expect(bo.state).toBe("paused");
    expect(bo.pausedUntil?.toISOString()).toBe("2026-03-21T00:00:00.000Z");
    expect((await stateOf("cy")).state).toBe("bounced");
    expect((await ctx.db.select().from(leads).where(eq(leads.id, ids.cy!)))[0]!.emailStatus).toBe("invalid");
    expect((await stateOf("di")).state).toBe("replied");
    // A full mailbox is a soft bounce: the address exists and the sequence goes on.
    expect((await stateOf("ed")).state).toBe("active");
  });

  it("remembers where it stopped: a second poll records nothing new, a new reply is picked up", async () => {
    expect(await pollInboxes(ctx)).toBe(0);
    await deliverToInbox(
      `From: Ana <ana@prospect.example>\nTo: me@overture.test\nSubject: Re: Idea\nMessage-ID: <r6@prospect.example>\nIn-Reply-To: <r1@prospect.example>\n\nAlso, Tuesday works.\n`,
    );
    expect(await pollInboxes(ctx)).toBe(1);
  });

  it("no follow-up goes to anyone who answered or bounced hard; the soft bounce gets the next step", async () => {
    ctx.clock.set("2026-03-12T10:00:00Z");
    await runSchedulerOnce(ctx, new ChannelPool(ctx));
    expect(sink.received.slice(5).map((r) => r.to[0])).toEqual(["ed@prospect.example"]);
  });
});
