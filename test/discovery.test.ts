import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interpretQuery } from "../src/app/discovery/interpretQuery";
import { leadEvents, listMembers, lists, usageEvents } from "../src/db/schema";
import { discoveryJob } from "../src/jobs/definitions/discoveryJob";
import { startWorker } from "../src/jobs/worker";
import { startLlmServer } from "./support/llmServer";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";
import { startUnipileServer } from "./support/unipileServer";

let ctx: TestContext;
let llmCtx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let llm: Awaited<ReturnType<typeof startLlmServer>>;
let unipile: Awaited<ReturnType<typeof startUnipileServer>>;
let key = "";

const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });
const germanMarketing = { titles: ["Head of Marketing"], industries: ["SaaS"], locations: ["Germany"] };

beforeAll(async () => {
  llm = await startLlmServer();
  unipile = await startUnipileServer({
    apiKey: "uni-key",
    accountId: "acc-1",
    profiles: {},
    searchResults: Array.from({ length: 30 }, (_, i) => ({
      object: "SearchResult",
      type: "PEOPLE",
      id: `ACo${i}`,
      public_identifier: `li-person-${i}`,
      name: `Person Number${i}`,
      headline: `Head of Marketing at Company ${i}`,
      location: "Berlin, Germany",
    })),
  });
  ctx = await createTestContext();
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "Discovery");
  key = ws.apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await llmCtx?.close();
  await llm.close();
  await unipile.close();
});

