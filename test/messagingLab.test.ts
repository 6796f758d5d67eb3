import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBlocklistEntry } from "../src/app/blocklist/blocklist";
import type { Actor } from "../src/app/context";
import {
  approveDrafts,
  generateDrafts,
  listSequenceEmails,
  regenerateDraft,
  updateDraft,
} from "../src/app/lab/messageDrafts";
import { getMessagingLab } from "../src/app/lab/messagingLab";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence, updateSequence } from "../src/app/outreach/sequences";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { loadConfig } from "../src/config";
import { enrollments, leads, messages } from "../src/db/schema";
import { startLlmServer } from "./support/llmServer";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext, testClock, TEST_SECRET } from "./support/testContext";

let ctx: TestContext;
let actor: Actor;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let llm: Awaited<ReturnType<typeof startLlmServer>>;
let pool: ChannelPool;
let seqId = "";
const lead: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") }); // Monday 10:00 London
  const ws = await seedWorkspace(ctx, "Lab");
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "reviewer" };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London" });
  sink = await startSmtpSink();
  llm = await startLlmServer();
  pool = new ChannelPool(ctx);
  const list = await createList(ctx, actor, { name: "Lab list" });
  lead.ada = (
    await createLead(ctx, actor, {
      firstName: "Ada",
      email: "ada@engines.io",
      company: "Engines",
      location: "London",
      listId: list.id,
    })
  ).id;
  await ctx.db
    .update(leads)
    .set({
      emailStatus: "valid",
      enrichment: {
        recentPosts: [{ text: "Why we rebuilt our CI", date: "2026-03-01", url: "https://x.test/p" }],
      },
    })
    .where(eq(leads.id, lead.ada));
  lead.cy = (
    await createLead(ctx, actor, {
      firstName: "Cy",
      linkedinUrl: "linkedin.com/in/cy-only",
      location: "London",
      listId: list.id,
    })
  ).id;
  lead.dee = (
    await createLead(ctx, actor, {
      firstName: "Dee",
      email: "dee@rival.io",
      location: "London",
      listId: list.id,
    })
  ).id;
  await addBlocklistEntry(ctx, actor, "rival.io");
  const sender = await createSenderAccount(ctx, actor, {
    kind: "smtp",
    name: "Lab sender",
    fromEmail: "me@lab.test",
    smtp: { host: "127.0.0.1", port: sink.port, secure: false },
    minGapSeconds: 0,
    jitterSeconds: 0,
  });
  const run = await createRun(ctx, actor, { name: "Lab run", playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name: "Lab sequence",
    listIds: [list.id],
    senderAccountId: sender.id,
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
      { channel: "linkedin_invite", delayDays: 0, condition: "no_reply", body: "Hi {{first_name}}" },
      { channel: "email", delayDays: 3, condition: "no_reply", body: "Following up" },
    ],
  });
  seqId = seq.id;
  await updateSequence(ctx, actor, seqId, { messageSource: "personalised" });
});
afterAll(async () => {
  await pool.close();
  await sink.close();
  await llm.close();
  await ctx.close();
});

const labOf = async () => getMessagingLab(ctx, actor, seqId, { limit: 50 });
const row = async (id: string) => (await labOf()).leads.find((l) => l.id === id)!;
const codes = (fs: { code: string }[]) => fs.map((f) => f.code).sort();

