import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir, signIn } from "../support/browser";
import { apiCaller, e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";

beforeAll(async () => {
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Rotation Ltd", "op@rotation.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("several senders per sequence in the browser", () => {
  it("chooses two senders with the keyboard and the mouse, launches, and shows the volume per sender", async () => {
    const server = await startOverture(["all"], env);
    const call = apiCaller(server.url, apiKey);
    const north = await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "North",
      fromEmail: "north@rotation.test",
      dailyCap: 1,
    });
    const south = await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "South",
      fromEmail: "south@rotation.test",
      dailyCap: 3,
    });
    const list = await call("POST", "/api/lists", { name: "Four prospects" });
    for (const n of ["Ann", "Ben", "Cy", "Di"])
      await call("POST", "/api/leads", {
        firstName: n,
        email: `${n.toLowerCase()}@prospect.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const run = await call("POST", "/api/runs", { name: "Rotation run", playKey: "builtin:email-only" });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
      await signIn(page, server.url, "op@rotation.test");
      await page.getByRole("navigation").waitFor();
      await page.goto(`${server.url}/runs/${run.id}`);
      await page.getByLabel("Sequence name").fill("Two senders");
      await page.getByLabel(/Four prospects/).check();
      // North by keyboard (Space on the focused checkbox), then South by mouse: North is first.
      const form = page.locator("form").filter({ hasText: "Create sequence" });
      await form.getByRole("checkbox", { name: /North/ }).focus();
      await page.keyboard.press("Space");
      await form.getByRole("checkbox", { name: /South/ }).check();
      await form.getByText("#1 ·").waitFor();
      await form.getByText(/in proportion to their daily caps/).waitFor();
      await page.getByRole("button", { name: "Create sequence" }).click();
      await page.getByRole("heading", { name: "Two senders" }).waitFor();
      const id = page.url().split("/").pop()!;
      expect((await call("GET", `/api/sequences/${id}`)).senderAccountIds).toEqual([north.id, south.id]);
      const card = page.locator(".card").filter({ has: page.getByRole("heading", { name: "Senders" }) });
      expect(await card.getByRole("checkbox", { name: /North/ }).isChecked()).toBe(true);
      expect(await card.getByRole("checkbox", { name: /South/ }).isChecked()).toBe(true);

      await call("PUT", `/api/sequences/${id}/steps`, {
        steps: [
          {
            channel: "email",
            delayDays: 0,
            condition: "always",
            subject: "Hi",
            body: "Hello {{first_name}}",
          },
        ],
      });
      const launched = await call("POST", `/api/sequences/${id}/launch`, {});
      expect(launched.active).toBe(4);
      await page.reload();
      const volumes = page.getByRole("table", { name: "Volume per sender" });
      await volumes.waitFor();
      const rows = volumes.locator("tbody tr");
      expect(await rows.count()).toBe(2);
      // Caps 1 and 3 share four leads 1 and 3.
      expect(await rows.nth(0).locator("td").nth(3).textContent()).toBe("1");
      expect(await rows.nth(1).locator("td").nth(3).textContent()).toBe("3");
      expect(await rows.nth(0).locator("td").first().textContent()).toContain("North");
      await page.screenshot({ path: path.join(shotsDir, "sequence-senders.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
