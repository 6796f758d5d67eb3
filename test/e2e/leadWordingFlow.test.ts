import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, expectValue, launchBrowser, shotsDir, signIn } from "../support/browser";
import { startDnsServer } from "../support/dnsServer";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

/**
 * What issue 14 item 10 found wrong in words and data, each as a person meets it: the add form on a
 * duplicate, accent-insensitive search, the timeline after a failed enrichment and an invalid address,
 * clearing both ways to reach a lead, the sandbox mailbox's wording, and the sequence header after
 * the sending window changed.
 */
const ci = process.env.CI === "true";
let ws: Awaited<ReturnType<typeof e2eWorkspace>>;
let dns: Awaited<ReturnType<typeof startDnsServer>>;

beforeAll(async () => {
  // Every name is NXDOMAIN: the company site cannot be read and the address has no mail server.
  dns = await startDnsServer({});
  ws = await e2eWorkspace("Wording Co", "op@wording.test", { DNS_SERVERS: dns.address });
});
afterAll(async () => {
  await ws.close();
  await dns.close();
});

const value = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe.skipIf(!chromiumPath && !ci)("lead wording and data in the browser", () => {
  it("keeps the add form on a duplicate, finds Müller from muller, and says what failed", async () => {
    const server = await startOverture(["all"], ws.env);
    const browser = await launchBrowser();
    const call = (method: string, url: string, body?: unknown) =>
      fetch(server.url + url, {
        method,
        headers: { authorization: `Bearer ${ws.apiKey}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json());
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await signIn(page, server.url, "op@wording.test");

      // The add form: a 409 keeps what was typed, so the person can correct it.
      await page.getByRole("navigation").getByRole("link", { name: "Lists" }).click();
      const fill = async () => {
        await page.getByLabel("First name").fill("Jürgen");
        await page.getByLabel("Last name").fill("Müller");
        await page.getByLabel("Lead email").fill("jm@mueller-soehne.example");
        await page.getByLabel("Company", { exact: true }).fill("Müller & Söhne");
      };
      await fill();
      await page.getByRole("button", { name: "Add lead" }).click();
      await page.getByRole("status").filter({ hasText: "Lead added" }).waitFor();
      await expectValue(page.getByLabel("First name", { exact: true }), "");
      await fill();
      await page.getByRole("button", { name: "Add lead" }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: /already/ })
        .waitFor();
      expect(await value(page, "First name")).toBe("Jürgen");
      expect(await value(page, "Lead email")).toBe("jm@mueller-soehne.example");
      await page.screenshot({ path: path.join(shotsDir, "lists-add-duplicate.png"), fullPage: true });

      // "muller" finds "Müller", and only him.
      await call("POST", "/api/leads", {
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@engines.example",
      });
      await page.getByRole("navigation").getByRole("link", { name: "Leads" }).click();
      await page.getByRole("row").filter({ hasText: "Ada Lovelace" }).waitFor();
      await page.getByLabel("Search leads").fill("muller");
      await page.getByRole("row").filter({ hasText: "Ada Lovelace" }).waitFor({ state: "detached" });
      const row = page.getByRole("row").filter({ hasText: "Müller" });
      await row.getByRole("link", { name: "View details" }).click();

      // A failed enrichment and an invalid address say so on the timeline.
      await page.getByRole("heading", { name: "Jürgen Müller" }).waitFor();
      await page.getByRole("button", { name: "Enrich" }).click();
      await page.getByRole("status").filter({ hasText: "Enrichment:" }).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "Verify email" }).click();
      const verified = page.getByRole("status").filter({ hasText: "Email jm@" });
      await verified.waitFor({ timeout: 30_000 });
      // An invalid address is bad news: not shown in the green of success.
      expect(await verified.getAttribute("class")).toBe("error");
      const timeline = page.locator(".card").filter({ has: page.getByRole("heading", { name: "Timeline" }) });
      // In plain words, not Node's "getaddrinfo ENOTFOUND".
      await timeline
        .getByText(
          "Enrichment failed: the website's name mueller-soehne.example does not exist (no DNS record)",
        )
        .waitFor();
      await timeline.getByText(/jm@mueller-soehne\.example is invalid/).waitFor();
      const said = await timeline.innerText();
      expect(said).not.toMatch(/Enriched \(|jm@mueller-soehne\.example verified/);
      await page.screenshot({ path: path.join(shotsDir, "lead-timeline-failures.png"), fullPage: true });

      // Clearing both the email and the LinkedIn URL is refused with the reason, not "Saved".
      await page.getByLabel("Email", { exact: true }).fill("");
      await page.getByLabel("LinkedIn URL").fill("");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: /needs an email address or a LinkedIn URL/ })
        .waitFor();
      expect(await page.getByRole("status").filter({ hasText: "Saved" }).count()).toBe(0);

      // The sandbox mailbox says what it is, not that it is unfinished.
      await page.getByRole("navigation").getByRole("link", { name: "Inbox" }).click();
      await page.getByRole("tab", { name: "Sandbox mailbox" }).click();
      await page.getByText("Nothing sent through the sandbox yet.").waitFor();
      expect(await page.locator("main").innerText()).not.toMatch(/not built|not yet built|coming soon/i);

      // The sequence header follows the sending window right after it is saved.
      const run = await call("POST", "/api/runs", { name: "Window run", playKey: "builtin:email-only" });
      const seq = await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Window sequence",
        listIds: [],
      });
      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByLabel("Sending window opens").fill("08:15");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
      await page.getByRole("navigation").getByRole("link", { name: "Sequences" }).click();
      await page.getByRole("link", { name: "Window sequence" }).click();
      await page.getByText("sends between 08:15 and 17:00").waitFor();
      expect(seq.id).toBeTruthy();
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 120_000);
});
