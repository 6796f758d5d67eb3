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

describe("the audit log", () => {
  it("records credential changes by name, never the secret, for owners and admins only", async () => {
    const log = await api.call("GET", "/api/audit-log", { key: owner.apiKey });
    expect(log.status).toBe(200);
    const actions = log.json.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["member.added", "sender.created", "sender.credentials_changed"]),
    );
    const moved = log.json.find(
      (e: { action: string; details: { fields: string[] } }) =>
        e.action === "sender.credentials_changed" && e.details.fields.includes("smtp.password"),
    );
    expect(moved).toMatchObject({
      actor: "API key init",
      target: "Sales 2",
      details: { fields: ["smtp.host", "smtp.port", "smtp.secure", "smtp.password"] },
    });
    const pv = log.json.filter((e: { target: string }) => e.target === "plusvibe");
    expect(pv.map((e: { details: { fields: string[] } }) => e.details.fields)).toEqual([
      ["workspaceId"],
      ["apiKey", "baseUrl", "workspaceId"],
    ]);
    for (const secret of ["smtp-secret", "imap-secret", "new-pw", "pv-secret", "up-secret", "member-pass"])
      expect(log.body).not.toContain(secret);
    expect((await api.call("GET", "/api/audit-log", { cookie: memberCookie })).status).toBe(403);
    expect((await api.call("GET", "/api/audit-log?before=yesterday", { key: owner.apiKey })).status).toBe(
      400,
    );
  });

  it("records role changes with before and after", async () => {
    const members = (await api.call("GET", "/api/members", { key: owner.apiKey })).json;
    const m = members.find((x: { email: string }) => x.email === "member@creds.test");
    await api.call("PATCH", `/api/members/${m.userId}`, { key: owner.apiKey, body: { role: "admin" } });
    await api.call("PATCH", `/api/members/${m.userId}`, { key: owner.apiKey, body: { role: "member" } });
    const log = (await api.call("GET", "/api/audit-log?limit=2", { key: owner.apiKey })).json;
    expect(log.map((e: { details: unknown }) => e.details)).toEqual([
      { from: "admin", to: "member" },
      { from: "member", to: "admin" },
    ]);
    expect(log[0]).toMatchObject({ action: "member.role_changed", target: "member@creds.test" });
  });

  it("records a sign-in from a new device once, not the same browser again", async () => {
    const newDevice = async () =>
      (await api.call("GET", "/api/audit-log", { key: owner.apiKey })).json.filter(
        (e: { action: string }) => e.action === "sign_in.new_device",
      ).length;
    const before = await newDevice();
    const first = await api.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "user-agent": "Test Browser/1.0" },
      payload: { email: owner.email, password: owner.password },
    });
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === "ov_device")!;
    expect(device.httpOnly).toBe(true);
    expect(await newDevice()).toBe(before + 1);
    const again = await api.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: `ov_device=${device.value}` },
      payload: { email: owner.email, password: owner.password },
    });
    expect(again.statusCode).toBe(200);
    expect(await newDevice()).toBe(before + 1);
    const log = (await api.call("GET", "/api/audit-log", { key: owner.apiKey })).json;
    expect(log.find((e: { action: string }) => e.action === "sign_in.new_device").details).toMatchObject({
      userAgent: "Test Browser/1.0",
    });
  });
});
