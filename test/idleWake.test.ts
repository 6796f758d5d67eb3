import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, messages } from "../src/db/schema";
import { startSchedulerLoop } from "../src/jobs/schedulerLoop";
import { appendToInbox, dovecotPath, startDovecot } from "./support/dovecot";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

const ci = process.env.CI === "true";
let ctx: TestContext;
let imap: Awaited<ReturnType<typeof startDovecot>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let loop: ReturnType<typeof startSchedulerLoop> | null = null;

/** Polls a condition (not a timing assertion: the deadline only bounds a hung test). */
async function eventually<T>(read: () => Promise<T | null | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > end) throw new Error(`not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!dovecotPath && !ci)("IMAP IDLE wakes the worker", () => {
  beforeAll(async () => {
    // Real time here: the loop's own timer is set to ten minutes, so only IDLE can explain a fast stop.
    ctx = await createTestContext({ clock: { now: () => new Date() } as never });
    imap = await startDovecot();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await loop?.stop();
    await imap?.stop();
    await sink?.close();
    await ctx?.close();
  });

  it("stops a sequence as soon as the reply lands, long before the next poll", async () => {
    const ws = await seedWorkspace(ctx, "Idle");
    const actor: Actor = {
      workspaceId: ws.workspaceId,
      userId: ws.userId,
      role: "owner",
      via: "cli",
      label: "t",
    };
    await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const list = await createList(ctx, actor, { name: "Idle list" });
    const lead = await createLead(ctx, actor, {
      firstName: "Ida",
      email: "ida@prospect.example",
      listId: list.id,
    });
    await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "me@overture.test",
      imap: { port: imap.port, password: imap.password },
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hello", body: "Hi" },
        { channel: "email", delayDays: 2, condition: "no_reply", body: "Bump" },
      ],
    });
    loop = startSchedulerLoop(ctx, 600_000);
    const sent = await eventually(
      async () =>
        (await ctx.db.select().from(messages).where(eq(messages.leadId, lead.id))).find(
          (m) => m.status === "sent",
        ),
      20_000,
    );
    await appendToInbox(
      imap.port,
      "me@overture.test",
      imap.password,
      `From: Ida <ida@prospect.example>\r\nTo: me@overture.test\r\nSubject: Re: Hello\r\nMessage-ID: <idle-r1@prospect.example>\r\nIn-Reply-To: ${sent.messageId}\r\n\r\nSounds good, call me.\r\n`,
    );
    const e = await eventually(async () => {
      const [row] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, lead.id));
      return row?.state === "replied" ? row : null;
    }, 20_000);
    expect(e.nextStepAt).toBeNull();
  });
});
