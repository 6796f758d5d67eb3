import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_RATE_LIMIT: "5" } });
  api = await testServer(ctx);
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const cookieOf = (h: Record<string, unknown>) => String(h["set-cookie"]).split(";")[0]!;

describe("first-run setup, login, sessions", () => {
  let cookie = "";
  it("reports that setup is needed, then creates the workspace and signs the owner in", async () => {
    expect((await api.call("GET", "/api/setup")).json).toEqual({ needsSetup: true });
    const bad = await api.call("POST", "/api/setup", {
      body: { workspaceName: "Acme", email: "nope", password: "short" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { field: string }) => d.field)).toEqual([
      "body.email",
      "body.password",
    ]);
    const common = await api.call("POST", "/api/setup", {
      body: { workspaceName: "Acme", email: "Owner@Acme.test", password: "iloveyou1234" },
    });
    expect(common.status).toBe(400);
    expect(common.json.error.message).toMatch(/^password: too easy to guess/);
    const personal = await api.call("POST", "/api/setup", {
      body: { workspaceName: "Acme", email: "Owner@Acme.test", password: "owner@acme.test" },
    });
    expect(personal.status).toBe(400);
    const r = await api.call("POST", "/api/setup", {
      body: { workspaceName: "Acme", email: "Owner@Acme.test", password: "correct-horse-battery-staple" },
    });
    expect(r.status).toBe(201);
    cookie = cookieOf(r.headers);
    const me = await api.call("GET", "/api/me", { cookie });
    expect(me.json.user.email).toBe("owner@acme.test");
    expect(me.json.role).toBe("owner");
  });

  it("refuses short and common passwords for members, naming the field", async () => {
    for (const [password, message] of [
      ["password", "password: must be at least 12 characters"],
      ["12345678", "password: must be at least 12 characters"],
      ["password1234", "password: too easy to guess (This is similar to a commonly used password)"],
      ["qwertyuiop12", "password: too easy to guess"],
      ["aaaaaaaaaaaa", "password: too easy to guess"],
    ]) {
      const r = await api.call("POST", "/api/members", {
        cookie,
        body: { email: "weak@acme.test", role: "member", password },
      });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toContain(message);
      expect(r.json.error.details).toEqual({ field: "password" });
    }
  });

  it("refuses a second web setup", async () => {
    const r = await api.call("POST", "/api/setup", {
      body: { workspaceName: "Evil", email: "e@evil.test", password: "violet-harbour-lantern-42" },
    });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe("setup_done");
  });

  it("logs in with the right password only, and logout ends the session", async () => {
    expect(
      (
        await api.call("POST", "/api/auth/login", {
          body: { email: "owner@acme.test", password: "wrong-one" },
        })
      ).status,
    ).toBe(401);
    const ok = await api.call("POST", "/api/auth/login", {
      body: { email: "OWNER@acme.test", password: "correct-horse-battery-staple" },
    });
    expect(ok.status).toBe(200);
    const c = cookieOf(ok.headers);
    expect((await api.call("GET", "/api/me", { cookie: c })).status).toBe(200);
    await api.call("POST", "/api/auth/logout", { cookie: c });
    expect((await api.call("GET", "/api/me", { cookie: c })).status).toBe(401);
  });

  it("expires sessions by the injected clock", async () => {
    const ok = await api.call("POST", "/api/auth/login", {
      body: { email: "owner@acme.test", password: "correct-horse-battery-staple" },
    });
    const c = cookieOf(ok.headers);
    ctx.clock.advance(15 * 86_400_000);
    expect((await api.call("GET", "/api/me", { cookie: c })).status).toBe(401);
    ctx.clock.advance(-15 * 86_400_000);
  });

  it("creates, uses and revokes API keys; a revoked key stops working", async () => {
    const created = await api.call("POST", "/api/api-keys", { cookie, body: { name: "zapier" } });
    expect(created.status).toBe(201);
    const key = created.json.key as string;
    expect((await api.call("GET", "/api/workspace", { key })).status).toBe(200);
    const list = await api.call("GET", "/api/api-keys", { cookie });
    expect(list.json.map((k: { name: string }) => k.name)).toContain("zapier");
    expect(JSON.stringify(list.json)).not.toContain(key);
    expect((await api.call("DELETE", `/api/api-keys/${created.json.id}`, { cookie })).status).toBe(200);
    expect((await api.call("GET", "/api/workspace", { key })).status).toBe(401);
  });

  it("changes settings with validation naming the field", async () => {
    const bad = await api.call("PATCH", "/api/workspace", { cookie, body: { timezone: "Mars/Base" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("body.timezone");
    const inverted = await api.call("PATCH", "/api/workspace", { cookie, body: { windowStart: "18:00" } });
    expect(inverted.status).toBe(400);
    expect(inverted.json.error.details.field).toBe("windowEnd");
    const ok = await api.call("PATCH", "/api/workspace", {
      cookie,
      body: { timezone: "Europe/Berlin", windowStart: "09:30", skipWeekends: false },
    });
    expect(ok.json).toMatchObject({ timezone: "Europe/Berlin", windowStart: "09:30", skipWeekends: false });
  });

  it("lets owners add members with roles, and members cannot manage settings", async () => {
    const add = await api.call("POST", "/api/members", {
      cookie,
      body: { email: "m@acme.test", role: "member", password: "member-lantern-pass-77" },
    });
    expect(add.status).toBe(201);
    const login = await api.call("POST", "/api/auth/login", {
      body: { email: "m@acme.test", password: "member-lantern-pass-77" },
    });
    const mc = cookieOf(login.headers);
    expect((await api.call("GET", "/api/workspace", { cookie: mc })).status).toBe(200);
    expect((await api.call("PATCH", "/api/workspace", { cookie: mc, body: { name: "Mine" } })).status).toBe(
      403,
    );
    expect((await api.call("POST", "/api/api-keys", { cookie: mc, body: { name: "x" } })).status).toBe(403);
    const me = await api.call("GET", "/api/me", { cookie });
    const ownerId = me.json.user.id;
    const demote = await api.call("PATCH", `/api/members/${ownerId}`, { cookie, body: { role: "admin" } });
    expect(demote.status).toBe(409);
  });

  it("answers malformed JSON and unknown routes with JSON errors", async () => {
    const res = await api.app.inject({
      method: "PATCH",
      url: "/api/workspace",
      headers: { "content-type": "application/json", cookie },
      payload: "{nope",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBeTruthy();
    const nf = await api.call("GET", "/api/nothing-here");
    expect(nf.status).toBe(404);
    expect(nf.json.error.code).toBe("not_found");
  });

  it("publishes an OpenAPI 3.1 document and a docs page", async () => {
    const doc = await api.call("GET", "/api/openapi.json");
    expect(doc.json.openapi).toBe("3.1.0");
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining(["/api/workspace", "/api/api-keys/{id}", "/api/members"]),
    );
    const page = await api.app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
  });
  it("rate-limits login attempts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await api.call("POST", "/api/auth/login", {
            body: { email: "x@acme.test", password: "whatever-1" },
          })
        ).status,
      );
    expect(statuses).toContain(429);
    const limited = await api.call("POST", "/api/auth/login", {
      body: { email: "x@acme.test", password: "whatever-1" },
    });
    expect(limited.json.error.code).toBe("rate_limited");
  });
});
