import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody, seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let owner: Awaited<ReturnType<typeof seedWorkspace>>;
let cookie = "";
const host = "127.0.0.1:3000";

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  owner = await seedWorkspace(ctx, "Csrf");
  const r = await api.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: owner.email, password: owner.password },
  });
  cookie = `ov_session=${r.cookies.find((c) => c.name === "ov_session")!.value}`;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const post = (headers: Record<string, string>, payload: string | object) =>
  api.app.inject({ method: "POST", url: "/api/lists", headers: { host, ...headers }, payload });
const listNames = async () =>
  (await api.call("GET", "/api/lists", { key: owner.apiKey })).json.map((l: { name: string }) => l.name);

describe("cross-site request forgery", () => {
  it("refuses a form posted from another port of the same host with the victim's cookie", async () => {
    const r = await post(
      { cookie, origin: "http://127.0.0.1:4000", "content-type": "application/x-www-form-urlencoded" },
      "name=Forged",
    );
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe("requests from http://127.0.0.1:4000 may not change anything here");
    expect(await listNames()).not.toContain("Forged");
  });

  it("refuses cross-origin JSON, a null Origin, and same-site or cross-site fetch metadata", async () => {
    const json = { "content-type": "application/json" };
    for (const h of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
    ])
      expect((await post({ cookie, ...json, ...h }, { name: "Forged" })).statusCode).toBe(403);
    expect(await listNames()).not.toContain("Forged");
  });

  it("takes only JSON with a session cookie, even from no stated origin", async () => {
    const r = await post({ cookie, "content-type": "text/plain" }, JSON.stringify({ name: "Plain" }));
    expect(r.statusCode).toBe(415);
    const form = await post({ cookie, "content-type": "application/x-www-form-urlencoded" }, "name=Form");
    expect(form.statusCode).toBe(415);
    // Without a cookie there is no parser for forms at all.
    const anon = await post({ "content-type": "application/x-www-form-urlencoded" }, "name=Form");
    expect(anon.statusCode).toBe(415);
  });

  it("lets the app's own requests through: same Origin, same-origin fetch metadata, uploads", async () => {
    const json = { cookie, "content-type": "application/json" };
    expect((await post({ ...json, origin: `http://${host}` }, { name: "Own origin" })).statusCode).toBe(201);
    expect((await post({ ...json, "sec-fetch-site": "same-origin" }, { name: "Own fetch" })).statusCode).toBe(
      201,
    );
    const upload = multipartBody({}, { name: "leads.csv", content: "email\na@b.test\n" });
    const up = await api.app.inject({
      method: "POST",
      url: "/api/imports",
      headers: { ...upload.headers, cookie, host, origin: `http://${host}` },
      payload: upload.payload,
    });
    expect(up.statusCode).toBeLessThan(300);
    expect(
      (
        await api.app.inject({
          method: "POST",
          url: "/api/auth/logout",
          headers: { cookie, host, origin: `http://${host}` },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("leaves Bearer API keys alone", async () => {
    const r = await post(
      {
        authorization: `Bearer ${owner.apiKey}`,
        origin: "https://zapier.example",
        "content-type": "application/json",
      },
      { name: "Via key" },
    );
    expect(r.statusCode).toBe(201);
  });
});
