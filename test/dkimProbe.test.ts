import { ImapFlow } from "imapflow";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DKIM_PROBE_WAITS_MS } from "../src/app/senders/findDkimSelector";
import { startDnsServer, type Zone } from "./support/dnsServer";
import { appendToInbox, dovecotPath, startDovecot } from "./support/dovecot";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

const ci = process.env.CI === "true";
const KEY = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC";

/** Each domain set up right, its key under the selector the provider signs it with. */
function domain(d: string, selector: string): Zone {
  return {
    [d]: { mx: [{ priority: 10, exchange: `mx.${d}` }], txt: ["v=spf1 ip4:127.0.0.1 -all"] },
    [`${selector}._domainkey.${d}`]: { txt: [KEY] },
    [`_dmarc.${d}`]: { txt: ["v=DMARC1; p=reject"] },
  };
}
const zone: Zone = {
  ...domain("signed.test", "prov2026"),
  ...domain("unsigned.test", "prov2026"),
  ...domain("foreign.test", "prov2026"),
  ...domain("lost.test", "prov2026"),
};

/**
 * How the provider treats mail From each domain: signs it with d=<domain> and a selector, signs it
 * only with its own domain, passes it on unsigned, or loses it.
 */
const treatment: Record<string, { sign: string } | "own" | "unsigned" | "lost"> = {
  "signed.test": { sign: "prov2026" },
  "unsigned.test": "unsigned",
  "foreign.test": "own",
  "lost.test": "lost",
};

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let imap: Awaited<ReturnType<typeof startDovecot>>;
let provider: SMTPServer;
let providerPort = 0;
let key = "";
const received: { to: string[]; raw: string }[] = [];

/**
 * The sender's mail provider on loopback: receives the probe, signs it the way a real provider
 * would (the test stands in for the signing, the header is what counts here) and delivers it into
 * the recipient's Dovecot INBOX before it answers the DATA.
 */
async function startProvider() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push({ to, raw });
        const from = /^From:.*@([^>\s]+)>?\s*$/im.exec(raw)![1]!.toLowerCase();
        const how = treatment[from] ?? "unsigned";
        const signature = (d: string, s: string) =>
          `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d};\r\n s=${s}; h=from:to:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n b=c2lnbmVkIGJ5IHRoZSB0ZXN0\r\n`;
        const signed =
          how === "own"
            ? signature("provider.example", "pm")
            : typeof how === "object"
              ? // The provider's own signature first, as some add theirs on top: alignment must pick.
                signature("provider.example", "pm") + signature(from, how.sign)
              : "";
        try {
          if (how !== "lost")
            for (const rcpt of to) await appendToInbox(imap.port, rcpt, imap.password, signed + raw);
          cb();
        } catch (e) {
          cb(e as Error);
        }
      });
    },
  });
  server.on("error", () => {});
  providerPort = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)),
  );
  return server;
}

/** What is in a user's INBOX now. */
async function inboxCount(user: string) {
  const c = new ImapFlow({
    host: "127.0.0.1",
    port: imap.port,
    secure: false,
    auth: { user, pass: imap.password },
    logger: false,
  });
  await c.connect();
  const box = await c.mailboxOpen("INBOX", { readOnly: true });
  await c.logout();
  return box.exists;
}

const call = (method: string, url: string, body?: unknown) => api.call(method, url, { key, body });
async function sender(d: string, withImap = true) {
  const fromEmail = `me@${d}`;
  const r = await call("POST", "/api/sender-accounts", {
    kind: "smtp",
    name: `Me at ${d}`,
    fromEmail,
    smtp: { host: "127.0.0.1", port: providerPort, secure: false },
    ...(withImap
      ? {
          imap: {
            host: "127.0.0.1",
            port: imap.port,
            secure: false,
            user: fromEmail,
            password: imap.password,
          },
        }
      : {}),
  });
  expect(r.status).toBe(201);
  return r.json.id as string;
}
const findDkim = (id: string) => call("POST", `/api/sender-accounts/${id}/domain-check/find-dkim`);

