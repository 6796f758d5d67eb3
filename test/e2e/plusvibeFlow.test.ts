import { createServer, type Server } from "node:http";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client";
import { leads } from "../../src/db/schema";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { startDnsServer } from "../support/dnsServer";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startPlusVibeServer } from "../support/plusvibeServer";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";
let site: Server;
let sitePort = 0;
const siteHits: string[] = [];
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let pv: Awaited<ReturnType<typeof startPlusVibeServer>>;

// The website Rita's company runs: a page with a few known problems for the audit to find.
const home = `<!doctype html><html><head><meta name="description" content="Ready Co ships things."></head>
<body><h1>Ready Co</h1><img src="/a.png"><a href="/about">About</a></body></html>`;

beforeAll(async () => {
  site = createServer((req, res) => {
    siteHits.push(req.url ?? "");
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(req.url === "/" ? home : "<p>ok</p>");
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", () => r()));
  sitePort = (site.address() as { port: number }).port;
  // The audit's SPF/DMARC/MX look-ups go to a loopback DNS server, so they answer at once and offline.
  dns = await startDnsServer({
    localhost: {
      txt: ["v=spf1 include:_spf.example.net -all"],
      mx: [{ priority: 10, exchange: "mx.localhost" }],
    },
    "_dmarc.localhost": { txt: ["v=DMARC1; p=none"] },
  });
  pv = await startPlusVibeServer({ apiKey: "pv-key", workspaceId: "pv-ws" });
  ({
    env,
    apiKey,
    close: closeWorkspace,
  } = await e2eWorkspace("Vibe Inc", "op@vibe.test", {
    FETCH_ALLOW_PRIVATE: "127.0.0.1,localhost",
    DNS_SERVERS: dns.address,
  }));
});
afterAll(async () => {
  await closeWorkspace();
  await pv?.close();
  await dns?.close();
  await new Promise<void>((r) => (site ? site.close(() => r()) : r()));
});

/**
 * Points a lead's company domain at the loopback site. The API cannot: it normalises a company domain
 * to a bare registrable name and drops the port, so (as in test/audits.test.ts) it is set in the
 * database, here while the server is stopped (PGlite has one owner at a time).
 */
async function pointAtSite(leadId: string) {
  const h = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1 });
  try {
    await h.db
      .update(leads)
      .set({ companyDomain: `localhost:${sitePort}` })
      .where(eq(leads.id, leadId));
  } finally {
    await h.close();
  }
}

