import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { getMessagingLab } from "../src/app/lab/messagingLab";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { createRun } from "../src/app/outreach/runs";
import { createSequence } from "../src/app/outreach/sequences";
import { auditEvents, leads } from "../src/db/schema";
import { startDnsServer, type Zone } from "./support/dnsServer";
import { ownerOf, seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let actor: Actor;
let key = "";
let listId = "";

const KEY = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC";
/** A domain set up right: its SPF includes the mail host's range, DKIM under mk2026, DMARC p=reject. */
function domain(d: string): Zone {
  return {
    [d]: { mx: [{ priority: 10, exchange: `mx.${d}` }], txt: ["v=spf1 include:_spf.mail.test -all"] },
    [`mk2026._domainkey.${d}`]: { txt: [KEY] },
    [`_dmarc.${d}`]: { txt: ["v=DMARC1; p=reject; adkim=s"] },
  };
}
const zone: Zone = {
  "_spf.mail.test": { txt: ["v=spf1 ip4:192.0.2.0/24 ip6:2001:db8:25::/48 -all"] },
  "smtp6.mail.test": { aaaa: ["2001:db8:25::1"] },
  "smtp6.elsewhere.test": { a: ["192.0.2.27"], aaaa: ["2001:db8:99::1"] },
  "smtp.mail.test": { a: ["192.0.2.25"] },
  "25.2.0.192.in-addr.arpa": { ptr: ["out.mail.test"] },
  "out.mail.test": { a: ["192.0.2.25"] },
  "smtp.noptr.test": { a: ["192.0.2.26"] },
  "smtp.elsewhere.test": { a: ["203.0.113.5"] },
  ...domain("good.test"),
  ...domain("nomx.test"),
  ...domain("nospf.test"),
  ...domain("toomany.test"),
  ...domain("plusall.test"),
  ...domain("revoked.test"),
  ...domain("nodmarc.test"),
  ...domain("monitor.test"),
  ...domain("brokendmarc.test"),
};
delete zone["nomx.test"]!.mx;
zone["nospf.test"]!.txt = ["some-verification=1"];
zone["toomany.test"]!.txt = [
  `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:i${i}.mail.test`).join(" ")} -all`,
];
for (let i = 0; i < 11; i++) zone[`i${i}.mail.test`] = { txt: [`v=spf1 ip4:198.51.100.${i} ~all`] };
zone["plusall.test"]!.txt = ["v=spf1 include:_spf.mail.test +all"];
zone["mk2026._domainkey.revoked.test"]!.txt = ["v=DKIM1; k=rsa; p="];
delete zone["_dmarc.nodmarc.test"];
zone["_dmarc.monitor.test"]!.txt = ["v=DMARC1; p=none"];
zone["_dmarc.brokendmarc.test"]!.txt = ["v=DMARC1 p=reject"];

beforeAll(async () => {
  dns = await startDnsServer(zone);
  ctx = await createTestContext({
    clock: testClock("2026-03-09T10:00:00Z"),
    env: { DNS_SERVERS: dns.address },
  });
  const ws = await seedWorkspace(ctx, "Domains");
  key = ws.apiKey;
  actor = ownerOf(ws, "me");
  api = await testServer(ctx);
  listId = (await createList(ctx, actor, { name: "One" })).id;
  await createLead(ctx, actor, { firstName: "Ana", email: "ana@prospect.test", listId });
  await ctx.db.update(leads).set({ emailStatus: "valid" }).where(eq(leads.workspaceId, actor.workspaceId));
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await dns.close();
});

const call = (method: string, url: string, body?: unknown) => api.call(method, url, { key, body });
async function sender(d: string, host = "smtp.mail.test", kind = "smtp") {
  const r = await call("POST", "/api/sender-accounts", {
    kind,
    name: `Me at ${d}`,
    fromEmail: `me@${d}`,
    ...(kind === "smtp" ? { smtp: { host, port: 1, secure: false } } : {}),
  });
  expect(r.status).toBe(201);
  return r.json.id as string;
}
const check = async (id: string, body: unknown = { dkimSelector: "mk2026" }) => {
  const r = await call("POST", `/api/sender-accounts/${id}/domain-check`, body);
  expect(r.status).toBe(200);
  return r.json;
};
const resultOf = async (d: string, name: string, host?: string) =>
  ((await check(await sender(d, host))).checks as { check: string; result: string; message: string }[]).find(
    (c) => c.check === name,
  )!;
async function sequenceFor(senderAccountId: string | string[]) {
  const run = await createRun(ctx, actor, { name: "R", playKey: "builtin:email-only" });
  const steps = [
    {
      channel: "email" as const,
      delayDays: 0,
      condition: "always" as const,
      subject: "Hi",
      body: "A real note.",
    },
  ];
  return (
    await createSequence(ctx, actor, {
      runId: run.id,
      name: "S",
      listIds: [listId],
      ...(Array.isArray(senderAccountId) ? { senderAccountIds: senderAccountId } : { senderAccountId }),
      steps,
    })
  ).id;
}
const launch = (seq: string) => call("POST", `/api/sequences/${seq}/launch`);

describe("sender domain check against a DNS server", () => {
  it("passes every check of a domain set up right, and keeps the result", async () => {
    const id = await sender("good.test");
    expect((await call("GET", `/api/sender-accounts/${id}/domain-check`)).json).toMatchObject({
      status: "not_checked",
      domain: "good.test",
    });
    const r = await check(id);
    expect(r.checks.map((c: { check: string; result: string }) => `${c.check}:${c.result}`)).toEqual([
      "mx:pass",
      "spf:pass",
      "dkim:pass",
      "dmarc:pass",
      "ptr:pass",
    ]);
    expect(r).toMatchObject({
      status: "pass",
      selector: "mk2026",
      checkedBy: expect.any(String),
      override: null,
    });
    const stored = (await call("GET", `/api/sender-accounts/${id}/domain-check`)).json;
    expect(stored).toEqual(r);
    const listed = (await call("GET", "/api/sender-accounts")).json.find((s: { id: string }) => s.id === id);
    expect(listed.dkimSelector).toBe("mk2026");
  });

  it.each([
    ["nomx.test", "mx", "warn", /no MX record, so replies and bounces/],
    ["nospf.test", "spf", "fail", /has no SPF record/],
    ["toomany.test", "spf", "fail", /needs 11 DNS look-ups/],
    ["plusall.test", "spf", "fail", /ends with \+all/],
    ["revoked.test", "dkim", "fail", /revoked \(empty p=\)/],
    ["nodmarc.test", "dmarc", "fail", /has no DMARC record/],
    ["monitor.test", "dmarc", "warn", /p=none \(monitoring only/],
    ["brokendmarc.test", "dmarc", "fail", /malformed/],
  ])("%s: %s is %s", async (d, name, result, message) => {
    const c = await resultOf(d, name);
    expect(c.result).toBe(result);
    expect(c.message).toMatch(message);
  });

  it("fails SPF for an SMTP host outside the record, and warns on a host without reverse DNS", async () => {
    expect((await resultOf("good.test", "spf", "smtp.elsewhere.test")).message).toMatch(
      /does not allow smtp.elsewhere.test \(203.0.113.5\)/,
    );
    const ptr = await resultOf("good.test", "ptr", "smtp.noptr.test");
    expect(ptr).toMatchObject({ result: "warn", message: expect.stringMatching(/has no reverse DNS name/) });
  });

  it("matches SPF against the SMTP host's AAAA addresses as well as its A", async () => {
    const v6 = await resultOf("good.test", "spf", "smtp6.mail.test");
    expect(v6).toMatchObject({
      result: "pass",
      message: expect.stringMatching(/^SPF allows smtp6.mail.test/),
    });
    // Its A address is inside the ip4: range, its AAAA outside every ip6: one.
    expect((await resultOf("good.test", "spf", "smtp6.elsewhere.test")).message).toMatch(
      /does not allow smtp6.elsewhere.test \(2001:db8:99::1\) to send for it: add "ip6:2001:db8:99::1"/,
    );
  });

  it("tries the common DKIM selectors when none is entered", async () => {
    const id = await sender("good.test");
    expect((await check(id, {})).checks[2]).toMatchObject({ check: "dkim", result: "warn" });
    zone["selector1._domainkey.good.test"] = { txt: [KEY] };
    const found = await check(id, { dkimSelector: "" });
    expect(found.selector).toBeNull();
    expect(found.checks[2]).toMatchObject({
      result: "pass",
      message: expect.stringContaining('"selector1"'),
    });
  });

  it("refuses the sandbox sender, a bad selector and another workspace's sender", async () => {
    const sandbox = await sender("sandbox.test", undefined, "sandbox");
    const r = await call("POST", `/api/sender-accounts/${sandbox}/domain-check`, {});
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/no domain to check/);
    const id = await sender("good.test");
    const bad = await call("POST", `/api/sender-accounts/${id}/domain-check`, { dkimSelector: "a b" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/dkimSelector/);
    const other = await seedWorkspace(ctx, "Other");
    const theirs = await api.call("POST", `/api/sender-accounts/${id}/domain-check`, {
      key: other.apiKey,
      body: {},
    });
    expect(theirs.status).toBe(404);
  });
});

describe("a failing domain check holds launch", () => {
  it("checks the domain of every sender of a rotation, not only the first", async () => {
    const good = await sender("good.test");
    await check(good);
    const bad = await sender("nospf.test");
    await check(bad);
    const seq = await sequenceFor([good, bad]);
    const lab = await getMessagingLab(ctx, actor, seq);
    expect(lab.sequence.senderAccountIds).toEqual([good, bad]);
    expect(lab.sequenceFindings).toEqual([
      expect.objectContaining({
        code: "sender_domain_failed",
        severity: "blocking",
        message: expect.stringMatching(/^SPF of nospf.test \(sender "Me at nospf.test"\) failed/),
      }),
    ]);
    const held = await launch(seq);
    expect(held.status).toBe(409);
    expect(held.json.error.message).toMatch(/nospf.test/);
    // Taken out of the rotation, it no longer holds the launch.
    const unknown = "00000000-0000-4000-8000-000000000000";
    const refused = await call("PATCH", `/api/sequences/${seq}`, { senderAccountIds: [good, unknown] });
    expect(refused.status).toBe(404);
    expect(refused.json.error.message).toContain(unknown);
    expect(refused.json.error.details.field).toBe("senderAccountIds.1");
    const patched = await call("PATCH", `/api/sequences/${seq}`, { senderAccountIds: [good] });
    expect(patched.json).toMatchObject({ senderAccountId: good, senderAccountIds: [good] });
    expect((await getMessagingLab(ctx, actor, seq)).sequenceFindings).toEqual([]);
  });

  it("a sender never checked only warns; a failing check blocks with its fix until overridden", async () => {
    const id = await sender("brokendmarc.test");
    const seq = await sequenceFor(id);
    const before = await getMessagingLab(ctx, actor, seq);
    expect(before.sequenceFindings).toEqual([
      expect.objectContaining({ code: "sender_domain_not_checked", severity: "warning" }),
    ]);
    expect(before.canLaunch).toBe(true);

    await check(id);
    const held = await launch(seq);
    expect(held.status).toBe(409);
    expect(held.json.error.message).toMatch(
      /DMARC of brokendmarc.test .* failed: The DMARC record .* is malformed/,
    );
    expect((await getMessagingLab(ctx, actor, seq)).canLaunch).toBe(false);

    const empty = await call("POST", `/api/sender-accounts/${id}/domain-check/override`, { reason: " " });
    expect(empty.status).toBe(400);
    const o = await call("POST", `/api/sender-accounts/${id}/domain-check/override`, {
      reason: "fixing it today",
    });
    expect(o.status).toBe(200);
    expect(o.json.override).toMatchObject({ reason: "fixing it today", by: expect.any(String) });
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, actor.workspaceId),
          eq(auditEvents.action, "sender.domain_check_overridden"),
        ),
      );
    expect(event).toMatchObject({ target: "Me at brokendmarc.test" });
    expect(event!.details).toMatchObject({
      failed: ["dmarc"],
      reason: "fixing it today",
      domain: "brokendmarc.test",
    });
    const lab = await getMessagingLab(ctx, actor, seq);
    expect(lab.sequenceFindings.map((f) => `${f.severity} ${f.code}`)).toEqual([
      "warning sender_domain_overridden",
    ]);
    expect((await launch(seq)).status).toBe(200);
  });

  it("checking again clears the override; fixing the record and checking again lets it launch", async () => {
    const id = await sender("nodmarc.test");
    const seq = await sequenceFor(id);
    await check(id);
    await call("POST", `/api/sender-accounts/${id}/domain-check/override`, { reason: "ok" });
    expect((await check(id)).override).toBeNull();
    expect((await launch(seq)).status).toBe(409);
    const nothing = await call(
      "POST",
      `/api/sender-accounts/${await sender("good.test")}/domain-check/override`,
      {
        reason: "x",
      },
    );
    expect(nothing.status).toBe(409);
    zone["_dmarc.nodmarc.test"] = { txt: ["v=DMARC1; p=quarantine"] };
    expect((await check(id)).status).toBe("pass");
    expect((await launch(seq)).status).toBe(200);
  });

  it("a sender whose address moved to another domain, or whose SMTP host changed, reads as not checked", async () => {
    const id = await sender("revoked.test");
    await check(id);
    await call("PATCH", `/api/sender-accounts/${id}`, { fromEmail: "me@good.test" });
    expect((await call("GET", `/api/sender-accounts/${id}/domain-check`)).json.status).toBe("not_checked");
    expect((await check(id)).status).toBe("pass");
    await call("PATCH", `/api/sender-accounts/${id}`, {
      smtp: { host: "smtp.noptr.test", port: 1, secure: false },
    });
    expect((await call("GET", `/api/sender-accounts/${id}/domain-check`)).json.status).toBe("not_checked");
  });
});
