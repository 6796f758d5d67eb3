import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

type Server = Awaited<ReturnType<typeof testServer>>;
const opened: { ctx: TestContext; api: Server }[] = [];

async function start(env: Record<string, string>) {
  const ctx = await createTestContext({ env });
  const api = await testServer(ctx);
  opened.push({ ctx, api });
  const owner = await seedWorkspace(ctx, "Proxy");
  const login = (headers: Record<string, string>, password = owner.password, email = owner.email) =>
    api.app.inject({ method: "POST", url: "/api/auth/login", headers, payload: { email, password } });
  const lastSignInIp = async () =>
    (await api.call("GET", "/api/audit-log", { key: owner.apiKey })).json.find(
      (e: { action: string }) => e.action === "sign_in.new_device",
    )?.details.ip;
  return { ctx, api, owner, login, lastSignInIp };
}

afterAll(async () => {
  for (const o of opened) {
    await o.api.close();
    await o.ctx.close();
  }
});

describe("X-Forwarded-* believed only from TRUSTED_PROXIES", () => {
  let direct: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    direct = await start({});
  });

  it("40 wrong passwords, each with a new X-Forwarded-For, run into 429", async () => {
    // A new account each time too, so only the limit per client address can stop them.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await direct.login(
        { "x-forwarded-for": `198.51.100.${i + 1}` },
        "not-the-password",
        `guess${i}@proxy.test`,
      );
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(20).fill(429));
  });

  it("ignores X-Forwarded-For/-Proto from an untrusted peer: no Secure cookie, the socket's address", async () => {
    direct.ctx.clock.advance(3_600_000);
    const r = await direct.login({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
    expect(r.statusCode).toBe(200);
    expect(r.cookies.find((c) => c.name === "ov_session")!.secure).toBeFalsy();
    expect(await direct.lastSignInIp()).toBe("127.0.0.1");
  });

  it("believes a trusted proxy: its client's address and HTTPS, so the cookie is Secure", async () => {
    const proxied = await start({ TRUSTED_PROXIES: "127.0.0.1/32, ::1" });
    const r = await proxied.login({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
    expect(r.statusCode).toBe(200);
    expect(r.cookies.find((c) => c.name === "ov_session")!.secure).toBe(true);
    expect(r.cookies.find((c) => c.name === "ov_device")!.secure).toBe(true);
    expect(await proxied.lastSignInIp()).toBe("203.0.113.9");
    const plain = await proxied.login({ "x-forwarded-for": "203.0.113.10" });
    expect(plain.cookies.find((c) => c.name === "ov_session")!.secure).toBeFalsy();
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or CIDR", async () => {
    await expect(createTestContext({ env: { TRUSTED_PROXIES: "10.0.0.0/8,proxy.example" } })).rejects.toThrow(
      /TRUSTED_PROXIES: each entry must be an IP address or CIDR/,
    );
  });
});