describe.skipIf(!dovecotPath && !ci)("the DKIM selector found from a test message sent to oneself", () => {
  beforeAll(async () => {
    dns = await startDnsServer(zone);
    imap = await startDovecot();
    provider = await startProvider();
    ctx = await createTestContext({
      clock: testClock("2026-03-09T10:00:00Z"),
      env: { DNS_SERVERS: dns.address },
    });
    key = (await seedWorkspace(ctx, "Probe")).apiKey;
    api = await testServer(ctx);
  });
  afterAll(async () => {
    await api?.close();
    await ctx?.close();
    await new Promise<void>((r) => (provider ? provider.close(() => r()) : r()));
    await imap?.stop();
    await dns?.close();
  });

  it("sends the probe to itself, saves the aligned signature's selector, checks DKIM with it and deletes the probe", async () => {
    const id = await sender("signed.test");
    const r = await findDkim(id);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ selector: "prov2026", domain: "signed.test" });
    expect(r.json.checks.find((c: { check: string }) => c.check === "dkim")).toMatchObject({
      result: "pass",
      message: 'A DKIM key is published for selector "prov2026".',
    });
    // Sent through the sender's own SMTP, from and to its own address, with the token it looked for.
    const probe = received.at(-1)!;
    expect(probe.to).toEqual(["me@signed.test"]);
    expect(probe.raw).toMatch(/^From: me@signed\.test$/im);
    expect(probe.raw).toMatch(/^X-Overture-Dkim-Probe: [0-9a-f-]{36}$/im);
    const listed = (await call("GET", "/api/sender-accounts")).json.find((s: { id: string }) => s.id === id);
    expect(listed.dkimSelector).toBe("prov2026");
    expect((await call("GET", `/api/sender-accounts/${id}/domain-check`)).json.selector).toBe("prov2026");
    expect(await inboxCount("me@signed.test")).toBe(0);
  });

  it("says to turn DKIM on when the message arrives unsigned, and leaves the selector alone", async () => {
    const id = await sender("unsigned.test");
    const r = await findDkim(id);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe(
      "the message arrived without a DKIM signature: turn on DKIM signing at your mail provider",
    );
    const listed = (await call("GET", "/api/sender-accounts")).json.find((s: { id: string }) => s.id === id);
    expect(listed.dkimSelector).toBeNull();
    expect(await inboxCount("me@unsigned.test")).toBe(0);
  });

  it("does not take a signature of the provider's own domain", async () => {
    const r = await findDkim(await sender("foreign.test"));
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(
      /signed only for provider\.example, not for foreign\.test.*set up DKIM for foreign\.test/,
    );
  });

  it("asks for the IMAP settings of a sender without them, before sending anything", async () => {
    const before = received.length;
    const r = await findDkim(await sender("signed.test", false));
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe(
      "add the IMAP settings of this mailbox so Overture can read the test message back, or enter the selector",
    );
    expect(received.length).toBe(before);
  });

  it("reads the inbox again after each wait, then says the message never came", async () => {
    const start = ctx.clock.now().getTime();
    const r = await findDkim(await sender("lost.test"));
    expect(r.status).toBe(409);
    const total = DKIM_PROBE_WAITS_MS.reduce((a, b) => a + b, 0);
    expect(r.json.error.message).toBe(
      `the test message sent to me@lost.test did not arrive in the INBOX at 127.0.0.1 within ${total / 1000} s: look for it in spam and try again, or enter the selector`,
    );
    // The waits went through the injected clock: the test clock moved on, nothing slept for real.
    expect(ctx.clock.now().getTime() - start).toBe(total);
  });

  it("reads the inbox again after each wait and finds a probe delivered late", async () => {
    const id = await sender("lost.test");
    const sleep = ctx.clock.sleep;
    let sleeps = 0;
    // The provider is slow this time: the probe lands in the INBOX during the second wait.
    ctx.clock.sleep = async (ms) => {
      await sleep(ms);
      if (++sleeps === 2)
        await appendToInbox(
          imap.port,
          "me@lost.test",
          imap.password,
          `DKIM-Signature: v=1; a=rsa-sha256; d=lost.test; s=late1; b=eA==\r\n${received.at(-1)!.raw}`,
        );
    };
    zone["late1._domainkey.lost.test"] = { txt: [KEY] };
    const start = ctx.clock.now().getTime();
    const r = await findDkim(id).finally(() => (ctx.clock.sleep = sleep));
    expect(r.status).toBe(200);
    expect(r.json.selector).toBe("late1");
    expect(sleeps).toBe(2);
    expect(ctx.clock.now().getTime() - start).toBe(DKIM_PROBE_WAITS_MS[0]! + DKIM_PROBE_WAITS_MS[1]!);
  });
});