describe("discovery", () => {
  it("turns plain language into filters with the built-in parser when no LLM is configured", async () => {
    const r = await call("POST", "/api/discovery/interpret", {
      text: "Heads of marketing at SaaS companies in Germany with 50-200 employees",
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      via: "parser",
      filters: {
        titles: ["Head of Marketing"],
        industries: ["SaaS"],
        locations: ["Germany"],
        companySize: { min: 50, max: 200 },
      },
    });
    expect((await call("POST", "/api/discovery/interpret", { text: "  " })).status).toBe(400);
  });

  it("uses the LLM when one is configured (metered), and falls back to the parser on a bad answer", async () => {
    llmCtx = await createTestContext({
      env: {
        LLM_PROVIDER: "openai",
        LLM_MODEL: "m",
        LLM_BASE_URL: llm.baseUrl,
        LLM_API_KEY: llm.apiKey,
        LLM_MAX_RETRIES: "0",
      },
    });
    const ws = await seedWorkspace(llmCtx, "LLM discovery");
    llm.script(
      {
        kind: "answer",
        content: JSON.stringify({
          titles: ["Chief Technology Officer"],
          seniority: ["c_level", "wizard"],
          industries: ["Fintech"],
          locations: ["Denmark", "Sweden"],
          companySize: { min: null, max: 50 },
          keywords: [],
        }),
        usage: { input: 120, output: 40 },
      },
      { kind: "garbage" },
    );
    const a = await interpretQuery(llmCtx, ws.workspaceId, "CTOs at small fintechs in the Nordics");
    expect(a).toMatchObject({
      via: "llm",
      filters: {
        titles: ["Chief Technology Officer"],
        seniority: ["c_level"],
        locations: ["Denmark", "Sweden"],
      },
    });
    const used = await llmCtx.db
      .select()
      .from(usageEvents)
      .where(eq(usageEvents.workspaceId, ws.workspaceId));
    expect(used.map((u) => [u.kind, u.tokens])).toEqual([["llm", 160]]);
    const b = await interpretQuery(llmCtx, ws.workspaceId, "CTOs in the United States");
    expect(b.via).toBe("parser");
    expect(b.note).toMatch(/LLM/);
    expect(b.filters.titles).toEqual(["CTO"]);
  });

  it("previews the sandbox directory, then collects a saved search into a discovery list in the background", async () => {
    const bad = await call("POST", "/api/discovery/preview", {
      provider: "sandbox",
      filters: { titles: [""] },
    });
    expect(bad.status).toBe(400);
    const p = await call("POST", "/api/discovery/preview", { provider: "sandbox", filters: germanMarketing });
    expect(p.json.people.length).toBeGreaterThan(0);
    expect(p.json.people.length).toBeLessThanOrEqual(10);
    for (const person of p.json.people) {
      expect(person.jobTitle).toMatch(/Marketing/);
      expect(person.location).toMatch(/Germany/);
      expect(person.companyDomain).toMatch(/\.example$/);
    }
    const count = Math.min(5, p.json.total);
    const s = await call("POST", "/api/discovery/searches", {
      query: "Heads of marketing at SaaS companies in Germany",
      provider: "sandbox",
      filters: germanMarketing,
      count,
    });
    expect(s.status).toBe(202);
    const worker = startWorker(ctx, [discoveryJob as never], { pollMs: 20 });
    await worker.idle();
    await worker.stop();
    const done = await call("GET", `/api/discovery/searches/${s.json.search.id}`);
    expect(done.json).toMatchObject({ status: "done", found: count, added: count, duplicates: 0 });
    const [list] = await ctx.db.select().from(lists).where(eq(lists.id, done.json.listId));
    expect(list).toMatchObject({ source: "discovery" });
    const members = await ctx.db.select().from(listMembers).where(eq(listMembers.listId, list!.id));
    expect(members).toHaveLength(count);
    const events = await ctx.db.select().from(leadEvents).where(eq(leadEvents.leadId, members[0]!.leadId));
    expect(events.map((e) => e.type)).toContain("discovered");

    // The same search again: the same people, now duplicates, in a second list of their own.
    const again = await call("POST", "/api/discovery/searches", {
      provider: "sandbox",
      filters: germanMarketing,
      count,
    });
    const w2 = startWorker(ctx, [discoveryJob as never], { pollMs: 20 });
    await w2.idle();
    await w2.stop();
    const second = await call("GET", `/api/discovery/searches/${again.json.search.id}`);
    expect(second.json).toMatchObject({ status: "done", added: 0, duplicates: count });
    expect(second.json.listId).not.toBe(done.json.listId);
    const listed = await call("GET", "/api/discovery/searches");
    expect(listed.json.map((x: { id: string }) => x.id)).toEqual([again.json.search.id, s.json.search.id]);
  });

  it("searches LinkedIn through Unipile: ids looked up for places, paged by cursor", async () => {
    const none = await call("POST", "/api/discovery/preview", {
      provider: "linkedin",
      filters: germanMarketing,
    });
    expect(none.status).toBe(422);
    expect(none.json.error.message).toMatch(/connected LinkedIn account/);
    await call("PUT", "/api/integrations/linkedin", {
      apiKey: "uni-key",
      dsn: unipile.dsn,
      accountId: "acc-1",
    });
    const s = await call("POST", "/api/discovery/searches", {
      provider: "sales_navigator",
      filters: { ...germanMarketing, companySize: { min: 50, max: 200 } },
      count: 27,
    });
    expect(s.status).toBe(202);
    const worker = startWorker(ctx, [discoveryJob as never], { pollMs: 20 });
    await worker.idle();
    await worker.stop();
    const done = await call("GET", `/api/discovery/searches/${s.json.search.id}`);
    expect(done.json).toMatchObject({ status: "done", found: 27, added: 27 });
    const searches = unipile.requests.filter((r) => r.path === "/api/v1/linkedin/search");
    expect(searches.map((r) => r.query.cursor ?? null)).toEqual([null, "25"]);
    expect(searches[0]!.body).toMatchObject({
      api: "sales_navigator",
      category: "people",
      keywords: "Head of Marketing",
      location: { include: ["LOCATION:Germany"] },
      industry: { include: ["INDUSTRY:SaaS"] },
      company_headcount: [{ min: 50, max: 200 }],
    });
    expect(
      unipile.requests
        .filter((r) => r.path === "/api/v1/linkedin/search/parameters")
        .map((r) => r.query.type),
    ).toEqual(["LOCATION", "INDUSTRY"]);
  });
});
