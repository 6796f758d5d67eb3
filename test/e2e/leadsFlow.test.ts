import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { freePort, runOverture, startOverture } from "../support/serverProcess";
import { TEST_SECRET } from "../support/testContext";
import { createTestDb, type TestDb } from "../support/testDb";

const ci = process.env.CI === "true";
let db: TestDb | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  env = {
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-leads-")),
    PORT: String(await freePort()),
    SECRET_KEY: TEST_SECRET,
  };
  if (process.env.DATABASE_URL) {
    db = await createTestDb({ poolSize: 1 });
    env.DATABASE_URL = db.url!;
  }
  const init = await runOverture(
    [
      "init",
      "--workspace",
      "Leads Inc",
      "--email",
      "op@leads.test",
      "--password",
      "violet-harbour-lantern-42",
    ],
    env,
  );
  if (init.code !== 0) throw new Error(init.out);
});
afterAll(async () => {
  await db?.close();
});

describe.skipIf(!chromiumPath && !ci)("leads in the browser", () => {
  it("imports a messy CSV with one corrected column, searches, opens a timeline, duplicates a list, blocks a domain", async () => {
    const server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@leads.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      await page.getByRole("navigation").getByRole("link", { name: "Lists" }).click();
      await page.getByRole("button", { name: "Import CSV / XLSX" }).click();
      await page
        .getByLabel("File")
        .setInputFiles(path.join(import.meta.dirname, "../fixtures/browser-import.csv"));
      await page.getByRole("button", { name: "Upload and review columns" }).click();
      const whereSelect = page.getByLabel("Import column Where as");
      await whereSelect.waitFor();
      expect(await whereSelect.inputValue()).toBe("custom");
      expect(await page.getByLabel("Import column Work Email as").inputValue()).toBe("email");
      await whereSelect.selectOption("location");
      await page.getByLabel("New list name").fill("Browser import");
      await page.screenshot({ path: path.join(shotsDir, "import-mapping.png"), fullPage: true });
      await page.getByRole("button", { name: "Import leads" }).click();
      const report = page.getByRole("status").filter({ hasText: "added" });
      await report.waitFor({ timeout: 30_000 });
      const text = await report.innerText();
      expect(text).toMatch(/3\s*added/);
      expect(text).toMatch(/1\s*duplicates skipped/);
      expect(text).toMatch(/1\s*rejected/);
      expect(text).toContain("Line 4: a lead needs a LinkedIn URL or an email");
      await page.screenshot({ path: path.join(shotsDir, "import-report.png"), fullPage: true });

      await page.getByRole("navigation").getByRole("link", { name: "Leads" }).click();
      await page.getByLabel("Search leads").fill("lovel");
      const row = page.getByRole("row").filter({ hasText: "Ada Lovelace" });
      await row.waitFor();
      await page.getByRole("row").filter({ hasText: "Alan Turing" }).waitFor({ state: "detached" });
      expect(await page.getByRole("row").count()).toBe(2);
      await page.getByLabel("Search leads").fill("");
      await page.getByRole("row").filter({ hasText: "Alan Turing" }).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "leads-table.png"), fullPage: true });
      await page.getByLabel("Search leads").fill("lovel");
      await row.getByRole("link", { name: "View details" }).click();
      await page.getByRole("heading", { name: "Ada Lovelace" }).waitFor();
      await page.getByText("Imported from browser-import.csv into Browser import").waitFor();
      expect(await page.getByLabel("Location").inputValue()).toBe("London");
      await page.getByLabel("Job title").fill("Countess & CTO");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Changed job title from “—” to “Countess & CTO”").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "lead-detail.png"), fullPage: true });

      await page.getByRole("navigation").getByRole("link", { name: "Lists" }).click();
      await page
        .getByRole("row")
        .filter({ hasText: "Browser import" })
        .getByRole("button", { name: "Duplicate" })
        .click();
      await page.getByRole("link", { name: "Browser import (copy)" }).waitFor();
      expect(await page.getByRole("row").filter({ hasText: "Browser import (copy)" }).innerText()).toContain(
        "3",
      );

      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("tab", { name: "Blocklist" }).click();
      await page.getByLabel("Domain or email to block").fill("cobol.dev");
      await page.getByRole("button", { name: "Block", exact: true }).click();
      await page.getByText("Blocked domain cobol.dev").waitFor();
      await page.getByRole("navigation").getByRole("link", { name: "Leads" }).click();
      await page.getByRole("row").filter({ hasText: "Grace Hopper" }).getByText("Blocked").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "leads-blocked.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
