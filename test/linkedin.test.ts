import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { enrollments, inboundMessages, leads } from "../src/db/schema";
import { linkedinEventJob } from "../src/jobs/definitions/linkedinEventJob";
import { startWorker } from "../src/jobs/worker";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";
import { startUnipileServer } from "./support/unipileServer";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let unipile: Awaited<ReturnType<typeof startUnipileServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let pool: ChannelPool;
let actor: Actor;
let key = "";
let leadId = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  unipile = await startUnipileServer({
    apiKey: "uni-key",
    accountId: "acc-1",
    profiles: {
      "grace-hopper": {
        provider_id: "ACoGRACE",
        public_identifier: "grace-hopper",
        headline: "CTO at Cobol Labs",
        location: "Arlington, Virginia",
        work_experience: [
          { position: "CTO", company: "Cobol Labs", start: "2026-01-01", end: null },
          { position: "Engineer", company: "Navy", start: "2010-01-01", end: "2025-12-31" },
        ],
        skills: [{ name: "Compilers" }, { name: "COBOL" }],
      },
    },
  });
  sink = await startSmtpSink();
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "LinkedIn");
  key = ws.apiKey;
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London" });
  pool = new ChannelPool(ctx);
});
afterAll(async () => {
  await pool.close();
  await sink.close();
  await unipile.close();
  await api.close();
  await ctx.close();
});

describe("LinkedIn through Unipile", () => {
  it("connects an account (key encrypted), checking it against the API", async () => {
    const bad = await call("PUT", "/api/integrations/linkedin", {
      apiKey: "nope",
      dsn: unipile.dsn,
      accountId: "acc-1",
    });
    expect(bad.json.check).toMatchObject({ ok: false });
    expect(bad.json.check.error).toMatch(/refused the API key/);
    const r = await call("PUT", "/api/integrations/linkedin", {
      apiKey: "uni-key",
      dsn: unipile.dsn,
      accountId: "acc-1",
    });
    expect(r.json).toMatchObject({ connected: true, accountId: "acc-1", status: "ok", check: { ok: true } });
    expect(JSON.stringify(r.json)).not.toContain("uni-key");
  });

  it("enriches a lead's profile from LinkedIn (headline, role, experience, skills), through a 429", async () => {
    const list = await createList(ctx, actor, { name: "LI" });
    leadId = (
      await createLead(ctx, actor, {
        firstName: "Grace",
        email: "grace@cobol.example",
        linkedinUrl: "https://www.linkedin.com/in/Grace-Hopper/",
        location: "London",
        listId: list.id,
      })
    ).id;
    unipile.throttle(1);
    const r = await call("POST", `/api/leads/${leadId}/enrich`);
    expect(r.json).toMatchObject({ profile: "enriched" });
    const [row] = await ctx.db.select().from(leads).where(eq(leads.id, leadId));
    expect(row!.headline).toBe("CTO at Cobol Labs");
    expect(row!.jobTitle).toBe("CTO");
    expect(row!.location).toBe("London"); // filled fields are never overwritten
    expect((row!.enrichment as { skills: string[] }).skills).toEqual(["Compilers", "COBOL"]);
    expect(unipile.requests.filter((q) => q.path === "/api/v1/users/grace-hopper")).toHaveLength(2);
    const unknown = await createLead(ctx, actor, { linkedinUrl: "linkedin.com/in/nobody-here" });
    expect((await call("POST", `/api/leads/${unknown.id}/enrich`)).json.profile).toBe("not_found");

    await launchEmailSequence(ctx, actor, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "me@li.test",
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
        { channel: "email", delayDays: 2, condition: "no_reply", body: "Following up" },
      ],
    });
    await runSchedulerOnce(ctx, pool);
    expect(sink.received).toHaveLength(1);
  });

  it("takes webhook events in the background: our own message is ignored, a LinkedIn reply stops every channel", async () => {
    const info = await call("GET", "/api/integrations/linkedin");
    const hook = new URL(info.json.webhookUrl).pathname;
    const own = await api.call("POST", hook, {
      body: {
        event: "message_received",
        account_id: "acc-1",
        sender: { attendee_provider_id: "ME_PROVIDER", attendee_public_identifier: "me" },
        message: "Hi Grace!",
      },
    });
    expect(own.status).toBe(202);
    const reply = await api.call("POST", hook, {
      body: {
        event: "message_received",
        account_id: "acc-1",
        sender: { attendee_provider_id: "ACoGRACE", attendee_public_identifier: "grace-hopper" },
        message: "Happy to chat next week.",
      },
    });
    expect(reply.status).toBe(202);
    const forged = await api.call("POST", hook.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAA"), { body: {} });
    expect(forged.status).toBe(401);
    const worker = startWorker(ctx, [linkedinEventJob as never], { pollMs: 20 });
    await worker.idle();
    await worker.stop();
    const inbound = await ctx.db.select().from(inboundMessages).where(eq(inboundMessages.leadId, leadId));
    expect(inbound.map((i) => [i.channel, i.kind, i.text])).toEqual([
      ["linkedin", "human_reply", "Happy to chat next week."],
    ]);
    const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, leadId));
    expect(e!.state).toBe("replied");
    ctx.clock.advance(3 * 86_400_000);
    await runSchedulerOnce(ctx, pool);
    expect(sink.received).toHaveLength(1); // the email follow-up never went out
  });
});
