import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { handleLinkedInEvent } from "../src/app/integrations/linkedin";
import { pollLinkedInAcceptances } from "../src/app/integrations/pollLinkedInAcceptances";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, leadEvents, messages } from "../src/db/schema";
import { linkedinEventJob } from "../src/jobs/definitions/linkedinEventJob";
import { startWorker } from "../src/jobs/worker";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";
import { startUnipileServer } from "./support/unipileServer";

const MIN = 60_000;
const DAY = 86_400_000;
let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let unipile: Awaited<ReturnType<typeof startUnipileServer>>;
let pool: ChannelPool;
let actor: Actor;
let key = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });
const person = (slug: string, distance = "SECOND_DEGREE") => ({
  provider_id: `P-${slug}`,
  public_identifier: slug,
  network_distance: distance,
});
const invites = () => unipile.requests.filter((r) => r.path === "/api/v1/users/invite");
const chats = () => unipile.requests.filter((r) => r.path === "/api/v1/chats");

beforeAll(async () => {
  unipile = await startUnipileServer({
    apiKey: "uni-key",
    accountId: "acc-1",
    profiles: Object.fromEntries(
      [
        person("ada-l"),
        person("bob-b"),
        person("carl-c", "FIRST_DEGREE"),
        ...["d1", "d2", "d3", "d4", "r1", "w1"].map((s) => person(s)),
      ].map((p) => [p.public_identifier, p]),
    ),
  });
  // Monday 9 March 2026, 10:00 in London.
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  api = await testServer(ctx);
  pool = new ChannelPool(ctx);
});

/** Each case has its own workspace (and so its own account budgets) with the account connected. */
async function freshWorkspace(name: string) {
  const ws = await seedWorkspace(ctx, name);
  key = ws.apiKey;
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London" });
  const r = await call("PUT", "/api/integrations/linkedin", {
    apiKey: "uni-key",
    dsn: unipile.dsn,
    accountId: "acc-1",
  });
  expect(r.json).toMatchObject({ status: "ok" });
}
afterAll(async () => {
  await pool.close();
  await unipile.close();
  await api.close();
  await ctx.close();
});

async function sequenceFor(slugs: string[], name: string) {
  const list = await createList(ctx, actor, { name });
  for (const s of slugs)
    await createLead(ctx, actor, {
      firstName: s.slice(0, 1).toUpperCase() + s.slice(1, 3),
      linkedinUrl: `https://www.linkedin.com/in/${s}/`,
      listId: list.id,
    });
  const run = await createRun(ctx, actor, { name, playKey: "builtin:linkedin-first" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name,
    listIds: [list.id],
    steps: [
      {
        channel: "linkedin_invite",
        delayDays: 0,
        condition: "always",
        body: "Hi {{first_name}}, glad to connect.",
      },
      {
        channel: "linkedin_message",
        delayDays: 1,
        condition: "no_reply",
        body: "Thanks for connecting, {{first_name}}!",
      },
    ],
  });
  await launchSequence(ctx, actor, seq.id);
  return seq.id;
}
const enrollmentsOf = (sequenceId: string) =>
  ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, sequenceId));
const claimedAt = async (sequenceId: string, channel: string) =>
  await ctx.db
    .select({ at: messages.claimedAt, status: messages.status, body: messages.body })
    .from(messages)
    .innerJoin(enrollments, eq(enrollments.id, messages.enrollmentId))
    .where(and(eq(enrollments.sequenceId, sequenceId), eq(messages.channel, channel)))
    .orderBy(asc(messages.claimedAt));

