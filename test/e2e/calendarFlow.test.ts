import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { apiCaller, e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";

beforeAll(async () => {
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Calendar GmbH", "op@calendar.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("the sending calendar and spintax in the browser", () => {
  it("skips a German lead's holidays in the preview, renders the lead's spintax variant, and flags broken spintax", async () => {
    const server = await startOverture(["all"], env);
    const call = apiCaller(server.url, apiKey);
    const list = await call("POST", "/api/lists", { name: "Berlin" });
    const lead = await call("POST", "/api/leads", {
      firstName: "Jana",
      lastName: "Vogel",
      email: "jana@firma.example",
      location: "Berlin, Germany",
      listId: list.id,
    });
    const run = await call("POST", "/api/runs", { name: "Winter", playKey: "builtin:email-only" });
    const seq = await call("POST", "/api/sequences", {
      runId: run.id,
      name: "Year end",
      listIds: [list.id],
      steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
    });
    const browser = await launchBrowser();
    try {
      // The browser's clock reads Berlin time, so "as of" below is 24 December 17:30 in Berlin.
      const page = await browser.newPage({
        viewport: { width: 1400, height: 1300 },
        timezoneId: "Europe/Berlin",
      });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@calendar.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("navigation").waitFor();
      await page.goto(`${server.url}/sequences/${seq.id}`);

      // Weekdays (the workspace's default) and public holidays off.
      const calendar = page.getByLabel("Sending calendar");
      for (const d of ["Mon", "Tue", "Wed", "Thu", "Fri"])
        expect(await calendar.getByLabel(d).isChecked()).toBe(true);
      expect(await calendar.getByLabel("Sat").isChecked()).toBe(false);
      await calendar.getByLabel("Skip public holidays in the lead's country").check();
      await calendar.getByRole("button", { name: "Save calendar" }).click();
      await calendar.getByText("Saved.").waitFor();
      await page.getByText("not on public holidays").waitFor();

      // Spintax in the first step.
      await page.getByLabel("Step 1 subject").fill("{Hi|Hello|Hey} {{first_name}}");
      await page.getByLabel("Step 1 message").fill("{Quick|Short} question, {{first_name}}");
      await page.getByRole("button", { name: "Save steps" }).click();
      await page.getByText("Steps saved").waitFor();

      const preview = page.getByLabel("Schedule preview");
      await preview.getByLabel("As of").fill("2026-12-24T17:30");
      await preview.getByPlaceholder("Find a lead").fill("Jana");
      await preview.getByRole("button", { name: "Find" }).click();
      await preview.getByRole("button", { name: "Jana Vogel" }).click();
      const row = preview.locator("tbody tr").first();
      await row.getByText("moved from Fri 25 Dec: Christmas Day (DE); Sat 26 Dec: Boxing Day (DE)").waitFor();
      expect(await row.textContent()).toContain("2026-12-28T09:00+01:00 Mon");
      const message = preview.getByLabel("Step 1 as sent");
      const shown = (await message.textContent()) ?? "";
      expect(shown).toMatch(/^Step 1: (Hi|Hello|Hey) Jana(Quick|Short) question, Jana$/);
      // The server's own preview, which the scheduler's rendering equals, agrees with the page.
      const api = await call("GET", `/api/sequences/${seq.id}/preview?leadId=${lead.id}`);
      expect(shown).toBe(`Step 1: ${api.steps[0].message.subject}${api.steps[0].message.body}`);
      await page.screenshot({ path: path.join(shotsDir, "calendar-preview.png"), fullPage: true });

      // Broken spintax: the Messaging Lab names the step and the problem, and holds the launch.
      await page.getByLabel("Step 1 message").fill("{Quick|Short question, {{first_name}}");
      await page.getByRole("button", { name: "Save steps" }).click();
      await page.getByText("Steps saved").waitFor();
      await page.goto(`${server.url}/sequences/${seq.id}/lab`);
      await page
        .getByText("Step 1: the body has broken spintax at character 1: this { is never closed with }.")
        .waitFor();
      // The lead's own checks do not mistake the unrendered template for unfilled merge fields.
      expect(await page.getByText("still contains the merge variable").count()).toBe(0);
      await page.screenshot({ path: path.join(shotsDir, "calendar-lab-spintax.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
