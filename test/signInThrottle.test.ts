import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let web1: Awaited<ReturnType<typeof testServer>>;
let web2: Awaited<ReturnType<typeof testServer>>;
let owner: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  ctx = await createTestContext({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
  // Two web processes on one database: the counts are in the database, so both see them.
  web1 = await testServer(ctx);
  web2 = await testServer(ctx);
  owner = await seedWorkspace(ctx, "Throttle");
});
afterAll(async () => {
  await web1.close();
  await web2.close();
  await ctx.close();
});

const login = (web: typeof web1, email: string, password: string, ip = "192.0.2.1") =>
  web.app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "x-forwarded-for": ip },
    payload: { email, password },
  });

describe("sign-in throttling", () => {
  it("blocks an account after 5 failures with a growing delay, shared by every web process", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await login(i % 2 ? web1 : web2, owner.email, "wrong-password!", `192.0.2.${i + 10}`)).statusCode,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // Even the right password waits, and from another address.
    const blocked = await login(web2, owner.email, owner.password, "192.0.2.99");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBe("2");
    expect(blocked.json().error.message).toBe(
      "too many failed sign-ins; try again in 2 seconds (at 08:00:02 UTC)",
    );
    ctx.clock.advance(2_000);
    expect((await login(web1, owner.email, "wrong-password!")).statusCode).toBe(401);
    const longer = await login(web1, owner.email, owner.password);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers["retry-after"]).toBe("4");
    ctx.clock.advance(4_000);
    expect((await login(web2, owner.email, owner.password)).statusCode).toBe(200);
    // A success starts the account afresh.
    expect((await login(web1, owner.email, "wrong-password!")).statusCode).toBe(401);
    expect((await login(web1, owner.email, owner.password)).statusCode).toBe(200);
  });

  it("blocks a client address after 20 failures over any accounts, not other addresses", async () => {
    for (let i = 0; i < 20; i++)
      expect(
        (await login(web1, `nobody${i}@throttle.test`, "wrong-password!", "198.51.100.7")).statusCode,
      ).toBe(401);
    const r = await login(web2, owner.email, owner.password, "198.51.100.7");
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login(web2, owner.email, owner.password, "198.51.100.8")).statusCode).toBe(200);
  });

  it("forgets failures older than an hour", async () => {
    for (let i = 0; i < 4; i++) await login(web1, owner.email, "wrong-password!");
    ctx.clock.advance(61 * 60_000);
    for (let i = 0; i < 4; i++)
      expect((await login(web1, owner.email, "wrong-password!")).statusCode).toBe(401);
    expect((await login(web1, owner.email, owner.password)).statusCode).toBe(200);
  });
});