describe("the Messaging Lab", () => {
  it("lists what is missing before anything is written, and launch refuses", async () => {
    const lab = await labOf();
    expect(lab.counts).toMatchObject({ leads: 3, messages: 0, ready: 0, blocking: 3 });
    expect(lab.canLaunch).toBe(false);
    expect(codes((await row(lead.ada)).findings)).toEqual(["message_not_written", "message_not_written"]);
    // No LinkedIn account is connected and the emails go out through a real sender: Cy's invite cannot go.
    expect(codes((await row(lead.cy)).findings)).toEqual([
      "message_not_written",
      "no_email_for_email_step",
      "no_linkedin_account",
    ]);
    expect((await row(lead.cy)).findings.find((f) => f.code === "no_email_for_email_step")!.severity).toBe(
      "warning",
    );
    expect(codes((await row(lead.dee)).findings)).toContain("blocklisted");
    await expect(launchSequence(ctx, actor, seqId)).rejects.toMatchObject({ code: "not_ready" });
  });

  it("writes one message per lead and reachable step, with the hook it used", async () => {
    const summary = await generateDrafts(ctx, actor, seqId);
    // Ada: emails 1 and 3; Cy: the LinkedIn invite only; Dee: emails 1 and 3.
    expect(summary).toMatchObject({ leads: 3, written: 5, kept: 0, builtin: 5, llm: 0 });
    const ada = await row(lead.ada);
    expect(ada.messages.map((m) => [m.stepIndex, m.channel, m.status])).toEqual([
      [1, "email", "draft"],
      [3, "email", "draft"],
    ]);
    expect(ada.messages[0]!.hook).toMatchObject({ kind: "recent_post", source: "https://x.test/p" });
    expect(ada.messages[0]!.subject).not.toBe("");
    expect(ada.messages[0]!.body).toContain("Ada");
    const cy = await row(lead.cy);
    expect([...cy.messages[0]!.body].length).toBeLessThanOrEqual(300);
    expect(codes(ada.findings)).toEqual(["message_not_approved", "message_not_approved"]);
    expect(codes(ada.findings)).not.toContain("subject_missing");
    // The email steps appear in the Emails queue's "Sequence messages"; the LinkedIn note does not.
    const queue = await listSequenceEmails(ctx, actor);
    expect(queue.map((e) => `${e.toAddress} ${e.stepIndex} ${e.status}`).sort()).toEqual([
      "ada@engines.io 1 draft",
      "ada@engines.io 3 draft",
      "dee@rival.io 1 draft",
      "dee@rival.io 3 draft",
    ]);
    // Running it again keeps what is there.
    expect(await generateDrafts(ctx, actor, seqId)).toMatchObject({ written: 0, kept: 5 });
  });

  it("refuses to approve a message with a variable the lead cannot fill, and approves the fixed one", async () => {
    const first = (await row(lead.ada)).messages[0]!;
    await updateDraft(ctx, actor, first.id, { body: "Hello {{first_name}}, about {{custom_budget}}." });
    const refused = await approveDrafts(ctx, actor, [first.id]);
    expect(refused.approved).toEqual([]);
    expect(refused.refused[0]!.reason).toContain("{{custom_budget}}");
    const fixed = await updateDraft(ctx, actor, first.id, {
      body: "Hello {{first_name}}, your post on rebuilding CI was sharp. Worth a chat?",
    });
    expect(fixed).toMatchObject({ edited: true, status: "draft" });
    const ok = await approveDrafts(ctx, actor, [first.id]);
    expect(ok).toEqual({ approved: [first.id], refused: [] });
    await expect(
      updateDraft(ctx, actor, (await row(lead.cy)).messages[0]!.id, { body: "x".repeat(301) }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("regenerates with the configured LLM, recording model and tokens, and the message needs approval again", async () => {
    const cyMsg = (await row(lead.cy)).messages[0]!;
    await approveDrafts(ctx, actor, [cyMsg.id]);
    const saved = ctx.config;
    ctx.config = loadConfig({
      LOG_LEVEL: "silent",
      SECRET_KEY: TEST_SECRET,
      LLM_PROVIDER: "openai",
      LLM_BASE_URL: llm.baseUrl,
      LLM_API_KEY: llm.apiKey,
      LLM_MODEL: "lab-model",
      LLM_PRICE_INPUT_PER_MTOK: "1",
      LLM_PRICE_OUTPUT_PER_MTOK: "2",
    });
    llm.script({
      kind: "answer",
      content: JSON.stringify({
        subject: "",
        body: "Cy, your talk on platform teams was great. Happy to connect.",
        hook: { kind: "role", text: "platform teams", source: "headline" },
      }),
      usage: { input: 300, output: 40 },
    });
    try {
      const again = await regenerateDraft(ctx, actor, cyMsg.id);
      expect(again).toMatchObject({
        generator: "llm",
        model: "lab-model",
        status: "draft",
        body: "Cy, your talk on platform teams was great. Happy to connect.",
        usage: { inputTokens: 300, outputTokens: 40, costUsd: 0.00038, attempts: 1 },
      });
    } finally {
      ctx.config = saved;
    }
  });

  it("launches once every contacted lead is approved, and sends exactly the approved text", async () => {
    const lab = await labOf();
    const pending = lab.leads.flatMap((l) =>
      l.messages.filter((m) => m.status !== "approved").map((m) => m.id),
    );
    const r = await approveDrafts(ctx, actor, pending);
    expect(r.refused).toEqual([]);
    const after = await labOf();
    // Cy is held by the missing LinkedIn account; launch skips Cy when asked to, and sends Ada's email.
    expect(after.canLaunch).toBe(false);
    expect(after.counts).toMatchObject({ messages: 5, approved: 5, ready: 1, warnings: 0, blocking: 2 });
    await expect(launchSequence(ctx, actor, seqId)).rejects.toMatchObject({
      code: "not_ready",
      details: { launchable: 1, skippable: [expect.objectContaining({ leadId: lead.cy })] },
    });
    const launched = await launchSequence(ctx, actor, seqId, { skipBlocked: true });
    expect(launched).toMatchObject({ active: 1, blocked: 2, skipped: 1 });
    await runSchedulerOnce(ctx, pool);
    const mail = sink.received.find((m) => m.to.includes("ada@engines.io"))!;
    expect((await simpleParser(mail.raw)).text).toContain(
      "Hello Ada, your post on rebuilding CI was sharp. Worth a chat?",
    );
    expect(await ctx.db.select().from(messages).where(eq(messages.leadId, lead.cy))).toEqual([]);
  });

  it("an edit after launch un-approves the message, and the scheduler holds that lead instead of sending", async () => {
    const follow = (await row(lead.ada)).messages.find((m) => m.stepIndex === 3)!;
    await updateDraft(ctx, actor, follow.id, { body: "A changed follow-up nobody approved." });
    ctx.clock.advance(4 * 86_400_000);
    const before = sink.received.length;
    await runSchedulerOnce(ctx, pool);
    expect(sink.received.length).toBe(before);
    const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, lead.ada));
    expect(e).toMatchObject({ state: "paused" });
    expect(e!.stateReason).toContain("no approved message");
  });
});
