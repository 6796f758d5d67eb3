import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, expectValue, launchBrowser, shotsDir } from "../support/browser";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;

beforeAll(async () => {
  ({ env, close: closeWorkspace } = await e2eWorkspace("Discover Inc", "op@discover.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("Discover in the browser", () => {
  it("turns a description into filters, previews the sandbox, collects a list, enriches it and opens its leads", async () => {
    const server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@discover.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      await page.getByRole("navigation").getByRole("link", { name: "Discover" }).click();
      await page.getByRole("heading", { name: "Discover", exact: true }).waitFor();
      const describeBox = page.getByLabel("Describe who you want to reach");
      await describeBox.fill("Heads of marketing at SaaS companies in Germany");
      // The keyboard shortcut submits as the button does.
      await describeBox.press("Control+Enter");
      await page.getByText("Interpreted by the built-in parser").waitFor();
      await expectValue(page.getByLabel("Job titles"), "Head of Marketing");
      await expectValue(page.getByLabel("Locations"), "Germany");
      expect(await page.getByLabel("Head", { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel("Search in").inputValue()).toBe("sandbox");

      // SaaS in Germany alone finds too few sandbox people for 20: drop the industry.
      await expectValue(page.getByLabel("Industries"), "SaaS");
      await page.getByLabel("Industries").fill("");
      await page.getByRole("button", { name: "Preview" }).click();
      const preview = page.getByRole("region", { name: "Preview" });
      const rows = preview.getByRole("row").filter({ hasText: "Germany" });
      await rows.first().waitFor();
      expect(await rows.count()).toBe(10);
      await preview.getByText("Sandbox directory — generated people, not real").waitFor();
      await preview.getByText(/About \d+ matches/).waitFor();
      const link = rows.first().getByRole("link", { name: /Profile/ });
      expect(await link.getAttribute("target")).toBe("_blank");
      expect(await link.getAttribute("rel")).toBe("noreferrer noopener");
      expect(await rows.first().innerText()).toMatch(/\.example/);
      await page.screenshot({ path: path.join(shotsDir, "discover-preview.png"), fullPage: true });
      await page.screenshot({ path: "/tmp/discover.png", fullPage: true });

      await page.getByLabel("Search name").fill("German marketing heads");
      await page.getByLabel("How many people").fill("20");
      await page.getByRole("button", { name: "Start search" }).click();
      await page.getByText("Search started").waitFor();
      const saved = page.getByRole("row").filter({ hasText: "German marketing heads" });
      await saved.getByText("done", { exact: true }).waitFor({ timeout: 30_000 });
      expect(await saved.innerText()).toContain("20 / 20");
      expect(await saved.innerText()).toContain("Sandbox directory — generated people, not real");

      await saved.getByRole("button", { name: "Enrich these leads" }).click();
      await saved.getByText("Enrichment started").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "discover-saved-search.png"), fullPage: true });

      await saved.getByRole("link", { name: "Open list" }).click();
      await page.getByRole("heading", { name: "Leads", exact: true }).waitFor();
      expect(new URL(page.url()).searchParams.get("listId")).toBeTruthy();
      const leadRows = page.locator("tbody tr").filter({ hasText: "Germany" });
      await leadRows.first().waitFor();
      expect(await leadRows.count()).toBe(20);
      // The list filter shows the list once the list names have loaded.
      await page
        .getByLabel("List", { exact: true })
        .locator("option:checked", { hasText: "German marketing heads" })
        .waitFor({ state: "attached" });
      await page.screenshot({ path: path.join(shotsDir, "discover-list-leads.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
