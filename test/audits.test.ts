import { createServer, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "../src/domain/appError";
import { leads, outreachEmails } from "../src/db/schema";
import { startDnsServer } from "./support/dnsServer";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let site: Server;
let port = 0;
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

// A site with known problems: no <title>, no viewport, images without alt, one broken internal link.
const badHome = `<!doctype html><html><head><meta name="description" content="Acme builds rockets."></head>
<body><h1>Acme</h1><img src="/a.png"><img src="/b.png"><a href="/about">About</a><a href="/gone">Old page</a></body></html>`;

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url === "/gone") return res.writeHead(404).end("not found");
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(req.url === "/" ? badHome : "<p>ok</p>");
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", () => r()));
  port = (site.address() as { port: number }).port;
  dns = await startDnsServer({
    localhost: {
      txt: ["v=spf1 include:_spf.example.net -all"],
      mx: [{ priority: 10, exchange: "mx.localhost" }],
    },
    "_dmarc.localhost": { txt: ["v=DMARC1; p=none"] },
  });
  sink = await startSmtpSink();
  ctx = await createTestContext({
    clock: testClock("2026-03-10T10:00:00Z"),
    env: { DNS_SERVERS: dns.address },
  });
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Audit Co")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await dns.close();
  await sink.close();
  await new Promise<void>((r) => site.close(() => r()));
});

/** A lead whose "company domain" is the local test site (a port is no real domain, so it is set directly). */
async function localLead(fields: { firstName: string; email: string; company?: string }) {
  const lead = (await call("POST", "/api/leads", fields)).json;
  await ctx.db
    .update(leads)
    .set({ companyDomain: `localhost:${port}` })
    .where(eq(leads.id, lead.id));
  return lead;
}

