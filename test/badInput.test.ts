import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../src/app/security/signedToken";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let listId = "";
let senderId = "";

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Bad input")).apiKey;
  listId = (await api.call("POST", "/api/lists", { key, body: { name: "A list" } })).json.id;
  senderId = (
    await api.call("POST", "/api/sender-accounts", {
      key,
      body: { kind: "sandbox", name: "Box", fromEmail: "box@bad.test" },
    })
  ).json.id;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const raw = (method: string, url: string, payload?: string | Buffer, type = "application/json") =>
  api.app.inject({
    method: method as "POST",
    url,
    headers: { authorization: `Bearer ${key}`, ...(payload !== undefined ? { "content-type": type } : {}) },
    payload,
  });

describe("bad input gets a 400 naming the field, never a 5xx", () => {
  it("NUL bytes and invalid UTF-8 in query parameters", async () => {
    for (const [url, field] of [
      ["/api/leads?search=a%00b", "querystring.search"],
      ["/api/leads?search=M%FFller", "querystring.search"],
      ["/api/leads?sort=%00", "querystring.sort"],
      [`/api/lists/${listId}?x=%C3%28`, "querystring.x"],
    ] as const) {
      const r = await raw("GET", url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.details.field, url).toBe(field);
    }
  });

  it("NUL bytes, lone surrogates and invalid UTF-8 in JSON bodies", async () => {
    const nul = await raw("POST", "/api/lists", JSON.stringify({ name: "a\u0000b" }));
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.message).toBe("body.name: must not contain NUL bytes");
    const surrogate = await raw("POST", "/api/lists", '{"name":"\\ud800"}');
    expect(surrogate.json().error.details.field).toBe("body.name");
    const bytes = await raw(
      "POST",
      "/api/lists",
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    );
    expect(bytes.statusCode).toBe(400);
    expect(bytes.json().error.message).toBe("body: is not valid UTF-8");
    const broken = await raw("POST", "/api/lists", '{"name":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/^body: is not valid JSON/);
  });

  it("refuses __proto__ and constructor keys by name", async () => {
    const proto = await raw("POST", "/api/lists", '{"name":"x","__proto__":{"admin":true}}');
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.message).toBe('body.__proto__: the key "__proto__" is not allowed');
    const ctor = await raw("PATCH", `/api/lists/${listId}`, '{"name":"x","constructor":{"prototype":{}}}');
    expect(ctor.json().error.details.field).toBe("body.constructor");
  });

  it("empty PATCH bodies say there is nothing to change", async () => {
    for (const url of [`/api/lists/${listId}`, `/api/sender-accounts/${senderId}`, "/api/workspace"]) {
      const r = await raw("PATCH", url, "{}");
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.message).toBe("nothing to change: send at least one field");
    }
  });

  it("odd sort and ids values of the CSV export", async () => {
    for (const q of [
      "sort=nonsense",
      "sort=-",
      "sort=--email",
      "ids=not-a-uuid",
      "ids=,,,x",
      "sort=email&ids=1",
    ]) {
      const r = await raw("GET", `/api/leads/export.csv?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe("validation");
    }
    expect((await raw("GET", "/api/leads/export.csv?sort=-email")).statusCode).toBe(200);
  });

  it("an unsubscribe token with an extra segment is not valid", async () => {
    const token = signToken(ctx, "unsubscribe", [listId]);
    const r = await api.app.inject({ method: "GET", url: `/unsubscribe/${token}.x` });
    expect(r.statusCode).toBe(400);
  });
});
