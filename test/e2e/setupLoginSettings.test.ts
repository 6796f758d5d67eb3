import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, expectValue, launchBrowser, shotsDir } from "../support/browser";
import { e2eDataDir } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let env: Record<string, string>;
let close: () => Promise<void> | undefined = () => undefined;

beforeAll(async () => {
  ({ env, close } = await e2eDataDir());
});
afterAll(async () => {
  await close();
});

describe.skipIf(!chromiumPath && !ci)("a new user in the browser", () => {
  it("sets up, signs in, and a settings change survives a server restart", async () => {
    let server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByLabel("Workspace name").fill("Acme Outbound");
      await page.getByLabel("Email").fill("owner@acme.test");
      await page.getByLabel("Password").fill("a-good-password");
      await page.getByLabel("Workspace timezone").fill("Europe/Berlin");
      await page.getByRole("button", { name: "Create workspace" }).click();
      // A new workspace lands on the home page and its first-run checklist.
      await page.getByRole("heading", { name: "Get started" }).waitFor();
      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("heading", { name: "Settings" }).waitFor();
      for (const item of [
        "Plays",
        "Runs",
        "Leads",
        "Lists",
        "Sequences",
        "Messaging Lab",
        "Emails",
        "Inbox",
        "Pipeline",
        "Settings",
      ])
        await page.getByRole("navigation").getByRole("link", { name: item }).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "settings-after-setup.png"), fullPage: true });

      await page.getByLabel("Timezone", { exact: true }).fill("America/Chicago");
      await page.getByLabel("Sending window opens").fill("08:30");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();

      await page.getByRole("link", { name: "Pipeline" }).click();
      await page.getByRole("heading", { name: "Outreach pipeline" }).waitFor();
      await page.getByText("No leads yet").waitFor();

      expect(await server.stop()).toBe(0);
      server = await startOverture(["all"], env);

      const fresh = await browser.newPage();
      await fresh.goto(server.url);
      await fresh.getByRole("heading", { name: "Sign in to Overture" }).waitFor();
      await fresh.getByLabel("Email").fill("owner@acme.test");
      await fresh.getByLabel("Password").fill("a-good-password");
      await fresh.getByRole("button", { name: "Sign in" }).click();
      await fresh.getByRole("link", { name: "Settings" }).click();
      await expectValue(fresh.getByLabel("Timezone", { exact: true }), "America/Chicago");
      await expectValue(fresh.getByLabel("Sending window opens"), "08:30");
      await fresh.screenshot({ path: path.join(shotsDir, "settings-after-restart.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
