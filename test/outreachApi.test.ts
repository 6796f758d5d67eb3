import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { unsubscribeToken } from "../src/app/outreach/unsubscribe";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let workspaceId = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") }); // Tuesday 10:00 UTC
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "Outreach Co");
  key = ws.apiKey;
  workspaceId = ws.workspaceId;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("runs, sequences and the sandbox over the API", () => {
  it("lists and filters the play library", async () => {
    const all = (await call("GET", "/api/plays")).json;
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(
      (await call("GET", "/api/plays?relationship=warm")).json.map((p: { key: string }) => p.key),
    ).toEqual(["builtin:warm-reengagement"]);
  });

  it("creates a run from a play, swaps the play only in draft, and walks the run states", async () => {
    const run = (await call("POST", "/api/runs", { name: "Q2", playKey: "builtin:cold-persona" })).json;
    expect(run.status).toBe("draft");
    expect(
      (await call("PATCH", `/api/runs/${run.id}`, { playKey: "builtin:linkedin-first" })).json.playKey,
    ).toBe("builtin:linkedin-first");
    expect((await call("PATCH", `/api/runs/${run.id}`, { status: "completed" })).status).toBe(409);
    expect((await call("PATCH", `/api/runs/${run.id}`, { status: "active" })).json.status).toBe("active");
    const locked = await call("PATCH", `/api/runs/${run.id}`, { playKey: "builtin:email-only" });
    expect(locked.status).toBe(409);
    expect(locked.json.error.message).toBe("the play is locked once the run has started");
    expect((await call("POST", "/api/runs", { name: "x", playKey: "builtin:nope" })).status).toBe(404);
  });

  it("launches a sandbox sequence, shows it on the dashboard, and a sandbox reply stops the lead", async () => {
    const list = (await call("POST", "/api/lists", { name: "Sandbox list" })).json;
    const lead = (
      await call("POST", "/api/leads", { firstName: "Sam", email: "sam@shop.co.uk", listId: list.id })
    ).json;
    const sender = (
      await call("POST", "/api/sender-accounts", {
        kind: "sandbox",
        name: "Sandbox",
        fromEmail: "me@sandbox.test",
        minGapSeconds: 0,
        jitterSeconds: 0,
      })
    ).json;
    expect((await call("POST", `/api/sender-accounts/${sender.id}/test`)).json).toEqual({ ok: true });
    const run = (await call("POST", "/api/runs", { name: "Sandbox run", playKey: "builtin:email-only" }))
      .json;
    const seq = (await call("POST", "/api/sequences", { runId: run.id, name: "Try", listIds: [list.id] }))
      .json;
    expect(seq.steps.map((s: { channel: string }) => s.channel)).toEqual([
      "email",
      "email",
      "email",
      "email",
    ]);
    const noSender = await call("POST", `/api/sequences/${seq.id}/launch`);
    expect(noSender.status).toBe(409);
    expect(noSender.json.error.details.field).toBe("senderAccountId");
    await call("PATCH", `/api/sequences/${seq.id}`, { senderAccountId: sender.id });
    expect(
      (
        await call("PUT", `/api/sequences/${seq.id}/steps`, {
          steps: [
            {
              channel: "email",
              delayDays: 0,
              condition: "always",
              subject: "Hello {{first_name}}",
              body: "Hi {{first_name}}",
            },
            { channel: "email", delayDays: 2, condition: "no_reply", body: "Bump" },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await call("POST", `/api/sequences/${seq.id}/launch`)).json).toMatchObject({
      enrolled: 1,
      active: 1,
    });
    const dash = (await call("GET", `/api/sequences/${seq.id}/dashboard`)).json;
    expect(dash.upcoming[0]).toMatchObject({
      zone: "Europe/London",
      zoneSource: "email_tld",
      nextStepAt: "2026-03-10T10:00:00.000Z",
    });
    expect(await runSchedulerOnce(ctx, new ChannelPool(ctx))).toBe(1);
    const box = (await call("GET", "/api/sandbox/messages")).json;
    expect(box[0]).toMatchObject({ subject: "Hello Sam", toAddress: "sam@shop.co.uk", status: "sent" });
    const r = await call("POST", `/api/sandbox/messages/${box[0].id}/reply`, { text: "Yes, let's talk." });
    expect(r.json.kind).toBe("human_reply");
    const after = (await call("GET", `/api/sequences/${seq.id}/dashboard`)).json;
    expect(after.states).toEqual({ replied: 1 });
    const history = (await call("GET", `/api/leads/${lead.id}/outreach`)).json;
    expect(history.inbound[0].text).toBe("Yes, let's talk.");
    const timeline = (await call("GET", `/api/leads/${lead.id}/timeline`)).json.map(
      (e: { type: string }) => e.type,
    );
    expect(timeline.slice(0, 3)).toEqual(["replied", "message_sent", "enrolled"]);
    expect((await call("GET", `/api/leads/${lead.id}`)).json.status).toBe("replied");
  });

  it("serves the unsubscribe page and honours RFC 8058 one-click POSTs", async () => {
    const lead = (await call("POST", "/api/leads", { email: "una@sub.io" })).json;
    const token = unsubscribeToken(ctx, workspaceId, lead.id);
    const page = await api.app.inject({ method: "GET", url: `/unsubscribe/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Unsubscribe me");
    const forged = await api.app.inject({ method: "GET", url: `/unsubscribe/${token.slice(0, -3)}abc` });
    expect(forged.statusCode).toBe(400);
    const click = await api.app.inject({
      method: "POST",
      url: `/unsubscribe/${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(click.statusCode).toBe(200);
    expect((await call("GET", `/api/leads/${lead.id}`)).json.status).toBe("unsubscribed");
    const t = (await call("GET", `/api/leads/${lead.id}/timeline`)).json;
    expect(t[0]).toMatchObject({ type: "unsubscribed", data: { via: "one-click" } });
  });

  it("edits a sender without exposing or losing its password, and refuses to delete one a sequence uses", async () => {
    const created = await call("POST", "/api/sender-accounts", {
      kind: "smtp",
      name: "Mailbox",
      fromEmail: "Sales@Outreach.example",
      smtp: { host: "smtp.outreach.example", port: 587, secure: false, user: "sales", password: "pw-1" },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const { senderAccounts } = await import("../src/db/schema");
    const { eq } = await import("drizzle-orm");
    const stored = async () =>
      (await ctx.db.select().from(senderAccounts).where(eq(senderAccounts.id, id)))[0]!;
    const encBefore = (await stored()).smtpPasswordEnc;

    // The stored password goes only to the server it was entered for.
    const moved = await call("PATCH", `/api/sender-accounts/${id}`, {
      smtp: { host: "smtp2.outreach.example", port: 465, secure: true, user: "sales" },
    });
    expect(moved.status).toBe(400);
    expect(moved.json.error.message).toBe(
      "smtp.password: re-enter the password when the host, port, TLS mode change",
    );
    const edited = await call("PATCH", `/api/sender-accounts/${id}`, {
      name: "Sales mailbox",
      dailyCap: 80,
      smtp: { host: "smtp.outreach.example", port: 587, secure: false, user: "sales" },
      imap: { host: "imap.outreach.example", port: 993, secure: true, password: "pw-imap" },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      name: "Sales mailbox",
      dailyCap: 80,
      smtpHost: "smtp.outreach.example",
      smtpPort: 587,
      hasSmtpPassword: true,
      hasImapPassword: true,
    });
    expect(JSON.stringify(edited.json)).not.toContain("pw-");
    expect((await stored()).smtpPasswordEnc).toBe(encBefore); // left out: kept
    expect(ctx.secrets.decrypt((await stored()).imapPasswordEnc!)).toBe("pw-imap");
    expect((await call("PATCH", `/api/sender-accounts/${id}`, { imap: null })).json.imapHost).toBeNull();
    expect((await call("PATCH", `/api/sender-accounts/${id}`, { dailyCap: 0 })).status).toBe(400);

    const run = (await call("POST", "/api/runs", { name: "Uses sender", playKey: "builtin:email-only" }))
      .json;
    const list = (await call("POST", "/api/lists", { name: "Sender list" })).json;
    const seq = (
      await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Through it",
        listIds: [list.id],
        senderAccountId: id,
      })
    ).json;
    await call("POST", `/api/sequences/${seq.id}/launch`);
    const refused = await call("DELETE", `/api/sender-accounts/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain("Through it");
    // A draft-only account goes at once.
    const spare = (
      await call("POST", "/api/sender-accounts", { kind: "sandbox", name: "Spare", fromEmail: "s@o.example" })
    ).json;
    expect((await call("DELETE", `/api/sender-accounts/${spare.id}`)).status).toBe(200);
    expect(
      (await call("GET", "/api/sender-accounts")).json.map((s: { name: string }) => s.name),
    ).not.toContain("Spare");
  });
});
