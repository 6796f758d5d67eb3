import { createServer, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerProfileProvider } from "../src/app/enrichment/profileProvider";
import { leads } from "../src/db/schema";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let site: Server;
let port = 0;
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

const pages: Record<string, string> = {
  "/": `<!doctype html><html><head><title>Home | Rocketry Labs</title>
    <meta name="description" content="Rocketry Labs builds reusable launch software for logistics teams.">
    </head><body><h1>Launch software</h1>
    <a href="/careers">Careers</a> <a href="/blog">Blog</a>
    <a href="https://www.linkedin.com/company/rocketry-labs/">LinkedIn</a>
    <a href="mailto:hello@localhost">Mail us</a></body></html>`,
  "/careers": `<html><body><h1>Careers</h1><h2>Open positions</h2><ul><li><a href="/careers/1">Senior Backend Engineer</a></li></ul></body></html>`,
  "/blog": `<html><body><article><h2><a href="/blog/seed">Rocketry Labs raises $4M seed round</a></h2>
    <time datetime="2026-02-20">Feb 20</time></article></body></html>`,
};

beforeAll(async () => {
  site = createServer((req, res) => {
    const page = pages[req.url ?? ""];
    if (!page) return res.writeHead(404).end("no");
    res.writeHead(200, { "content-type": "text/html" }).end(page);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", () => r()));
  port = (site.address() as { port: number }).port;
  ctx = await createTestContext({ clock: testClock("2026-03-10T09:00:00Z") });
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Enrich")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
  await new Promise((r) => site.close(r));
});

describe("enrichment", () => {
  it("reads the company's site (SSRF-guarded) into company facts and signals, fills empty fields only, and records it", async () => {
    const lead = await call("POST", "/api/leads", { email: "ada@rocketry.io", jobTitle: "CTO" });
    await ctx.db
      .update(leads)
      .set({ companyDomain: `localhost:${port}` })
      .where(eq(leads.id, lead.json.id));
    const r = await call("POST", `/api/leads/${lead.json.id}/enrich`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ company: "enriched", profile: "skipped", signals: 2 });
    const [row] = await ctx.db.select().from(leads).where(eq(leads.id, lead.json.id));
    expect(row!.company).toBe("Rocketry Labs");
    expect(row!.industry).toBe("logistics");
    expect(row!.jobTitle).toBe("CTO");
    const e = row!.enrichment as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(e.company.description).toBe("Rocketry Labs builds reusable launch software for logistics teams.");
    expect(e.company.socialLinks).toEqual([
      { kind: "linkedin", url: "https://www.linkedin.com/company/rocketry-labs" },
    ]);
    expect(e.companySignals.map((s: { kind: string; text: string }) => `${s.kind}: ${s.text}`)).toEqual([
      "funding: Rocketry Labs raises $4M seed round",
      "hiring: Hiring: Senior Backend Engineer",
    ]);
    expect(e.status).toMatchObject({ company: "enriched", profile: "skipped" });
    const detail = await call("GET", `/api/leads/${lead.json.id}`);
    expect(JSON.stringify(detail.json.timeline ?? detail.json)).toContain("enriched");
    // The writer now hooks on the funding news, a real company signal.
    const email = await call("POST", `/api/leads/${lead.json.id}/generate-email`);
    expect(email.json.hook).toMatchObject({
      kind: "company_signal",
      text: "Rocketry Labs raises $4M seed round",
    });
  });

  it("lands a connected provider's profile on the lead (headline, experience, skills, posts)", async () => {
    const unregister = registerProfileProvider({
      name: "test-provider",
      fetchProfile: async (url) =>
        url.includes("grace")
          ? {
              headline: "CTO at Cobol Labs",
              experience: [{ title: "CTO", company: "Cobol Labs", start: "2026-01-05", end: null }],
              skills: ["compilers"],
              recentPosts: [{ text: "Compilers are back", date: "2026-03-01", url: null }],
            }
          : null,
    });
    try {
      const grace = await call("POST", "/api/leads", {
        linkedinUrl: "linkedin.com/in/grace",
        firstName: "Grace",
      });
      const r = await call("POST", `/api/leads/${grace.json.id}/enrich`);
      expect(r.json).toMatchObject({ company: "skipped", profile: "enriched" });
      const [row] = await ctx.db.select().from(leads).where(eq(leads.id, grace.json.id));
      expect(row!.headline).toBe("CTO at Cobol Labs");
      expect((row!.enrichment as Record<string, unknown>).skills).toEqual(["compilers"]);
      const nobody = await call("POST", "/api/leads", { linkedinUrl: "linkedin.com/in/nobody" });
      expect((await call("POST", `/api/leads/${nobody.json.id}/enrich`)).json.profile).toBe("not_found");
    } finally {
      unregister();
    }
  });

  it("does not fetch a private address that is not allowlisted, and bulk enrichment runs as a job", async () => {
    const guarded = await createTestContext({ env: { FETCH_ALLOW_PRIVATE: "" } });
    try {
      const { enrichLead } = await import("../src/app/enrichment/enrichLead");
      const ws = await seedWorkspace(guarded, "Guard");
      const actor = {
        workspaceId: ws.workspaceId,
        userId: null,
        role: "owner" as const,
        via: "cli" as const,
        label: "t",
      };
      const [l] = await guarded.db
        .insert(leads)
        .values({ workspaceId: ws.workspaceId, email: "x@y.example", companyDomain: `127.0.0.1:${port}` })
        .returning();
      const r = await enrichLead(guarded, actor, l!.id);
      expect(r.company).toBe("failed");
      expect(r.error).toMatch(/private|loopback/);
    } finally {
      await guarded.close();
    }
    const all = await call("GET", "/api/leads?limit=100");
    const job = await call("POST", "/api/leads/enrich", {
      leadIds: all.json.items.map((l: { id: string }) => l.id),
    });
    expect(job.status).toBe(202);
    expect(job.json.jobId).toBeGreaterThan(0);
  });
});
