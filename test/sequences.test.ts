import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { recordInboundMessage } from "../src/app/outreach/inbound";
import { createRun } from "../src/app/outreach/runs";
import { claimDueSends, markStaleSendsUncertain, runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { unsubscribe, unsubscribeToken } from "../src/app/outreach/unsubscribe";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, integrations, leads, messages, senderAccounts } from "../src/db/schema";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let actor: Actor;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let pool: ChannelPool;

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T12:00:00Z") }); // Monday: 08:00 New York, 13:00 Berlin
  const ws = await seedWorkspace(ctx, "Senders");
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "test" };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London", skipWeekends: true });
  sink = await startSmtpSink({ rejectRecipients: /^nobody@/, user: "me", password: "s3cret-pw" });
  pool = new ChannelPool(ctx);
});
afterAll(async () => {
  await pool.close();
  await sink.close();
  await ctx.close();
});

const enr = async (leadId: string) =>
  (await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, leadId)))[0]!;
/** Launch refuses a template that a lead cannot fill: a blocking readiness finding. */
async function expectLaunchRefusedWithoutName() {
  const list = await createList(ctx, actor, { name: "Gate" });
  await createLead(ctx, actor, { email: "nameless@gate.io", listId: list.id, location: "London" });
  const run = await createRun(ctx, actor, { name: "Gate run", playKey: "builtin:email-only" });
  const s = await createSequence(ctx, actor, {
    runId: run.id,
    name: "Gate",
    listIds: [list.id],
    senderAccountId: (await ctx.db.select().from(senderAccounts))[0]!.id,
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
    ],
  });
  await expect(launchSequence(ctx, actor, s.id)).rejects.toThrow(/merge variable "\{\{first_name\}\}"/);
}
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("sequences over a real SMTP server", () => {
  const ids: Record<string, string> = {};

  it("enrolls a list, each lead scheduled at 09:00 in their own zone (or at once if their window is open)", async () => {
    const list = await createList(ctx, actor, { name: "Launch" });
    for (const [k, l] of Object.entries({
      ny: { firstName: "Nora", email: "nora@acme.com", company: "Acme", location: "New York, NY" },
      berlin: {
        firstName: "Ben",
        email: "ben@firma.de",
        company: "Firma",
        location: "Berlin, Germany",
        linkedinUrl: "linkedin.com/in/ben-berlin",
      },
      li: { firstName: "Lia", linkedinUrl: "linkedin.com/in/lia-li", company: "Lia Co" },
      blocked: { firstName: "Bo", email: "bo@blocked.io", company: "Blocked" },
    }))
      ids[k] = (await createLead(ctx, actor, { ...l, listId: list.id })).id;
    const { addBlocklistEntry } = await import("../src/app/blocklist/blocklist");
    await addBlocklistEntry(ctx, actor, "blocked.io");
    const sender = await createSenderAccount(ctx, actor, {
      kind: "smtp",
      name: "Main",
      fromEmail: "me@overture.test",
      fromName: "Mia",
      smtp: { host: "127.0.0.1", port: sink.port, secure: false, user: "me", password: "s3cret-pw" },
      minGapSeconds: 0,
      jitterSeconds: 0,
      dailyCap: 100,
    });
    const stored = (await ctx.db.select().from(senderAccounts).where(eq(senderAccounts.id, sender.id)))[0]!;
    expect(stored.smtpPasswordEnc).not.toContain("s3cret-pw");
    // A LinkedIn account is connected, so the LinkedIn step may launch; no LinkedIn step falls due in this file.
    await ctx.db.insert(integrations).values({
      workspaceId: actor.workspaceId,
      kind: "unipile",
      settings: { dsn: "127.0.0.1:1", accountId: "acc-unused" },
      secretEnc: ctx.secrets.encrypt("unused"),
    });
    const run = await createRun(ctx, actor, { name: "Spring", playKey: "builtin:email-only" });
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Spring emails",
      listIds: [list.id],
      senderAccountId: sender.id,
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "Quick idea for {{company}}",
          body: "Hi {{first_name}}, a thought for {{company}}.",
        },
        { channel: "email", delayDays: 3, condition: "no_reply", body: "Hi {{first_name}}, bumping this." },
        { channel: "linkedin_message", delayDays: 2, condition: "no_reply", body: "Hi {{first_name}}!" },
      ],
    });
    expect(await launchSequence(ctx, actor, seq.id)).toEqual({
      enrolled: 4,
      active: 3,
      blocked: 1,
      skipped: 0,
      unsubscribed: 0,
      unreachable: 0,
    });
    expect(iso((await enr(ids.ny!)).nextStepAt)).toBe("2026-03-09T13:00:00.000Z"); // 09:00 EDT
    expect(iso((await enr(ids.berlin!)).nextStepAt)).toBe("2026-03-09T12:00:00.000Z"); // window open now
    expect(iso((await enr(ids.li!)).nextStepAt)).toBe("2026-03-16T09:00:00.000Z"); // email steps skipped: 3 + 2 days later, Monday 09:00 London
    expect((await enr(ids.blocked!)).state).toBe("blocked");
  });

  it("sends what is due, once, with threading-ready ids and one-click unsubscribe headers", async () => {
    expect(await runSchedulerOnce(ctx, pool)).toBe(1);
    expect((await ctx.db.select().from(messages)).map((m) => m.error)).toEqual([null]);
    expect(sink.received.map((r) => r.to[0])).toEqual(["ben@firma.de"]);
    const h = sink.received[0]!.headers;
    expect(h.subject).toBe("Quick idea for Firma");
    expect(h["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(h["list-unsubscribe"]).toMatch(
      /^<http:\/\/127\.0\.0\.1:3000\/unsubscribe\/[\w-]{43}\.[\w-]{22}>$/,
    );
    expect(h["message-id"]).toMatch(/^<[0-9a-f-]{36}@overture\.test>$/);
    expect(await runSchedulerOnce(ctx, pool)).toBe(0);
    ctx.clock.set("2026-03-09T13:00:00Z");
    expect(await runSchedulerOnce(ctx, pool)).toBe(1);
    expect(sink.received.length).toBe(2);
    expect(iso((await enr(ids.berlin!)).nextStepAt)).toBe("2026-03-12T08:00:00.000Z"); // Thursday 09:00 CET
    expect((await ctx.db.select().from(leads).where(eq(leads.id, ids.ny!)))[0]!.status).toBe("email_sent");
  });

  it("a reply stops every later step; the other lead's follow-up stays in the thread", async () => {
    await recordInboundMessage(ctx, {
      workspaceId: actor.workspaceId,
      leadId: ids.ny!,
      channel: "email",
      from: "nora@acme.com",
      subject: "Re: Quick idea for Acme",
      text: "Interesting, tell me more.",
    });
    expect((await enr(ids.ny!)).state).toBe("replied");
    ctx.clock.set("2026-03-12T14:00:00Z");
    expect(await runSchedulerOnce(ctx, pool)).toBe(1);
    expect(sink.received.length).toBe(3);
    const follow = sink.received[2]!;
    expect(follow.to).toEqual(["ben@firma.de"]);
    expect(follow.headers.subject).toBe("Re: Quick idea for Firma");
    expect(follow.headers["in-reply-to"]).toBe(sink.received[0]!.headers["message-id"]);
    expect(follow.headers.references).toContain(sink.received[0]!.headers["message-id"]!);
  });

  it("an out-of-office pauses until the stated return, then the sequence goes on", async () => {
    await recordInboundMessage(ctx, {
      workspaceId: actor.workspaceId,
      leadId: ids.berlin!,
      channel: "email",
      from: "ben@firma.de",
      subject: "Automatische Antwort: Re: Quick idea",
      text: "I'm away until 20 March.",
    });
    const e = await enr(ids.berlin!);
    expect(e.state).toBe("paused");
    // Back on Saturday 21 March: the sequence resumes when Ben's window next opens, Monday 09:00 in Berlin.
    expect(iso(e.pausedUntil)).toBe("2026-03-23T08:00:00.000Z");
  });

  it("an unsubscribe link stops everything for that person at once, and a forged one does nothing", async () => {
    await expect(unsubscribe(ctx, "bad.token", "link")).rejects.toMatchObject({ code: "validation" });
    await unsubscribe(ctx, unsubscribeToken(ctx, actor.workspaceId, ids.berlin!), "link");
    expect((await enr(ids.berlin!)).state).toBe("unsubscribed");
    ctx.clock.set("2026-03-23T10:00:00Z");
    await runSchedulerOnce(ctx, pool);
    expect(sink.received.filter((r) => r.to[0] === "ben@firma.de").length).toBe(2);
  });

  it("never sends a step twice: a claim that died before the attempt is released; one that died during it is 'uncertain'", async () => {
    const list = await createList(ctx, actor, { name: "Crash" });
    const released = await createLead(ctx, actor, {
      firstName: "Cy",
      email: "cy@crash.io",
      listId: list.id,
      location: "London",
    });
    const attempted = await createLead(ctx, actor, {
      firstName: "Di",
      email: "di@crash.io",
      listId: list.id,
      location: "London",
    });
    const senderId = (await ctx.db.select().from(senderAccounts))[0]!.id;
    const run = await createRun(ctx, actor, { name: "Crash run", playKey: "builtin:email-only" });
    const s2 = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Crash",
      listIds: [list.id],
      senderAccountId: senderId,
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
      ],
    });
    await launchSequence(ctx, actor, s2.id);
    // The worker claims both... marks Di's send as attempted (it was talking to the server) and is killed.
    const claimed = await claimDueSends(ctx);
    expect(claimed.length).toBe(2);
    await ctx.db
      .update(messages)
      .set({ attemptedAt: ctx.clock.now() })
      .where(eq(messages.leadId, attempted.id));
    expect(await claimDueSends(ctx)).toEqual([]);
    ctx.clock.advance(11 * 60_000);
    expect(await markStaleSendsUncertain(ctx)).toBe(1);
    const before = sink.received.length;
    await runSchedulerOnce(ctx, pool);
    // Cy's claim was never attempted: it went back to the queue and was sent once now. Di's is uncertain.
    expect(sink.received.slice(before).map((r) => r.to[0])).toEqual(["cy@crash.io"]);
    const [m] = await ctx.db.select().from(messages).where(eq(messages.leadId, attempted.id));
    expect(m!.status).toBe("uncertain");
    expect((await enr(attempted.id)).state).toBe("paused");
    expect((await enr(released.id)).state).toBe("completed");
    await runSchedulerOnce(ctx, pool);
    expect(sink.received.length).toBe(before + 1);
  });

  it("refuses to send with an empty merge field, and records a refused recipient as failed", async () => {
    await expectLaunchRefusedWithoutName();
    const list = await createList(ctx, actor, { name: "Edge" });
    const noName = await createLead(ctx, actor, {
      firstName: "Anon",
      email: "anon@edge.io",
      listId: list.id,
      location: "London",
    });
    const refused = await createLead(ctx, actor, {
      firstName: "Nobody",
      email: "nobody@edge.io",
      listId: list.id,
      location: "London",
    });
    const run = await createRun(ctx, actor, { name: "Edge run", playKey: "builtin:email-only" });
    const s = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Edge",
      listIds: [list.id],
      senderAccountId: (await ctx.db.select().from(senderAccounts))[0]!.id,
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
      ],
    });
    await launchSequence(ctx, actor, s.id);
    // The readiness gate refused launch while the name was missing; it is removed after launch,
    // and the send-time render still refuses to go out with the hole.
    await ctx.db.update(leads).set({ firstName: null }).where(eq(leads.id, noName.id));
    const before = sink.received.length;
    await runSchedulerOnce(ctx, pool);
    expect(sink.received.length).toBe(before);
    const e1 = await enr(noName.id);
    expect(e1.state).toBe("paused");
    expect(e1.stateReason).toContain("first_name");
    const e2 = await enr(refused.id);
    expect(e2.state).toBe("failed");
    const [m2] = await ctx.db.select().from(messages).where(eq(messages.leadId, refused.id));
    expect(m2!.status).toBe("failed");
  });
});
