import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
type Op = {
  requestBody?: { content?: Record<string, { example?: unknown; schema?: { examples?: unknown[] } }> };
};

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Docs")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("the OpenAPI document", () => {
  it("has an example for every JSON request body, and each example passes its route's validation", async () => {
    const doc = (await api.call("GET", "/api/openapi.json")).json as {
      paths: Record<string, Record<string, Op>>;
    };
    const missing: string[] = [];
    const invalid: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const media = op.requestBody?.content?.["application/json"];
        if (!media?.schema) continue;
        const example = media.example ?? media.schema.examples?.[0];
        if (example === undefined) {
          missing.push(`${method.toUpperCase()} ${path}`);
          continue;
        }
        checked++;
        // Against a random id: validation runs before the lookup, so anything but a 400 means the
        // example is a valid body (a 404 for the made-up id is expected).
        const url = path
          .replace("{channel}", "email")
          .replace("{idx}", "1")
          .replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
        if (["/api/setup", "/api/auth/login", "/api/auth/switch-workspace"].includes(path)) continue;
        const r = await api.call(method.toUpperCase(), url, { key, body: example });
        if (r.status === 400 && r.json?.error?.code === "validation")
          invalid.push(`${method.toUpperCase()} ${path}: ${r.json.error.message}`);
      }
    expect(missing).toEqual([]);
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});
