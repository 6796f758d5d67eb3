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
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Zones Inc", "op@zones.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("time zones in the browser", () => {
  it("shows a lead's guessed zone, lets a person set it, and previews a sequence's steps for a lead", async () => {
    const server = await startOverture(["all"], env);
    const call = apiCaller(server.url, apiKey);
    const list = await call("POST", "/api/lists", { name: "Texans" });
    const lead = await call("POST", "/api/leads", {
      firstName: "Tex",
      lastName: "Ranger",
      email: "tex@ranch.example",
      location: "Paris, Texas",
      listId: list.id,
    });
    const guessed = await call("POST", "/api/leads", { firstName: "Una", email: "una@somewhere.example" });
    const run = await call("POST", "/api/runs", { name: "Spring", playKey: "builtin:email-only" });
    const seq = await call("POST", "/api/sequences", {
      runId: run.id,
      name: "Two emails",
      listIds: [list.id],
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
        { channel: "email", delayDays: 3, condition: "no_reply", subject: "Re", body: "Again" },
      ],
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@zones.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("navigation").waitFor();

      // A lead with nothing to go on: the workspace's zone, marked as a guess; a person sets it.
      await page.goto(`${server.url}/leads/${guessed.id}`);
      const zoneCard = page.getByLabel("Time zone", { exact: true });
      await zoneCard.getByText("guessed").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "zones-lead-guessed.png"), fullPage: true });
      await page.getByLabel("Time zone for this lead").fill("America/Denver");
      await page.getByRole("button", { name: "Set zone" }).click();
      await zoneCard.getByText("set on the lead").first().waitFor();
      expect(await zoneCard.getByText("America/Denver").count()).toBe(1);
      expect(await zoneCard.getByText("guessed").count()).toBe(0);

      await page.goto(`${server.url}/leads/${lead.id}`);
      await zoneCard.getByText("America/Chicago").waitFor();
      expect(await zoneCard.getByText("Texas, United States").count()).toBeGreaterThan(0);

      // The sequence page previews the steps for the lead, in both zones.
      await page.goto(`${server.url}/sequences/${seq.id}`);
      const preview = page.getByLabel("Schedule preview");
      await preview.getByPlaceholder("Find a lead").fill("Tex");
      await preview.getByRole("button", { name: "Find" }).click();
      await preview.getByRole("button", { name: "Tex Ranger" }).click();
      await preview.getByText("only if no reply").waitFor();
      const rows = preview.locator("tbody tr");
      expect(await rows.count()).toBe(2);
      // The server runs on the real clock: the first step goes at the next instant inside the lead's
      // 09:00-17:00 window in Chicago (now, when this runs during those hours there).
      expect(await rows.nth(0).textContent()).toMatch(/would go.*T(09|1[0-6]):[0-5]\d[^ ]*-0[56]:00/);
      await preview
        .getByLabel("Location, phone number or time zone of a lead not yet enrolled")
        .fill("+7 727 123 4567");
      await preview.getByRole("button", { name: "Preview" }).click();
      await preview.getByText("Asia/Almaty").first().waitFor();
      await page.screenshot({ path: path.join(shotsDir, "zones-sequence-preview.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
