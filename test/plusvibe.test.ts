import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrations, leads, outreachEmails } from "../src/db/schema";
import { startPlusVibeServer } from "./support/plusvibeServer";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let pv: Awaited<ReturnType<typeof startPlusVibeServer>>;
let key = "";
let workspaceId = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

/** A lead whose writeback ran: status Email Ready, a written draft with custom_* variables. */
async function readyLead(email: string) {
  const lead = (await call("POST", "/api/leads", { email, firstName: "Ready", company: "Acme" })).json;
  await ctx.db.update(leads).set({ status: "email_generated" }).where(eq(leads.id, lead.id));
  await ctx.db.insert(outreachEmails).values({
    workspaceId,
    leadId: lead.id,
    subject: "A quick note",
    body: "Hi",
    variables: {
      custom_audit_grade: "C",
      custom_top_issue: "No meta description",
      custom_email_subject: "A quick note",
    },
  });
  return lead.id as string;
}

beforeAll(async () => {
  pv = await startPlusVibeServer({ apiKey: "pv-key", workspaceId: "pv-ws" });
  ctx = await createTestContext();
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "PV");
  key = ws.apiKey;
  workspaceId = ws.workspaceId;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await pv.close();
});

describe("PlusVibe", () => {
  it("answers the readiness guard first: 409 with ready and notReady, even before a connection exists", async () => {
    const ok = await readyLead("ok@acme.example");
    const fresh = (await call("POST", "/api/leads", { email: "new@acme.example" })).json.id;
    const r = await call("POST", "/api/plusvibe/leads/push", { leadIds: [ok, fresh], campaignId: "camp_1" });
    expect(r.status).toBe(409);
    expect(r.json).toEqual({
      ready: [ok],
      notReady: [{ id: fresh, status: "new", reason: "Lead has not been audited yet, run an audit first" }],
    });
    // A ready selection with no connection: a 4xx naming the missing integration.
    const none = await call("POST", "/api/plusvibe/leads/push", { leadIds: [ok], campaignId: "camp_1" });
    expect(none.status).toBe(422);
    expect(none.json.error.message).toMatch(/PlusVibe is not connected/);
    expect(pv.requests).toHaveLength(0);
  });

  it("connects with the key encrypted, checks the connection and lists campaigns", async () => {
    const bad = await call("PUT", "/api/integrations/plusvibe", {
      apiKey: "wrong",
      workspaceId: "pv-ws",
      baseUrl: pv.baseUrl,
    });
    expect(bad.json.check).toMatchObject({ ok: false });
    expect(bad.json.check.error).toMatch(/refused the API key/);
    const r = await call("PUT", "/api/integrations/plusvibe", {
      apiKey: "pv-key",
      workspaceId: "pv-ws",
      baseUrl: pv.baseUrl,
    });
    expect(r.json).toMatchObject({
      connected: true,
      workspaceId: "pv-ws",
      check: { ok: true, campaigns: 2 },
    });
    expect(JSON.stringify(r.json)).not.toContain("pv-key");
    const [row] = await ctx.db.select().from(integrations);
    expect(row!.secretEnc).not.toContain("pv-key");
    const c = await call("GET", "/api/plusvibe/campaigns");
    expect(c.json.map((x: { name: string }) => x.name)).toEqual(["Website audits Q1", "Re-engagement"]);
  });

  it("pushes ready leads with every custom_* variable in the same call, through a 429 with Retry-After", async () => {
    const a = await readyLead("a@acme.example");
    const b = await readyLead("b@acme.example");
    pv.throttle(1);
    const r = await call("POST", "/api/plusvibe/leads/push", { leadIds: [a, b], campaignId: "camp_1" });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ pushed: 2, partial: false });
    const added = pv.leadsIn("camp_1");
    expect(added.map((l) => l.email).sort()).toEqual(["a@acme.example", "b@acme.example"]);
    expect(added[0]).toMatchObject({
      custom_audit_grade: "C",
      custom_top_issue: "No meta description",
      first_name: "Ready",
    });
    const adds = pv.requests.filter((q) => q.path === "/api/v1/lead/add");
    expect(adds).toHaveLength(2); // the throttled attempt, then the one that went in
    const [row] = await ctx.db.select().from(leads).where(eq(leads.id, a));
    expect(row!.status).toBe("email_sent");
  });

  it("marks leads completed by email, listing those without one as skipped", async () => {
    const withEmail = await readyLead("done@acme.example");
    const without = (await call("POST", "/api/leads", { linkedinUrl: "linkedin.com/in/no-email" })).json.id;
    const r = await call("POST", "/api/plusvibe/leads/complete", { leadIds: [withEmail, without] });
    expect(r.json).toMatchObject({
      completed: [withEmail],
      skipped: [{ id: without, reason: "the lead has no email" }],
    });
    const status = pv.requests.filter((q) => q.path === "/api/v1/lead/update/status");
    expect(status.at(-1)!.body).toMatchObject({
      workspace_id: "pv-ws",
      email: "done@acme.example",
      new_status: "COMPLETED",
    });
  });

  it("writes a lead's variables back, syncs statuses (forward only, paging), and takes PlusVibe's events", async () => {
    const lead = await readyLead("sync@acme.example");
    await ctx.db
      .update(leads)
      .set({ customFields: { audit_grade: "B", top_issue: "Slow homepage" } })
      .where(eq(leads.id, lead));
    const wb = await call("POST", `/api/plusvibe/leads/${lead}/writeback`);
    expect(wb.json.error?.message ?? "").toBe("");
    expect(wb.status).toBe(200);
    expect(pv.variablesOf("sync@acme.example")).toEqual({
      custom_audit_grade: "B",
      custom_top_issue: "Slow homepage",
    });

    // 150 PlusVibe leads over two pages; ours moves forward to replied, one of ours stays (no backward move).
    const others = Array.from({ length: 149 }, (_, i) => ({
      email: `x${i}@else.example`,
      status: "CONTACTED",
    }));
    pv.setWorkspaceLeads([...others, { email: "sync@acme.example", status: "REPLIED" }]);
    const sync = await call("POST", "/api/plusvibe/sync");
    expect(sync.json).toEqual({ seen: 150, matched: 1, updated: 1 });
    const [after] = await ctx.db.select().from(leads).where(eq(leads.id, lead));
    expect(after!.status).toBe("replied");

    const pvInfo = await call("GET", "/api/integrations/plusvibe");
    const hookPath = new URL(pvInfo.json.webhookUrl).pathname;
    const bounced = await readyLead("bounce@acme.example");
    const b = await api.call("POST", hookPath, {
      body: { webhook_event: "BOUNCED_EMAIL", lead_email: "bounce@acme.example" },
    });
    expect(b.status).toBe(202);
    const [br] = await ctx.db.select().from(leads).where(eq(leads.id, bounced));
    expect(br).toMatchObject({ status: "bounced", emailStatus: "invalid" });
    const replier = await readyLead("reply@acme.example");
    await api.call("POST", hookPath, {
      body: {
        webhook_event: "ALL_EMAIL_REPLIES",
        lead_email: "reply@acme.example",
        text_body: "Yes, let's talk.",
      },
    });
    const inbox = await call("GET", "/api/inbox");
    expect(inbox.json.find((t: { email: string }) => t.email === "reply@acme.example")).toMatchObject({
      classification: "interested",
    });
    const [rr] = await ctx.db.select().from(leads).where(eq(leads.id, replier));
    expect(rr!.status).toBe("replied");
    const forged = await api.call("POST", hookPath.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAA"), {
      body: { webhook_event: "BOUNCED_EMAIL", lead_email: "reply@acme.example" },
    });
    expect(forged.status).toBe(401);
  });
});
