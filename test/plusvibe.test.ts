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
  pv = await startPlusVibeServer({ apiKey: "pv-key", workspaceId: "pv-ws", pageSize: 3 });
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

  it("shows a lead's Unibox conversation oldest first, as text only, a page at a time", async () => {
    const lead = (await call("POST", "/api/leads", { email: "Conv@Acme.example", firstName: "Ada" })).json.id;
    const email = (id: string, day: number, direction: "IN" | "OUT", more: Record<string, unknown>) => ({
      id,
      message_id: `<${id}@mail.example>`,
      from_address_email: direction === "OUT" ? "Sam Sender <sam@overture.example>" : "conv@acme.example",
      to_address_email_list: direction === "OUT" ? "conv@acme.example" : "sam@overture.example",
      subject: day === 5 ? "A quick note about acme.example" : "Re: A quick note about acme.example",
      timestamp_created: `2026-01-0${day}T09:00:00.000Z`,
      direction,
      campaign_id: "camp_1",
      is_unread: 0,
      ...more,
    });
    // Stored out of order; PlusVibe answers newest first, three a page.
    pv.setUniboxEmails("conv@acme.example", [
      email("e2", 6, "IN", { body: { text: "Thanks, tell me more." }, label: "INTERESTED" }),
      email("e5", 9, "OUT", { content_preview: "Following up on my last note" }),
      email("e1", 5, "OUT", {
        body: {
          html: "<p>Hi Ada,</p><p>We&rsquo;ve looked at <b>acme.example</b> &amp; found 3 issues&#99999999;:</p>\n<ul><li>Slow</li><li>No &#x27;alt&#x27;</li></ul><script>alert(1)</script><img src=x onerror=alert(2)>",
        },
      }),
      email("e4", 8, "IN", { body: "<div>Sounds good.<br>Call me on Friday</div>" }),
      email("e3", 7, "OUT", {
        body: { text: "Here are the details.", html: "<p>Here are <i>the</i> details.</p>" },
      }),
    ]);
    const p1 = await call("GET", `/api/leads/${lead}/plusvibe/emails`);
    expect(p1.status).toBe(200);
    expect(p1.json.emails).toEqual([
      {
        id: "e3",
        direction: "out",
        from: "sam@overture.example",
        to: "conv@acme.example",
        subject: "Re: A quick note about acme.example",
        text: "Here are the details.",
        at: "2026-01-07T09:00:00.000Z",
      },
      expect.objectContaining({ id: "e4", direction: "in", text: "Sounds good.\nCall me on Friday" }),
      expect.objectContaining({ id: "e5", direction: "out", text: "Following up on my last note" }),
    ]);
    expect(p1.json.nextPageTrail).toEqual(expect.any(String));
    const asked = pv.requests.filter((q) => q.path === "/api/v1/unibox/emails").at(-1)!;
    expect(asked.query).toMatchObject({
      workspace_id: "pv-ws",
      lead: "conv@acme.example",
      email_type: "all",
    });

    const p2 = await call(
      "GET",
      `/api/leads/${lead}/plusvibe/emails?pageTrail=${encodeURIComponent(p1.json.nextPageTrail)}`,
    );
    expect(p2.json.nextPageTrail).toBeNull();
    expect(p2.json.emails.map((e: { id: string; direction: string }) => [e.id, e.direction])).toEqual([
      ["e1", "out"],
      ["e2", "in"],
    ]);
    // The HTML body comes back as text: no tag, no script, entities decoded (an impossible one dropped).
    expect(p2.json.emails[0]).toMatchObject({
      subject: "A quick note about acme.example",
      text: "Hi Ada,\n\nWe’ve looked at acme.example & found 3 issues:\n\n• Slow\n• No 'alt'",
    });
    expect(p2.body).not.toMatch(/<(p|b|script|img)\b|alert/);

    // A trail PlusVibe does not know is PlusVibe's error, named.
    const bad = await call("GET", `/api/leads/${lead}/plusvibe/emails?pageTrail=nope`);
    expect(bad.status).toBe(502);
    expect(bad.json.error.message).toMatch(/PlusVibe answered HTTP 400/);
  });

  it("refuses a Unibox view for a lead without email, another workspace's lead, or without a connection", async () => {
    const noEmail = (await call("POST", "/api/leads", { linkedinUrl: "linkedin.com/in/unibox-none" })).json
      .id;
    const r = await call("GET", `/api/leads/${noEmail}/plusvibe/emails`);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: "validation" });
    expect(r.json.error.message).toMatch(/the lead has no email/);

    const other = await seedWorkspace(ctx, "PV other");
    const theirs = (
      await api.call("POST", "/api/leads", { key: other.apiKey, body: { email: "theirs@else.example" } })
    ).json.id;
    pv.setUniboxEmails("theirs@else.example", [
      { id: "secret", direction: "IN", subject: "Theirs", body: { text: "not yours" } },
    ]);
    const cross = await call("GET", `/api/leads/${theirs}/plusvibe/emails`);
    expect(cross.status).toBe(404);
    expect(cross.body).not.toContain("not yours");

    const before = pv.requests.length;
    const unconnected = await api.call("GET", `/api/leads/${theirs}/plusvibe/emails`, { key: other.apiKey });
    expect(unconnected.status).toBe(422);
    expect(unconnected.json.error).toMatchObject({ code: "integration_missing" });
    expect(unconnected.json.error.message).toMatch(/PlusVibe is not connected/);
    expect(pv.requests.length).toBe(before);
  });
});
