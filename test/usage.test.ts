import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { generateDrafts } from "../src/app/lab/messageDrafts";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateSequence } from "../src/app/outreach/sequences";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { loadConfig } from "../src/config";
import { enrollments, leads, messageDrafts } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startLlmServer } from "./support/llmServer";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, TEST_SECRET, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let actor: Actor;
let key = "";
let llm: Awaited<ReturnType<typeof startLlmServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let pool: ChannelPool;
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  llm = await startLlmServer();
  sink = await startSmtpSink();
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  ctx.config = loadConfig({
    LOG_LEVEL: "silent",
    SECRET_KEY: TEST_SECRET,
    FETCH_ALLOW_PRIVATE: "127.0.0.1,localhost",
    MAIL_HOST_ALLOWLIST: "127.0.0.1,localhost,::1",
    LLM_PROVIDER: "openai",
    LLM_BASE_URL: llm.baseUrl,
    LLM_API_KEY: llm.apiKey,
    LLM_MODEL: "meter-model",
    LLM_PRICE_INPUT_PER_MTOK: "10",
    LLM_PRICE_OUTPUT_PER_MTOK: "10",
  });
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "Usage");
  key = ws.apiKey;
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London" });
  pool = new ChannelPool(ctx);
  llm.setFallback({
    kind: "answer",
    content: JSON.stringify({
      subject: "Hello",
      body: "Hi there, a short note.",
      hook: { kind: "none", text: "", source: null },
    }),
    usage: { input: 1000, output: 500 },
  });
});
afterAll(async () => {
  await pool.close();
  await sink.close();
  await llm.close();
  await api.close();
  await ctx.close();
});

describe("usage metering and monthly limits", () => {
  let listId = "";
  let sequenceId = "";

  it("meters LLM tokens and cost per workspace and run, and stops using the LLM at the monthly budget", async () => {
    const list = await createList(ctx, actor, { name: "Metered" });
    listId = list.id;
    for (const n of ["a", "b", "c"])
      await createLead(ctx, actor, {
        firstName: n.toUpperCase(),
        email: `${n}@metered.example`,
        location: "London",
        listId,
      });
    const s = await launchEmailSequence(ctx, actor, {
      listId,
      smtpPort: sink.port,
      fromEmail: "me@usage.test",
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
      ],
    }).catch(() => null);
    expect(s).not.toBeNull();
    sequenceId = s!.sequenceId;
    // Written for a second, personalised sequence of the same run.
    const { createSequence } = await import("../src/app/outreach/sequences");
    const lab = await createSequence(ctx, actor, {
      runId: s!.runId,
      name: "Lab",
      listIds: [listId],
      senderAccountId: s!.senderId,
      steps: [{ channel: "email", delayDays: 0, condition: "always" }],
    });
    await updateSequence(ctx, actor, lab.id, { messageSource: "personalised" });
    await generateDrafts(ctx, actor, lab.id, { leadIds: undefined });
    const u = await call("GET", "/api/usage");
    // 3 messages × 1,500 tokens at $10 per million = $0.045.
    expect(u.json.totals).toMatchObject({ llmTokens: 4500, llmCostUsd: 0.045 });
    expect(u.json.runs.find((r: { runId: string }) => r.runId === s!.runId)).toMatchObject({
      llmTokens: 4500,
    });
    expect(u.json.month).toBe("2026-03");
    expect(u.json.resetsOn).toBe("2026-04-01");

    await call("PATCH", "/api/usage/limits", { llmCostUsd: 0.045 });
    await generateDrafts(ctx, actor, lab.id, { mode: "unapproved" });
    const drafts = await ctx.db.select().from(messageDrafts).where(eq(messageDrafts.sequenceId, lab.id));
    expect(drafts.every((d) => d.generator === "builtin")).toBe(true);
    expect(drafts[0]!.fallbackReason).toMatch(/monthly limit of \$0\.045 of LLM use.*resets on 2026-04-01/);
    expect((await call("GET", "/api/usage")).json.totals.llmTokens).toBe(4500);
  });

  it("refuses verification and enrichment past their limits with a 429 naming the limit", async () => {
    const lead = await createLead(ctx, actor, { firstName: "Dee", email: "dee@metered.example" });
    await ctx.db.update(leads).set({ companyDomain: "localhost:9" }).where(eq(leads.id, lead.id));
    await call("PATCH", "/api/usage/limits", { verifications: 0, enrichments: 0 });
    const v = await call("POST", `/api/leads/${lead.id}/verify-email`);
    expect(v.status).toBe(429);
    expect(v.json.error.message).toMatch(/monthly limit of 0 email verification probes/);
    const e = await call("POST", `/api/leads/${lead.id}/enrich`);
    expect(e.json).toMatchObject({ company: "failed" });
    expect(e.json.error).toMatch(/monthly limit of 0 enrichment look-ups/);
    const cleared = await call("PATCH", "/api/usage/limits", { verifications: null, enrichments: null });
    expect(cleared.json.limits).toEqual({ llmCostUsd: 0.045 });
  });

  it("sends emails only up to the monthly limit; the rest wait, paused with the reason", async () => {
    await call("PATCH", "/api/usage/limits", { emailsSent: 2 });
    await runSchedulerOnce(ctx, pool);
    expect(sink.received).toHaveLength(2);
    const rows = await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, sequenceId));
    const paused = rows.filter((r) => r.state === "paused");
    expect(paused).toHaveLength(1);
    expect(paused[0]!.stateReason).toMatch(/monthly limit of 2 emails sent/);
    const u = await call("GET", "/api/usage");
    expect(u.json.totals.emailsSent).toBe(2);
  });
});
