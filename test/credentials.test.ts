import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let owner: Awaited<ReturnType<typeof seedWorkspace>>;
let memberCookie = "";
let senderId = "";

const cookieOf = (h: Record<string, unknown>) => String(h["set-cookie"]).split(";")[0]!;

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  owner = await seedWorkspace(ctx, "Creds");
  const key = owner.apiKey;
  const add = await api.call("POST", "/api/members", {
    key,
    body: { email: "member@creds.test", role: "member", password: "member-pass-2026!" },
  });
  expect(add.status).toBe(201);
  const login = await api.call("POST", "/api/auth/login", {
    body: { email: "member@creds.test", password: "member-pass-2026!" },
  });
  memberCookie = cookieOf(login.headers);
  const created = await api.call("POST", "/api/sender-accounts", {
    key,
    body: {
      kind: "smtp",
      name: "Sales",
      fromEmail: "sales@creds.test",
      smtp: { host: "smtp.creds.test", port: 587, secure: false, user: "sales", password: "smtp-secret" },
      imap: { host: "imap.creds.test", port: 993, secure: true, user: "sales", password: "imap-secret" },
    },
  });
  expect(created.status).toBe(201);
  senderId = created.json.id;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("stored credentials are bound to where they go", () => {
  it("refuses a new SMTP host without the password, naming the field", async () => {
    const r = await api.call("PATCH", `/api/sender-accounts/${senderId}`, {
      key: owner.apiKey,
      body: { smtp: { host: "attacker.test", port: 587, secure: false, user: "sales" } },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe("smtp.password: re-enter the password when the host changes");
    expect(r.json.error.details).toEqual({ field: "smtp.password" });
  });

  it("refuses a new IMAP port, user or TLS mode without the password", async () => {
    for (const change of [{ port: 143 }, { user: "other" }, { secure: false }]) {
      const r = await api.call("PATCH", `/api/sender-accounts/${senderId}`, {
        key: owner.apiKey,
        body: { imap: { host: "imap.creds.test", port: 993, secure: true, user: "sales", ...change } },
      });
      expect(r.status).toBe(400);
      expect(r.json.error.details).toEqual({ field: "imap.password" });
    }
  });

  it("accepts the same server without the password, and a new one with it", async () => {
    const same = await api.call("PATCH", `/api/sender-accounts/${senderId}`, {
      key: owner.apiKey,
      body: { name: "Sales 2", smtp: { host: "SMTP.creds.test", port: 587, secure: false, user: "sales" } },
    });
    expect(same.status).toBe(200);
    const moved = await api.call("PATCH", `/api/sender-accounts/${senderId}`, {
      key: owner.apiKey,
      body: {
        smtp: { host: "smtp2.creds.test", port: 465, secure: true, user: "sales", password: "new-pw" },
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ smtpHost: "smtp2.creds.test", hasSmtpPassword: true });
  });

  it("keeps sender accounts and exports to owners and admins", async () => {
    const c = { cookie: memberCookie };
    expect((await api.call("GET", "/api/sender-accounts", c)).status).toBe(200);
    expect(
      (
        await api.call("PATCH", `/api/sender-accounts/${senderId}`, {
          ...c,
          body: { smtp: { host: "attacker.test", port: 587, secure: false, password: "x" } },
        })
      ).status,
    ).toBe(403);
    expect((await api.call("POST", `/api/sender-accounts/${senderId}/test`, c)).status).toBe(403);
    expect((await api.call("DELETE", `/api/sender-accounts/${senderId}`, c)).status).toBe(403);
    expect(
      (
        await api.call("POST", "/api/sender-accounts", {
          ...c,
          body: { kind: "sandbox", name: "Mine", fromEmail: "m@creds.test" },
        })
      ).status,
    ).toBe(403);
    expect((await api.call("GET", "/api/leads/export.csv", c)).status).toBe(403);
    expect(
      (
        await api.call("PUT", "/api/integrations/plusvibe", {
          ...c,
          body: { apiKey: "k", workspaceId: "w", baseUrl: "http://127.0.0.1:1/api" },
        })
      ).status,
    ).toBe(403);
    expect((await api.call("GET", "/api/leads/export.csv", { key: owner.apiKey })).status).toBe(200);
  });

  it("refuses an integration's new base URL or DSN without the key", async () => {
    const key = owner.apiKey;
    const first = await api.call("PUT", "/api/integrations/plusvibe", {
      key,
      body: { apiKey: "pv-secret", workspaceId: "w", baseUrl: "http://127.0.0.1:1/api" },
    });
    expect(first.status).toBe(200);
    const same = await api.call("PUT", "/api/integrations/plusvibe", {
      key,
      body: { workspaceId: "w2", baseUrl: "http://127.0.0.1:1/api" },
    });
    expect(same.status).toBe(200);
    const moved = await api.call("PUT", "/api/integrations/plusvibe", {
      key,
      body: { workspaceId: "w", baseUrl: "http://127.0.0.1:2/api" },
    });
    expect(moved.status).toBe(400);
    expect(moved.json.error.message).toBe("apiKey: re-enter the API key when the base URL changes");

    expect(
      (
        await api.call("PUT", "/api/integrations/linkedin", {
          key,
          body: { apiKey: "up-secret", dsn: "http://127.0.0.1:1", accountId: "acc" },
        })
      ).status,
    ).toBe(200);
    const dsn = await api.call("PUT", "/api/integrations/linkedin", {
      key,
      body: { dsn: "http://127.0.0.1:2", accountId: "acc" },
    });
    expect(dsn.status).toBe(400);
    expect(dsn.json.error.message).toBe("apiKey: re-enter the API key when the DSN changes");
  });
});
