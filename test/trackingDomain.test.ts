import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { messages } from "../src/db/schema";
import { startDnsServer, type Zone } from "./support/dnsServer";
import { startSmtpSink } from "./support/smtpSink";
import { openAllDayWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

/** Overture's public host, as recipients reach it; the tracking domain is a CNAME to it. */
const PUBLIC = "https://overture-host.com:8443";
const zone: Zone = { "overture-host.com": { a: ["192.0.2.10"] } };

let ctx: TestContext;
let actor: Actor;
let key = "";
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let pool: ChannelPool;
let api: Awaited<ReturnType<typeof testServer>>;
let senderId = "";

beforeAll(async () => {
  dns = await startDnsServer(zone);
  ctx = await createTestContext({
    clock: testClock("2026-03-10T10:00:00Z"),
    env: { DNS_SERVERS: dns.address, PUBLIC_URL: PUBLIC },
  });
  const opened = await openAllDayWorkspace(ctx, "Tracking domain");
  actor = opened.actor;
  key = opened.ws.apiKey;
  sink = await startSmtpSink();
  pool = new ChannelPool(ctx);
  api = await testServer(ctx);
  const r = await call("POST", "/api/sender-accounts", {
    kind: "smtp",
    name: "Ada at Acme",
    fromEmail: "ada@acme.com",
    smtp: { host: "127.0.0.1", port: sink.port, secure: false },
    minGapSeconds: 0,
    jitterSeconds: 0,
  });
  expect(r.status).toBe(201);
  senderId = r.json.id;
});
afterAll(async () => {
  await api.close();
  await pool.close();
  await sink.close();
  await dns.close();
  await ctx.close();
});

const call = (method: string, url: string, body?: unknown) => api.call(method, url, { key, body });
const tracking = (method = "GET", body?: unknown, suffix = "") =>
  call(method, `/api/sender-accounts/${senderId}/tracking-domain${suffix}`, body);

/** One tracked email from the sender to a new lead, as the SMTP server received it. */
async function sendOne(name: string) {
  const list = await createList(ctx, actor, { name });
  await createLead(ctx, actor, {
    firstName: "Tess",
    email: `${name.toLowerCase()}@prospect.com`,
    listId: list.id,
  });
  const run = await createRun(ctx, actor, { name, playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name,
    listIds: [list.id],
    senderAccountId: senderId,
    trackOpens: true,
    trackClicks: true,
    steps: [
      {
        channel: "email",
        delayDays: 0,
        condition: "always",
        subject: "Hi",
        body: "Hi {{first_name}}, the report is at https://example.com/report. Thoughts?",
      },
    ],
  });
  await launchSequence(ctx, actor, seq.id);
  expect(await runSchedulerOnce(ctx, pool)).toBe(1);
  const raw = sink.received.at(-1)!.raw;
  const mail = await simpleParser(raw);
  const lab = await call("GET", `/api/sequences/${seq.id}/lab`);
  const findings = (
    lab.json.sequenceFindings as { code: string; severity: string; message: string }[]
  ).filter((f) => f.code === "tracking_domain_not_in_use");
  return {
    findings,
    mail,
    html: mail.html as string,
    listUnsubscribe: /^List-Unsubscribe:\s*(.*)$/im.exec(raw.replace(/\r?\n[ \t]+/g, " "))?.[1] ?? "",
  };
}

describe("a custom tracking domain per sender", () => {
  it("starts with none, and links point to PUBLIC_URL", async () => {
    const r = await tracking();
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      domain: null,
      status: "none",
      inUse: false,
      target: "overture-host.com",
      linkBase: PUBLIC,
    });
  });

  it("refuses what is not a host name recipients can reach, with a sentence, and changes nothing", async () => {
    for (const [domain, says] of [
      ["192.0.2.1", "not an address"],
      ["track acme.com", "not a valid host name"],
      ["track.acme.internal", "not under a public domain"],
    ] as const) {
      const r = await tracking("PUT", { domain });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toContain(says);
    }
    expect((await tracking()).json.status).toBe("none");
  });

  it("keeps links on PUBLIC_URL while the CNAME is missing, and says which record to add", async () => {
    const r = await tracking("PUT", { domain: "https://Track.Acme.com/" });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      domain: "track.acme.com",
      status: "fail",
      inUse: false,
      linkBase: PUBLIC,
      message:
        "track.acme.com has no CNAME record. Add a DNS record: track.acme.com CNAME overture-host.com.",
    });
    const { html, mail, listUnsubscribe, findings } = await sendOne("Before");
    // Launch is not held (the mail goes out with links on PUBLIC_URL), but readiness says why.
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: expect.stringContaining(
          'The tracking domain track.acme.com of sender "Ada at Acme" is not in use',
        ),
      }),
    ]);
    expect(html).toContain(`src="${PUBLIC}/t/o/`);
    expect(html).toContain(`href="${PUBLIC}/t/c/`);
    expect(mail.text).toContain(`Unsubscribe: ${PUBLIC}/unsubscribe/`);
    expect(listUnsubscribe).toContain(`${PUBLIC}/unsubscribe/`);
  });

  it("moves open, click and unsubscribe links to the domain once its CNAME points to Overture, and they work", async () => {
    zone["track.acme.com"] = { cname: "track.other-tool.com" };
    const wrong = await tracking("POST", undefined, "/check");
    expect(wrong.json).toMatchObject({ status: "fail", inUse: false, evidence: "track.other-tool.com" });
    expect(wrong.json.message).toContain("change its CNAME record to overture-host.com");

    zone["track.acme.com"] = { cname: "overture-host.com" };
    const fixed = await tracking("POST", undefined, "/check");
    expect(fixed.status).toBe(200);
    const base = "https://track.acme.com:8443";
    expect(fixed.json).toMatchObject({
      status: "pass",
      inUse: true,
      linkBase: base,
      checkedBy: expect.any(String),
    });

    const { html, mail, listUnsubscribe, findings } = await sendOne("After");
    expect(findings).toEqual([]);
    const pixel = new RegExp(`src="${base}(/t/o/[^"]+)"`).exec(html)![1]!;
    const click = new RegExp(`href="${base}(/t/c/[^"]+)"`).exec(html)![1]!.replace(/&amp;/g, "&");
    expect(mail.text).toContain(`Unsubscribe: ${base}/unsubscribe/`);
    expect(listUnsubscribe).toMatch(new RegExp(`<${base}/unsubscribe/[^>]+>`));
    expect(html).not.toContain("overture-host.com");

    // The same server answers on the tracking domain (it is a CNAME to it): the paths are the same.
    expect((await api.call("GET", pixel)).status).toBe(200);
    const clicked = await api.call("GET", click);
    expect(clicked.status).toBe(302);
    expect(clicked.headers.location).toBe("https://example.com/report");
    const sent = await ctx.db.select().from(messages).where(eq(messages.senderAccountId, senderId));
    const last = sent.find((m) => m.subject === "Hi" && m.openCount > 0)!;
    expect([last.openCount, last.clickCount]).toEqual([1, 1]);
  });

  it("stops using the domain when PUBLIC_URL moves to another host, until it is checked again", async () => {
    const before = ctx.config.publicUrl;
    ctx.config.publicUrl = "https://new-host.com";
    try {
      const r = await tracking();
      expect(r.json).toMatchObject({ status: "not_checked", inUse: false, linkBase: "https://new-host.com" });
    } finally {
      ctx.config.publicUrl = before;
    }
    expect((await tracking()).json).toMatchObject({ status: "pass", inUse: true });
  });

  it("is removed with null, on the audit log, and a check without a domain is a 409", async () => {
    const r = await tracking("PUT", { domain: null });
    expect(r.json).toMatchObject({ domain: null, status: "none", inUse: false, linkBase: PUBLIC });
    expect((await tracking("POST", undefined, "/check")).status).toBe(409);
    const log = await call("GET", "/api/audit-log");
    const actions = (log.json.events ?? log.json).map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["sender.tracking_domain_set", "sender.tracking_domain_removed"]),
    );
  });

  it("is not offered for the sandbox sender", async () => {
    const sandbox = await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "Sandbox",
      fromEmail: "sb@acme.com",
    });
    const r = await call("PUT", `/api/sender-accounts/${sandbox.json.id}/tracking-domain`, {
      domain: "track.acme.com",
    });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain("sandbox");
  });
});