/** Polls until `check` returns a value (not undefined), bounded; fails with the last thing it saw. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 45_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!chromiumPath && !ci)("the PlusVibe push in the browser", () => {
  it("gets the 409 with each lead's reason, then pushes the ready lead with her custom_* variables", async () => {
    let server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    const call = async (method: string, url: string, body?: unknown) => {
      const r = await fetch(server.url + url, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await r.json();
      if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    };
    try {
      const conn = await call("PUT", "/api/integrations/plusvibe", {
        apiKey: "pv-key",
        workspaceId: "pv-ws",
        baseUrl: pv.baseUrl,
      });
      expect(conn.check).toMatchObject({ ok: true });
      const list = await call("POST", "/api/lists", { name: "PlusVibe list" });
      const rita = await call("POST", "/api/leads", {
        firstName: "Rita",
        lastName: "Ready",
        email: "rita@ready.example",
        company: "Ready Co",
        listId: list.id,
      });
      const ned = await call("POST", "/api/leads", {
        firstName: "Ned",
        lastName: "New",
        email: "ned@new.example",
        listId: list.id,
      });

      expect(await server.stop()).toBe(0);
      await pointAtSite(rita.id);
      server = await startOverture(["all"], env);

      // Rita is audited in the background; the writeback makes her "Email Ready" with her variables.
      const queued = await call("POST", "/api/leads/audits", { leadIds: [rita.id] });
      expect(queued).toMatchObject({ queued: 1, skipped: [] });
      const job = await until("the audit job", async () => {
        const j = await call("GET", `/api/jobs/${queued.jobId}`);
        return ["queued", "running"].includes(j.status) ? undefined : j;
      });
      expect(job).toMatchObject({ status: "succeeded", result: { audited: 1, failed: [] } });
      const ritaReady = await until("Rita to be Email Ready", async () => {
        const l = await call("GET", `/api/leads/${rita.id}`);
        return l.status === "email_generated" ? l : undefined;
      });
      expect(ritaReady.customFields.email_subject).toBeTruthy();
      // The audit read the loopback site (not an unreachable ready.example).
      expect(siteHits).toContain("/");
      expect(ritaReady.companyDomain).toBe(`localhost:${sitePort}`);
      expect(ritaReady.auditTopIssue).not.toMatch(/unreachable/i);
      expect((await call("GET", `/api/leads/${ned.id}`)).status).toBe("new");
      const addCalls = () => pv.requests.filter((r) => r.path === "/api/v1/lead/add");

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@vibe.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      await page.getByRole("navigation").getByRole("link", { name: "Leads" }).click();
      await page.getByRole("row").filter({ hasText: "Rita Ready" }).getByText("Email Ready").waitFor();
      await page.getByLabel("Select Rita Ready").check();
      await page.getByLabel("Select Ned New").check();
      const bulkbar = page.getByRole("toolbar", { name: "Bulk actions" });
      await bulkbar.getByText("2 selected").waitFor();
      const campaign = bulkbar.getByLabel("PlusVibe campaign");
      await campaign.waitFor();
      await campaign.selectOption({ label: "Website audits Q1" });
      await bulkbar.getByRole("button", { name: "Push selected" }).click();

      const guard = bulkbar.getByRole("alert");
      await guard.getByText("Nothing was pushed:").waitFor();
      const guardText = await guard.innerText();
      expect(guardText).toContain("1 of 2 selected lead(s) are not ready");
      expect(await guard.getByRole("listitem").allInnerTexts()).toEqual([
        "Ned New (New): Lead has not been audited yet, run an audit first",
      ]);
      expect(await guard.getByRole("link", { name: "Ned New" }).getAttribute("href")).toBe(
        `/leads/${ned.id}`,
      );
      expect(guardText).toContain("Ready: Rita Ready");
      expect(addCalls()).toHaveLength(0);
      await page.screenshot({ path: path.join(shotsDir, "plusvibe-push-guard.png"), fullPage: true });

      await page.getByLabel("Select Ned New").uncheck();
      await bulkbar.getByText("1 selected").waitFor();
      await bulkbar.getByRole("button", { name: "Push selected" }).click();
      const done = page.getByRole("status").filter({ hasText: "pushed" });
      await done.waitFor();
      expect(await done.innerText()).toBe("Done: pushed 1 lead(s) to PlusVibe");
      await page.getByRole("row").filter({ hasText: "Rita Ready" }).getByText("Email Sent").waitFor();
      await page.getByRole("row").filter({ hasText: "Ned New" }).getByText("New", { exact: true }).waitFor();

      expect(addCalls()).toHaveLength(1);
      const add = addCalls()[0]!.body as { campaign_id: string; leads: Record<string, unknown>[] };
      expect(add.campaign_id).toBe("camp_1");
      expect(add.leads).toHaveLength(1);
      const pushed = add.leads[0]!;
      expect(pushed).toMatchObject({ email: "rita@ready.example", first_name: "Rita", last_name: "Ready" });
      for (const k of [
        "custom_email_subject",
        "custom_email_body",
        "custom_audit_grade",
        "custom_top_issue",
        "custom_audit_url",
      ])
        expect(pushed[k], k).toEqual(expect.stringMatching(/\S/));
      expect(pushed.custom_email_subject).toBe(ritaReady.customFields.email_subject);
      expect(pv.leadsIn("camp_1").map((l) => l.email)).toEqual(["rita@ready.example"]);
      expect((await call("GET", `/api/leads/${rita.id}`)).status).toBe("email_sent");
      expect((await call("GET", `/api/leads/${ned.id}`)).status).toBe("new");

      await page.screenshot({ path: path.join(shotsDir, "plusvibe-push-done.png"), fullPage: true });
      await page.screenshot({ path: "/tmp/plusvibe-push.png", fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
