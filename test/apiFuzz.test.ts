import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openapiDocument } from "../src/api/openapiDocument";
import { sampleBodies } from "./support/isolationFixtures";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

/**
 * Every operation of the OpenAPI document, called with malformed, missing, oversized and hostile
 * values in its path, query and body (NUL, broken UTF-8, __proto__, deep nesting, huge numbers,
 * wrong types). Whatever it is sent, the API answers 4xx or 2xx; a 5xx fails the test, naming the
 * request.
 */
type Param = { name: string; in: "path" | "query" | "header" | "cookie" };
type Op = {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { example?: unknown; schema?: { examples?: unknown[] } }> };
};
const doc = (await openapiDocument()) as unknown as { paths: Record<string, Record<string, Op>> };
const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let sent = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Fuzz")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const deep = (n: number) => JSON.parse("[".repeat(n) + "]".repeat(n)) as unknown;
const hostileValues: unknown[] = [
  "a\u0000b",
  "\ud800",
  "\uFFFD",
  "__proto__",
  "x".repeat(100_000),
  "",
  " ",
  "' OR 1=1 --",
  "../../etc/passwd",
  "9999-99-99T99:99:99Z",
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 64,
  true,
  null,
  [],
  {},
  ["a\u0000"],
  { __proto__: { polluted: true } },
  deep(40),
];
const hostileStrings = [
  "%00",
  "a%00b",
  "%FF",
  "%C3%28",
  "__proto__",
  "constructor",
  "x".repeat(5_000),
  "-1",
  "1e309",
  "NaN",
  "..%2F..%2Fetc",
  "%27%20OR%201%3D1",
  "00000000-0000-0000-0000-000000000000",
  ",,,",
];
const rawBodies: (string | Buffer)[] = [
  "",
  "null",
  "[]",
  '"text"',
  "123",
  "{",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  "[".repeat(10_000) + "]".repeat(10_000),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
];

/** Example bodies point at loopback port 9 (refused at once) instead of hosts a lookup would wait for. */
const defang = (v: unknown): unknown =>
  typeof v === "string" && /^https?:\/\//.test(v)
    ? "http://127.0.0.1:9/x"
    : Array.isArray(v)
      ? v.map(defang)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, defang(x)]))
        : v;

function baseBody(method: string, path: string, op: Op): unknown {
  const media = op.requestBody?.content?.["application/json"];
  const example = media?.example ?? media?.schema?.examples?.[0] ?? sampleBodies[`${method} ${path}`];
  return defang(example ?? {});
}

const urlFor = (path: string, op: Op, fill: (name: string) => string, query = "") =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    (op.parameters ?? []).some((p) => p.in === "path" && p.name === name) ? fill(name) : randomUUID(),
  ) + (query ? `?${query}` : "");

describe("API fuzz: no operation answers 5xx to hostile input", () => {
  it("covers the whole document", () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  for (const { method, path, op } of operations)
    it(`${method} ${path}`, async () => {
      const failures: string[] = [];
      const send = async (url: string, payload?: string | Buffer, type = "application/json") => {
        const r = await api.app.inject({
          method: method as "GET",
          url,
          headers: {
            authorization: `Bearer ${key}`,
            ...(payload !== undefined ? { "content-type": type } : {}),
          },
          payload,
        });
        sent++;
        // The health check answers 503 by design while no worker runs (none does here).
        if (r.statusCode >= 500 && !(path === "/api/health" && r.statusCode === 503))
          failures.push(
            `${r.statusCode} ${method} ${url.slice(0, 200)} ${String(payload ?? "").slice(0, 200)} → ${r.body.slice(0, 200)}`,
          );
      };
      const validUrl = urlFor(path, op, () => randomUUID());
      // Path parameters.
      for (const s of hostileStrings) await send(urlFor(path, op, () => s));
      // Query parameters, one at a time, also repeated and as arrays.
      for (const p of (op.parameters ?? []).filter((x) => x.in === "query")) {
        for (const s of hostileStrings) await send(urlFor(path, op, () => randomUUID(), `${p.name}=${s}`));
        await send(urlFor(path, op, () => randomUUID(), `${p.name}=1&${p.name}=2`));
        await send(urlFor(path, op, () => randomUUID(), `${p.name}[]=1&${p.name}[__proto__]=2`));
      }
      await send(urlFor(path, op, () => randomUUID(), "__proto__=1&constructor=2&unknown=%00"));
      if (["POST", "PUT", "PATCH", "DELETE"].includes(method)) {
        // Whole bodies: missing, wrong types, broken, hostile keys, deep, invalid UTF-8, other types.
        await send(validUrl);
        for (const b of rawBodies) await send(validUrl, b);
        await send(validUrl, "a=1&b=2", "application/x-www-form-urlencoded");
        await send(validUrl, "plain", "text/plain");
        // Each field of a valid body, replaced by each hostile value.
        const base = baseBody(method, path, op);
        if (base && typeof base === "object" && !Array.isArray(base)) {
          const fields = Object.keys(base);
          for (const f of [...fields, "unknownField"])
            for (const v of hostileValues)
              await send(validUrl, JSON.stringify({ ...(base as object), [f]: v }));
          // Nested fields one level down.
          for (const f of fields) {
            const inner = (base as Record<string, unknown>)[f];
            if (inner && typeof inner === "object" && !Array.isArray(inner))
              for (const g of Object.keys(inner))
                for (const v of hostileValues.slice(0, 12))
                  await send(validUrl, JSON.stringify({ ...(base as object), [f]: { ...inner, [g]: v } }));
          }
        }
      }
      expect(failures).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

  it("oversized bodies get a 413, and the server still answers afterwards", async () => {
    // Runs last: the operations above really sent their thousands of requests.
    expect(sent).toBeGreaterThan(8_000);
    const r = await api.app.inject({
      method: "POST",
      url: "/api/lists",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      payload: JSON.stringify({ name: "x".repeat(6 * 1024 * 1024) }),
    });
    expect(r.statusCode).toBe(413);
    expect((await api.call("GET", "/api/me", { key })).status).toBe(200);
  });
});
