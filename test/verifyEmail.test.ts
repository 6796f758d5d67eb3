import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAddress } from "../src/app/verification/verifyEmail";
import { startDnsServer } from "./support/dnsServer";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let smtp: SMTPServer;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
const seen: string[] = [];

const reject = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

beforeAll(async () => {
  // One real SMTP server plays every domain's mail server: it knows ana@ and ana.lopez@ at good.test,
  // accepts anything at all.test (catch-all), and greylists grey.test.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, cb) {
      const a = address.address.toLowerCase();
      seen.push(a);
      if (a.endsWith("@all.test")) return cb();
      if (a.endsWith("@grey.test")) return cb(reject(450, "4.2.0 Greylisted, please try again later"));
      if (a === "ana@good.test" || a === "ana.lopez@good.test") return cb();
      cb(reject(550, "5.1.1 <" + a + ">: Recipient address rejected: User unknown in virtual mailbox table"));
    },
    onData(stream, _s, cb) {
      stream.resume();
      stream.on("end", () => cb(new Error("a probe must never send DATA")));
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  const port = (smtp.server.address() as { port: number }).port;
  const mx = (host: string) => ({ mx: [{ priority: 10, exchange: host }] });
  dns = await startDnsServer({
    "good.test": mx("mx.good.test"),
    "all.test": mx("mx.good.test"),
    "grey.test": mx("mx.good.test"),
    "mx.good.test": { a: ["127.0.0.1"] },
    "nomx.test": { txt: ["v=spf1 -all"] },
  });
  ctx = await createTestContext({
    env: { DNS_SERVERS: dns.address, VERIFY_SMTP_PORT: String(port), VERIFY_DOMAIN_INTERVAL_MS: "0" },
  });
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Verify Co")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await dns.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe("email verification against real DNS and SMTP servers on loopback", () => {
  it.each([
    ["ana@good.test", "valid"],
    ["nobody@good.test", "invalid"],
    ["ceo@all.test", "catch_all"],
    ["x@grey.test", "unknown"],
    ["x@nomx.test", "invalid"],
    ["x@nowhere.test", "invalid"],
    ["not an address", "invalid"],
  ])("%s is %s", async (email, status) => {
    const r = await verifyAddress(ctx, email);
    expect(r.status).toBe(status);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it("keeps the evidence, probes a random address for catch-all detection, and never sends DATA", async () => {
    const r = await verifyAddress(ctx, "ana@good.test");
    expect(r.evidence.mx).toEqual(["mx.good.test"]);
    expect(r.evidence.rcpt).toMatchObject({ code: 250 });
    expect(r.evidence.randomRcpt).toMatchObject({ code: 550, enhanced: "5.1.1" });
    expect(seen.filter((a) => a.endsWith("@good.test") && a !== "ana@good.test").length).toBeGreaterThan(0);
  });

  it("refuses to probe a mail server on a private address unless allowlisted", async () => {
    const strict = await createTestContext({
      env: { DNS_SERVERS: dns.address, MAIL_HOST_ALLOWLIST: "", VERIFY_DOMAIN_INTERVAL_MS: "0" },
    });
    try {
      const r = await verifyAddress(strict, "ana@good.test");
      expect(r.status).toBe("unknown");
      expect(r.evidence.connectError).toMatch(/private address/);
    } finally {
      await strict.close();
    }
  });

  it("verifies a lead's email over the API, and finds one from name + domain", async () => {
    const known = (
      await api.call("POST", "/api/leads", { key, body: { firstName: "Ana", email: "ana@good.test" } })
    ).json;
    const v = await api.call("POST", `/api/leads/${known.id}/verify-email`, { key });
    expect(v.json).toMatchObject({ status: "valid", found: false, email: "ana@good.test" });
    expect((await api.call("GET", `/api/leads/${known.id}`, { key })).json.emailStatus).toBe("valid");

    const nameOnly = (
      await api.call("POST", "/api/leads", {
        key,
        body: {
          firstName: "Ana",
          lastName: "López",
          companyDomain: "good.test",
          linkedinUrl: "linkedin.com/in/ana-lopez",
        },
      })
    ).json;
    const f = await api.call("POST", `/api/leads/${nameOnly.id}/verify-email`, { key });
    expect(f.json).toMatchObject({ found: true, email: "ana.lopez@good.test", status: "valid" });
    const lead = (await api.call("GET", `/api/leads/${nameOnly.id}`, { key })).json;
    expect([lead.email, lead.emailStatus]).toEqual(["ana.lopez@good.test", "valid"]);
    const t = (await api.call("GET", `/api/leads/${nameOnly.id}/timeline`, { key })).json;
    expect(t[0]).toMatchObject({ type: "email_found", data: { email: "ana.lopez@good.test" } });

    const bulk = await api.call("POST", "/api/leads/verify-emails", { key, body: { leadIds: [known.id] } });
    expect(bulk.status).toBe(202);
    expect((await api.call("GET", `/api/jobs/${bulk.json.jobId}`, { key })).json.kind).toBe(
      "leads.verify_emails",
    );
  });
});