describe("website audits and the writeback", () => {
  it("audits a site with known problems, keeps the report, and writes the email with its merge variables at once", async () => {
    await call("POST", "/api/strategy-profiles", {
      name: "Web fixes",
      senderName: "Mia",
      senderCompany: "Fixers",
      offer: "Fix slow and broken websites",
      callToAction: "Want the full list",
    });
    const lead = await localLead({ firstName: "Tess", email: "tess@acme.example", company: "Acme" });
    const r = await call("POST", `/api/leads/${lead.id}/audit`);
    expect(r.status).toBe(200);
    const audit = (await call("GET", `/api/audits/${r.json.auditId}`)).json;
    const codes = audit.result.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "title-missing",
        "viewport-missing",
        "images-missing-alt",
        "broken-links",
        "no-https",
        "dmarc-none",
      ]),
    );
    expect(codes).not.toContain("spf-missing");
    expect(codes).not.toContain("mx-missing");
    expect(audit.grade).toBe(r.json.grade);
    expect(["D", "F"]).toContain(audit.grade);
    expect(audit.topIssue).toBe(r.json.topIssue);

    // The lead: audited, then "Email Ready" with its variables in the same step.
    const l = (await call("GET", `/api/leads/${lead.id}`)).json;
    expect(l).toMatchObject({ status: "email_generated", auditId: audit.id, auditGrade: audit.grade });
    expect(l.customFields).toMatchObject({
      audit_grade: audit.grade,
      top_issue: audit.topIssue,
      audit_url: `http://127.0.0.1:3000/audits/${audit.id}`,
    });
    const [email] = await ctx.db.select().from(outreachEmails).where(eq(outreachEmails.leadId, lead.id));
    expect(email!.hook).toMatchObject({ kind: "audit_finding" });
    expect(email!.body).toContain(
      audit.topIssue.replace(/^[A-Z]/, (c: string) => c.toLowerCase()).replace(/\.$/, ""),
    );
    expect(l.customFields.email_subject).toBe(email!.subject);
    const types = (await call("GET", `/api/leads/${lead.id}/timeline`)).json.map(
      (e: { type: string }) => e.type,
    );
    expect(types.slice(0, 2)).toEqual(["email_generated", "audit_completed"]);
    // A GDPR export carries the draft and the audit too.
    const exported = (await call("GET", `/api/leads/${lead.id}/export`)).json;
    expect(exported.outreachEmails.map((e: { id: string }) => e.id)).toEqual([email!.id]);
    expect(exported.audits.map((a: { id: string }) => a.id)).toEqual([audit.id]);
    // Auditing again replaces the unsent draft instead of queueing a second one.
    await call("POST", `/api/leads/${lead.id}/audit`);
    expect(await ctx.db.select().from(outreachEmails).where(eq(outreachEmails.leadId, lead.id))).toHaveLength(
      1,
    );
  });

  it("will not fetch a private address that is not allowlisted (the SSRF guard): the site is 'not checked', with no grade and no email", async () => {
    const strict = await createTestContext({ env: { FETCH_ALLOW_PRIVATE: "", DNS_SERVERS: dns.address } });
    try {
      const { auditLead, getAudit } = await import("../src/app/audits/auditLead");
      const ws = await seedWorkspace(strict, "Strict");
      const actor = {
        workspaceId: ws.workspaceId,
        userId: ws.userId,
        role: "owner" as const,
        via: "cli" as const,
        label: "t",
      };
      const [lead] = await strict.db
        .insert(leads)
        .values({ workspaceId: ws.workspaceId, email: "x@y.example", companyDomain: `127.0.0.1:${port}` })
        .returning();
      const refused = await auditLead(strict, actor, lead!.id).catch((e: AppError) => e);
      expect(refused).toMatchObject({ code: "conflict" });
      expect((refused as AppError).message).toMatch(/not checked \(.*private or loopback/);
      const a = await getAudit(
        strict,
        actor,
        (refused as AppError & { details: { auditId: string } }).details.auditId,
      );
      expect(a).toMatchObject({ status: "failed", grade: null });
      expect(a.error).toMatch(/^not checked: /);
      expect(await strict.db.select().from(outreachEmails)).toEqual([]);
      const [after] = await strict.db.select().from(leads).where(eq(leads.id, lead!.id));
      expect(after).toMatchObject({ auditGrade: null, status: "new" });
    } finally {
      await strict.close();
    }
  });

  it("queues bulk audits (skipping leads without a domain) and the Emails queue approves and sends once", async () => {
    const noDomain = (await call("POST", "/api/leads", { firstName: "Nod", email: "nod@gmail.com" })).json;
    const withDomain = (
      await call("POST", "/api/leads", {
        firstName: "Wes",
        email: "wes@w.example",
        companyDomain: `localhost:${port}`,
      })
    ).json;
    const q = await call("POST", "/api/leads/audits", { leadIds: [noDomain.id, withDomain.id] });
    expect(q.status).toBe(202);
    expect(q.json).toMatchObject({ queued: 1, skipped: [{ id: noDomain.id, reason: "no company domain" }] });
    expect((await call("GET", `/api/leads/${withDomain.id}`)).json.status).toBe("audit_queued");
    expect((await call("GET", `/api/jobs/${q.json.jobId}`)).json.kind).toBe("leads.audit");

    const drafts = (await call("GET", "/api/emails?status=draft")).json;
    expect(drafts.length).toBe(1);
    const id = drafts[0].id;
    expect(
      (await call("PATCH", `/api/emails/${id}`, { subject: "A note on your website" })).json.subject,
    ).toBe("A note on your website");
    expect((await call("POST", `/api/emails/${id}/send`, {})).status).toBe(409); // no sender account yet
    await call("POST", "/api/sender-accounts", {
      kind: "smtp",
      name: "Out",
      fromEmail: "mia@fixers.example",
      smtp: { host: "127.0.0.1", port: sink.port, secure: false },
    });
    const sent = await call("POST", `/api/emails/${id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe("sent");
    expect(sink.received.map((m) => [m.to[0], m.headers.subject])).toEqual([
      ["tess@acme.example", "A note on your website"],
    ]);
    expect(sink.received[0]!.headers["list-unsubscribe"]).toMatch(/unsubscribe/);
    // A second click sends nothing and answers what the first did.
    const again = await call("POST", `/api/emails/${id}/send`, {});
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: "sent", sentAt: sent.json.sentAt });
    expect(sink.received.length).toBe(1);
    expect((await call("PATCH", `/api/emails/${id}`, { body: "changed" })).status).toBe(409);
  });
});
