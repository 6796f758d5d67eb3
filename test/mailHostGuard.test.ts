import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchNewMessages } from "../src/channels/email/imapMailbox";
import { smtpChannel } from "../src/channels/email/smtpChannel";
import { mailHostGuard } from "../src/app/net/mailHostGuard";
import { startSmtpSink } from "./support/smtpSink";
import { startStallingImap } from "./support/stallingImapServer";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

type Server = Awaited<ReturnType<typeof testServer>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let strict: { ctx: TestContext; api: Server; key: string };
let relay: { ctx: TestContext; api: Server; key: string };

async function start(env: Record<string, string>) {
  const ctx = await createTestContext({ env });
  const api = await testServer(ctx);
  return { ctx, api, key: (await seedWorkspace(ctx, "Mail guard")).apiKey };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  strict = await start({ MAIL_HOST_ALLOWLIST: "" });
  relay = await start({ MAIL_HOST_ALLOWLIST: "127.0.0.1" });
});
afterAll(async () => {
  for (const s of [strict, relay]) {
    await s.api.close();
    await s.ctx.close();
  }
  await sink.close();
});

const testSender = async (s: typeof strict, host: string, port: number) => {
  const created = await s.api.call("POST", "/api/sender-accounts", {
    key: s.key,
    body: { kind: "smtp", name: host, fromEmail: "me@guard.test", smtp: { host, port, secure: false } },
  });
  expect(created.status).toBe(201);
  return (await s.api.call("POST", `/api/sender-accounts/${created.json.id}/test`, { key: s.key })).json;
};

describe("mail hosts go through the address guard", () => {
  it("refuses loopback, names resolving to it, private and link-local addresses: no port scanning", async () => {
    for (const host of ["127.0.0.1", "localhost", "10.0.0.5", "169.254.169.254", "[::1]"]) {
      const r = await testSender(strict, host, sink.port);
      expect(r.ok, host).toBe(false);
      expect(r.error, host).toMatch(
        /private, loopback or link-local address \(allow it with MAIL_HOST_ALLOWLIST\)/,
      );
    }
    expect(sink.received.length).toBe(0);
  });

  it("reaches an internal relay named on MAIL_HOST_ALLOWLIST", async () => {
    expect(await testSender(relay, "127.0.0.1", sink.port)).toEqual({ ok: true });
  });

  it("refuses before a send or an inbox read connects", async () => {
    const guard = mailHostGuard([]);
    const channel = smtpChannel({
      host: "localhost",
      port: sink.port,
      secure: false,
      user: null,
      password: null,
      guard,
    });
    await expect(
      channel.send({
        from: { name: "Me", email: "me@guard.test" },
        to: { name: "You", email: "you@guard.test" },
        subject: "hi",
        text: "hi",
        messageId: "<1@guard.test>",
        references: [],
      } as never),
    ).rejects.toThrow(/localhost resolves to .*, a private, loopback or link-local address/);
    expect(sink.received.length).toBe(0);
    const imap = await startStallingImap("greet");
    await expect(
      fetchNewMessages(
        { host: "127.0.0.1", port: imap.port, secure: false, user: "u", password: "p", guard },
        0,
        null,
        { deadlineMs: 2_000 },
      ),
    ).rejects.toThrow(/127.0.0.1 is a private, loopback or link-local address/);
    await imap.close();
  });
});
