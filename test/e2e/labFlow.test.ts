import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";

beforeAll(async () => {
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Lab Inc", "op@lab.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("the Messaging Lab in the browser", () => {
  it("writes a strategy profile, generates messages, fixes a blocking finding, approves, and shows them in Emails", async () => {
    const server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    const call = (method: string, url: string, body?: unknown) =>
      fetch(server.url + url, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json());
    try {
      const list = await call("POST", "/api/lists", { name: "Lab list" });
      for (const [firstName, email, company] of [
        ["Ada", "ada@engines.example", "Analytical Engines"],
        ["Bo", "bo@looms.example", "Jacquard Looms"],
      ])
        await call("POST", "/api/leads", { firstName, email, company, listId: list.id });
      await call("POST", "/api/sender-accounts", {
        kind: "sandbox",
        name: "Lab sandbox",
        fromEmail: "me@lab.test",
      });
      const run = await call("POST", "/api/runs", { name: "Lab run", playKey: "builtin:email-only" });
      // No sender account yet: a blocking finding the user fixes in the lab.
      const seq = await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Lab sequence",
        listIds: [list.id],
      });

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@lab.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("tab", { name: "Strategy profiles" }).click();
      await page.getByLabel("Profile name").fill("Main pitch");
      await page.getByLabel("Sender name").fill("Samira");
      await page.getByLabel("Sender company").fill("Overture");
      await page.getByLabel("Offer").fill("cut release time in half");
      await page.getByLabel("Call to action").fill("Open to a short call");
      await page.getByRole("button", { name: "Save profile" }).click();
      await page.getByText("Main pitch").waitFor();

      await page.getByRole("navigation").getByRole("link", { name: "Messaging Lab" }).click();
      await page
        .locator("li")
        .filter({ hasText: "Lab sequence" })
        .getByRole("link", { name: /Open the lab/ })
        .click();
      await page.getByRole("heading", { name: /Messaging Lab · Lab sequence/ }).waitFor();
      await page.getByLabel("Message source").selectOption("personalised");
      await page.getByRole("button", { name: "Generate previews" }).click();
      await page.getByText(/Wrote \d+ message\(s\)/).waitFor({ timeout: 30_000 });
      const ada = page.locator("article").filter({ hasText: "Ada" });
      expect(await ada.locator(".mail-preview").first().innerText()).toMatch(/Hi|Hello|Hey/);
      expect(await ada.innerText()).toContain("Samira");

      const finding = page.getByText(/no sender account/);
      await finding.waitFor();
      // Launch stays clickable: its dialog says what holds it (and offers to skip held leads).
      expect((await call("GET", `/api/sequences/${seq.id}/lab`)).canLaunch).toBe(false);
      await page.getByText("Choose senders").click();
      await page.getByRole("checkbox", { name: /Lab sandbox/ }).check();
      await finding.waitFor({ state: "detached" });

      // Rewrite, edit and remove, each saying what it did.
      await ada.getByRole("button", { name: "Regenerate" }).first().click();
      await page.getByText("Rewritten; read it and approve it").waitFor();
      await ada.getByRole("button", { name: "Edit" }).first().click();
      await ada.getByLabel("Message").fill("Hi Ada, one idea for Analytical Engines. Open to a short call?");
      await ada.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByText("Saved; approve it again to send it").waitFor();
      await ada.getByText("one idea for Analytical Engines").waitFor();
      await page.getByRole("button", { name: "Remove Bo from this sequence" }).click();
      await page.getByText("Removed Bo from this sequence").waitFor();
      await page.locator("article").filter({ hasText: "Jacquard Looms" }).waitFor({ state: "detached" });

      // The keyboard: j moves to the first message, e edits it (typing a j there is text), Esc
      // cancels, a approves it, j moves on.
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
      await page.getByText(/^Keys: j\/k next\/previous message/).click();
      await page.keyboard.press("j");
      expect(await focused()).toMatch(/^Step 1 for /);
      await page.keyboard.press("e");
      await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
      await page.keyboard.type(" jk");
      await page.keyboard.press("Escape");
      expect(await focused()).toMatch(/^Step 1 for /);
      expect(await page.locator("[data-lab-message] textarea").count()).toBe(0);
      const first = page.locator("[data-lab-message]").first();
      expect(await first.innerText()).not.toContain(" jk");
      await page.keyboard.press("a");
      await first.getByText(/^Approved/).waitFor();
      await page.keyboard.press("j");
      expect(await focused()).not.toBe(await first.getAttribute("aria-label"));
      await page.screenshot({ path: path.join(shotsDir, "messaging-lab-keys.png") });

      await page.getByRole("button", { name: /Approve all on this page/ }).click();
      await page.getByText(/^Approved \d+$/).waitFor();
      await page.locator("button:not([disabled])", { hasText: "Launch" }).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "messaging-lab.png"), fullPage: true });

      await page.getByRole("navigation").getByRole("link", { name: "Emails" }).click();
      await page.getByRole("tab", { name: "Sequence messages" }).click();
      const card = page.getByRole("option").filter({ hasText: "Ada" }).first();
      await card.waitFor();
      expect(await card.innerText()).toContain("Approved");
      await card.click();
      await page.getByText("Messaging Lab", { exact: true }).last().waitFor();
      await page.screenshot({ path: path.join(shotsDir, "emails-sequence-messages.png"), fullPage: true });
      const lab = await call("GET", `/api/sequences/${seq.id}/lab`);
      expect(lab.canLaunch).toBe(true);
      expect(lab.counts.approved).toBe(lab.counts.messages);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