describe("LinkedIn steps through Unipile", () => {
  let seq = "";
  it("invites one at a time with random gaps of 2–8 minutes; an existing connection is not invited", async () => {
    await freshWorkspace("Gaps");
    await call("PUT", "/api/integrations/linkedin/limits", { timezone: "Europe/London" });
    seq = await sequenceFor(["ada-l", "bob-b", "carl-c"], "Gaps");
    for (let i = 0; i < 40; i++) {
      await runSchedulerOnce(ctx, pool);
      ctx.clock.advance(MIN);
    }
    const sent = invites();
    expect(sent.map((r) => r.body.provider_id).sort()).toEqual(["P-ada-l", "P-bob-b"]);
    expect(sent.map((r) => r.body.message)).toContain("Hi Ada, glad to connect.");
    const rows = await claimedAt(seq, "linkedin_invite");
    expect(rows.map((r) => r.status).sort()).toEqual(["sent", "sent", "skipped"]);
    for (let i = 1; i < rows.length; i++) {
      const gap = rows[i]!.at.getTime() - rows[i - 1]!.at.getTime();
      expect(gap).toBeGreaterThanOrEqual(2 * MIN);
      expect(gap).toBeLessThanOrEqual(9 * MIN); // at most 8 minutes, plus the 1-minute pass
    }
  });

  it("messages only after the invitation is accepted: by webhook, or found by polling", async () => {
    ctx.clock.advance(DAY);
    await runSchedulerOnce(ctx, pool);
    // Carl was already connected: his message goes; Ada and Bob wait for their answers.
    expect(chats().map((r) => r.body.attendees_ids)).toEqual(["P-carl-c"]);
    const waiting = (await enrollmentsOf(seq)).filter((e) =>
      e.stateReason?.includes("waiting for the LinkedIn invitation"),
    );
    expect(waiting).toHaveLength(2);

    const hook = await handleLinkedInEvent(ctx, actor.workspaceId, {
      event: "new_relation",
      account_id: "acc-1",
      user_provider_id: "P-ada-l",
      user_public_identifier: "ada-l",
    });
    expect(hook).toMatchObject({ handled: true });
    for (let i = 0; i < 10; i++) {
      await runSchedulerOnce(ctx, pool);
      ctx.clock.advance(MIN);
    }
    expect(chats().map((r) => [r.body.attendees_ids, r.body.text])).toContainEqual([
      "P-ada-l",
      "Thanks for connecting, Ada!",
    ]);

    unipile.addOlderRelations(150);
    unipile.accept("bob-b", ctx.clock.now().getTime());
    expect(await pollLinkedInAcceptances(ctx, { force: true })).toBe(1);
    expect(await pollLinkedInAcceptances(ctx, { force: true })).toBe(0); // already known
    // Newest first, stopping at relations older than the oldest waiting invitation: one page.
    expect(unipile.requests.filter((r) => r.path === "/api/v1/users/relations")).toHaveLength(1);
    for (let i = 0; i < 10; i++) {
      await runSchedulerOnce(ctx, pool);
      ctx.clock.advance(MIN);
    }
    expect(
      chats()
        .map((r) => r.body.attendees_ids)
        .sort(),
    ).toEqual(["P-ada-l", "P-bob-b", "P-carl-c"]);
    expect((await enrollmentsOf(seq)).map((e) => e.state)).toEqual(["completed", "completed", "completed"]);
  });

  it("keeps to the daily invitation budget and working hours; a free account's notes run out", async () => {
    // Friday 13 March, 16:55 in London; the next working morning is Monday.
    ctx.clock.set("2026-03-13T16:55:00Z");
    await freshWorkspace("Budget");
    const limits = await call("PUT", "/api/integrations/linkedin/limits", {
      invitesPerDay: 2,
      minGapMinutes: 0,
      maxGapMinutes: 0,
      freeAccount: true,
      notesPerMonth: 1,
      timezone: "Europe/London",
    });
    expect(limits.status).toBe(200);
    const bad = await call("PUT", "/api/integrations/linkedin/limits", { invitesPerDay: 1000 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("invitesPerDay");
    const before = invites().length;
    const s = await sequenceFor(["d1", "d2", "d3", "d4"], "Budget");
    await runSchedulerOnce(ctx, pool);
    await runSchedulerOnce(ctx, pool);
    const today = invites().slice(before);
    expect(today).toHaveLength(2);
    // The month's one note went with the first invitation; the second went without one.
    expect(today.map((r) => r.body.message)).toEqual([
      expect.stringMatching(/^Hi D\d, glad to connect\.$/),
      undefined,
    ]);
    const dropped = await ctx.db
      .select()
      .from(leadEvents)
      .where(eq(leadEvents.type, "invitation_note_dropped"));
    expect(dropped).toHaveLength(1);
    const deferred = (await enrollmentsOf(s)).filter((e) => e.lastStepIndex === null);
    expect(deferred).toHaveLength(2);
    for (const e of deferred) {
      expect(e.stateReason).toMatch(/invitations for today are used/);
      // Monday 16 March 09:00 London (GMT) plus at most the random offset.
      expect(e.nextStepAt!.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-03-16T09:00:00Z"));
      expect(e.nextStepAt!.getTime()).toBeLessThanOrEqual(Date.parse("2026-03-16T09:00:00Z") + 8 * MIN);
    }
    ctx.clock.set("2026-03-14T12:00:00Z"); // Saturday: nothing
    await runSchedulerOnce(ctx, pool);
    expect(invites().length).toBe(before + 2);
    ctx.clock.set("2026-03-16T09:10:00Z");
    await runSchedulerOnce(ctx, pool);
    expect(invites().length).toBe(before + 4);
  });

  it("pauses the account on a restriction, with a clear message, until someone reconnects it", async () => {
    ctx.clock.set("2026-03-17T10:00:00Z");
    await freshWorkspace("Restricted");
    unipile.failNext("POST /users/invite", 403, {
      type: "errors/account_restricted",
      title: "Your LinkedIn account is temporarily restricted",
    });
    const before = invites().length;
    const s = await sequenceFor(["r1"], "Restricted");
    await runSchedulerOnce(ctx, pool);
    const info = await call("GET", "/api/integrations/linkedin");
    expect(info.json).toMatchObject({ status: "paused" });
    expect(info.json.pausedReason).toMatch(/temporarily restricted/);
    const [e] = await enrollmentsOf(s);
    expect(e!.state).toBe("active");
    expect(e!.stateReason).toMatch(/LinkedIn account is paused/);
    expect(await claimedAt(s, "linkedin_invite")).toEqual([]); // nothing was sent; the claim was released
    ctx.clock.advance(2 * 3_600_000);
    await runSchedulerOnce(ctx, pool);
    expect(invites().length).toBe(before + 1); // the refused attempt only; the paused account is left alone
    // A re-check that fails leaves it paused; one that passes resumes it.
    const still = await call("PUT", "/api/integrations/linkedin", {
      apiKey: "wrong",
      dsn: unipile.dsn,
      accountId: "acc-1",
    });
    expect(still.json).toMatchObject({ status: "paused", check: { ok: false } });
    await call("PUT", "/api/integrations/linkedin", {
      apiKey: "uni-key",
      dsn: unipile.dsn,
      accountId: "acc-1",
    });
    ctx.clock.advance(2 * 3_600_000);
    await runSchedulerOnce(ctx, pool);
    expect(invites().length).toBe(before + 2);
    expect((await claimedAt(s, "linkedin_invite")).map((r) => r.status)).toEqual(["sent"]);
  });

  it("withdraws an invitation and does not invite the person again for 3 weeks", async () => {
    ctx.clock.set("2026-03-18T10:00:00Z");
    await freshWorkspace("Withdraw");
    const s1 = await sequenceFor(["w1"], "Withdraw");
    await runSchedulerOnce(ctx, pool);
    const [lead] = (await enrollmentsOf(s1)).map((e) => e.leadId);
    const w = await call("POST", `/api/leads/${lead}/linkedin/withdraw`);
    expect(w.json).toMatchObject({ withdrawn: true });
    expect(unipile.sentInvites.find((i) => i.invited_user_id === "P-w1")).toBeUndefined();
    expect((await call("POST", `/api/leads/${lead}/linkedin/withdraw`)).status).toBe(404);

    const list = await createList(ctx, actor, { name: "Again" });
    await call("POST", `/api/lists/${list.id}/members`, { leadIds: [lead] });
    const run = await createRun(ctx, actor, { name: "Again", playKey: "builtin:linkedin-first" });
    const seq2 = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Again",
      listIds: [list.id],
      steps: [
        { channel: "linkedin_invite", delayDays: 0, condition: "always", body: "Hello {{first_name}}" },
      ],
    });
    await launchSequence(ctx, actor, seq2.id);
    const before = invites().length;
    await runSchedulerOnce(ctx, pool);
    expect(invites().length).toBe(before);
    const [e] = await enrollmentsOf(seq2.id);
    expect(e!.stateReason).toMatch(/withdrawn/);
    expect(e!.nextStepAt!.toISOString()).toBe("2026-04-08T10:00:00.000Z");
  });

  it("sends an inbox answer on LinkedIn through the account, at once", async () => {
    ctx.clock.set("2026-03-21T22:00:00Z"); // Saturday night: pacing does not hold back a person's answer
    await freshWorkspace("Inbox answer");
    const lead = await createLead(ctx, actor, {
      firstName: "Ada",
      linkedinUrl: "https://www.linkedin.com/in/ada-l",
    });
    const before = chats().length;
    const r = await call("POST", `/api/inbox/leads/${lead.id}/linkedin/reply`, {
      text: "Thanks, Ada. Tuesday works.",
    });
    expect(r.status).toBe(200);
    expect(
      chats()
        .slice(before)
        .map((q) => [q.body.attendees_ids, q.body.text]),
    ).toEqual([["P-ada-l", "Thanks, Ada. Tuesday works."]]);
  });

  it("end to end through the webhook: invitation, acceptance, message, then a reply stops the rest", async () => {
    ctx.clock.set("2026-03-23T10:00:00Z");
    await freshWorkspace("Webhook flow");
    await call("PUT", "/api/integrations/linkedin/limits", {
      timezone: "Europe/London",
      minGapMinutes: 0,
      maxGapMinutes: 0,
    });
    const list = await createList(ctx, actor, { name: "Flow" });
    await createLead(ctx, actor, {
      firstName: "Ada",
      linkedinUrl: "https://www.linkedin.com/in/ada-l",
      listId: list.id,
    });
    const run = await createRun(ctx, actor, { name: "Flow", playKey: "builtin:linkedin-first" });
    const seq = await createSequence(ctx, actor, {
      runId: run.id,
      name: "Flow",
      listIds: [list.id],
      steps: [
        { channel: "linkedin_invite", delayDays: 0, condition: "always", body: "Hi {{first_name}}" },
        { channel: "linkedin_message", delayDays: 1, condition: "no_reply", body: "Thanks {{first_name}}" },
        {
          channel: "linkedin_message",
          delayDays: 2,
          condition: "no_reply",
          body: "Any thoughts, {{first_name}}?",
        },
      ],
    });
    await launchSequence(ctx, actor, seq.id);
    const hook = new URL((await call("GET", "/api/integrations/linkedin")).json.webhookUrl).pathname;
    const deliverHook = async (body: Record<string, unknown>) => {
      expect((await api.call("POST", hook, { body })).status).toBe(202);
      const worker = startWorker(ctx, [linkedinEventJob as never], { pollMs: 20 });
      await worker.idle();
      await worker.stop();
    };
    const chatsBefore = chats().length;
    await runSchedulerOnce(ctx, pool);
    ctx.clock.advance(DAY);
    await runSchedulerOnce(ctx, pool);
    expect(chats().length).toBe(chatsBefore); // not accepted yet
    await deliverHook({
      event: "new_relation",
      account_id: "acc-1",
      user_provider_id: "P-ada-l",
      user_public_identifier: "ada-l",
    });
    await runSchedulerOnce(ctx, pool);
    expect(
      chats()
        .slice(chatsBefore)
        .map((q) => q.body.text),
    ).toEqual(["Thanks Ada"]);
    await deliverHook({
      event: "message_received",
      account_id: "acc-1",
      sender: { attendee_provider_id: "P-ada-l", attendee_public_identifier: "ada-l" },
      message: "Sure, let's talk.",
    });
    const [e] = await enrollmentsOf(seq.id);
    expect(e!.state).toBe("replied");
    ctx.clock.advance(3 * DAY);
    await runSchedulerOnce(ctx, pool);
    expect(chats().length).toBe(chatsBefore + 1); // the last message never went
  });
});
