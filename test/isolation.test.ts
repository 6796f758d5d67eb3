import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResourcesOfB, sampleBodies } from "./support/isolationFixtures";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let a: Awaited<ReturnType<typeof seedWorkspace>>;
let b: Awaited<ReturnType<typeof seedWorkspace>>;
let bRes: Awaited<ReturnType<typeof createResourcesOfB>>;
type Route = { method: string; path: string };
let routes: Route[] = [];

/** Everything B can see through its own list/detail GETs: must be identical before and after A's attempts. */
async function snapshotOfB() {
  const out: Record<string, unknown> = {};
  for (const r of routes.filter((r) => r.method === "GET" && !r.path.includes("{"))) {
    const res = await api.call("GET", r.path, { key: b.apiKey });
    if (r.path === "/api/health" || r.path === "/api/me") continue;
    out[r.path] = (JSON.parse(JSON.stringify(res.json)) as unknown) ?? res.status;
  }
  return JSON.stringify(out, (k, v) => (k === "lastUsedAt" || k === "lastSeenAt" ? undefined : v));
}

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  a = await seedWorkspace(ctx, "Alpha");
  b = await seedWorkspace(ctx, "Bravo");
  bRes = await createResourcesOfB(ctx, b, api.call);
  const doc = (await api.call("GET", "/api/openapi.json")).json as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("workspace isolation through every route", () => {
  it("knows a body for every write route (so new routes are covered)", () => {
    const writes = routes
      .filter((r) => ["POST", "PATCH", "PUT"].includes(r.method))
      .map((r) => `${r.method} ${r.path}`);
    const unknown = writes.filter((w) => !(w in sampleBodies) && !w.includes("{id}"));
    expect(unknown).toEqual([]);
  });

  it("A can read none of B's data through list routes", async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((r) => r.method === "GET" && !r.path.includes("{"))) {
      const body = (await api.call("GET", r.path, { key: a.apiKey })).body;
      // Short ids (job numbers) are checked by the id routes below; here, distinctive strings only.
      for (const needle of [...bRes.ids.filter((id) => id.length >= 8), ...bRes.strings, "Bravo"])
        if (body.includes(needle)) leaks.push(`${r.path} shows ${needle}`);
    }
    expect(leaks).toEqual([]);
    const jobsOfA = (await api.call("GET", "/api/jobs", { key: a.apiKey })).json as { kind: string }[];
    expect(jobsOfA.filter((j) => j.kind === "t.isolation")).toEqual([]);
  });

  it("A can read or change nothing of B's through any route with an id, and B's data is unchanged", async () => {
    const before = await snapshotOfB();
    const wrong: string[] = [];
    for (const r of routes.filter((r) => r.path.includes("{"))) {
      for (const id of bRes.ids) {
        const url = r.path.replace("{channel}", "email").replace(/\{[^}]+\}/g, id);
        const key = `${r.method} ${r.path}`;
        let text = JSON.stringify(key in sampleBodies ? (sampleBodies[key] ?? {}) : {});
        for (const [k, v] of Object.entries(bRes.placeholders)) text = text.replaceAll(k, v);
        const body = JSON.parse(text);
        const res = await api.call(r.method, url, {
          key: a.apiKey,
          body: r.method === "GET" || r.method === "DELETE" ? undefined : body,
        });
        if (res.status < 400 || res.body.includes("b-secret") || res.body.includes("b-member@"))
          wrong.push(`${key} with ${id} -> ${res.status}`);
      }
    }
    // Writes without ids act on A's own workspace: run them too and make sure B is untouched.
    for (const r of routes.filter(
      (r) => !r.path.includes("{") && ["POST", "PATCH", "PUT", "DELETE"].includes(r.method),
    )) {
      const body = sampleBodies[`${r.method} ${r.path}`];
      if (body === null) continue;
      let text = JSON.stringify(body ?? {});
      for (const [k, v] of Object.entries(bRes.placeholders)) text = text.replaceAll(k, v);
      const payload = JSON.parse(text);
      const res = await api.call(r.method, r.path, { key: a.apiKey, body: payload });
      if (r.path === "/api/auth/switch-workspace" && res.status < 400)
        wrong.push(`switch into B -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshotOfB()).toBe(before);
    expect((await api.call("GET", "/api/workspace", { key: b.apiKey })).json.name).toBe("Bravo");
  });
});
