import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";
import { leadFieldMaxLength } from "../../src/domain/leadFieldLimits";

const ci = process.env.CI === "true";
let ws: Awaited<ReturnType<typeof e2eWorkspace>>;
let server: Awaited<ReturnType<typeof startOverture>>;

beforeAll(async () => {
  ws = await e2eWorkspace("Foundations Co", "op@foundations.test");
  server = await startOverture(["all"], ws.env);
});
afterAll(async () => {
  await server?.stop();
  await ws?.close();
});

const apiCall = async (method: string, url: string, body?: unknown) => {
  const r = await fetch(server.url + url, {
    method,
    headers: {
      authorization: `Bearer ${ws.apiKey}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: await r.json() };
};
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shotsDir, "web-foundations", `${name}.png`), fullPage: true });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!chromiumPath && !ci)("the web app's foundations in Chromium", () => {
  it("home checklist, the router (Back/reload keep filters, 404, bad id), dialogs and a 200,000-character cell", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@foundations.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      // A new workspace: the home page's checklist, nothing ticked.
      await page.getByRole("heading", { name: "Home" }).waitFor();
      await page.getByRole("heading", { name: "Get started" }).waitFor();
      expect(await page.getByText("0 of 4 done").count()).toBe(1);
      await page.getByText("Nothing is waiting for you.").waitFor();
      await shot(page, "home-new-workspace");

      // Real data ticks it off: a sender and a lead, made through the API.
      await apiCall("POST", "/api/sender-accounts", {
        kind: "sandbox",
        name: "Sandbox",
        fromEmail: "me@sandbox.test",
      });
      const list = (await apiCall("POST", "/api/lists", { name: "Wide list" })).json;
      for (const [first, last] of [
        ["Ada", "Lovelace"],
        ["Alan", "Turing"],
        ["Grace", "Hopper"],
      ])
        await apiCall("POST", "/api/leads", {
          firstName: first,
          lastName: last,
          email: `${first.toLowerCase()}@x.test`,
          listId: list.id,
        });
      await page.reload();
      await page.getByText("2 of 4 done").waitFor();
      expect(await page.getByRole("link", { name: "Start a run from a play" }).count()).toBe(1);
      expect(await page.getByRole("link", { name: /Import or add leads/ }).count()).toBe(0);
      await shot(page, "home-two-done");

      // Search lives in the URL: reload and Back restore it.
      await page.getByRole("navigation").getByRole("link", { name: "Leads" }).click();
      await page.getByLabel("Search leads").fill("lovel");
      await page.waitForURL(/search=lovel/);
      await page.getByRole("row").filter({ hasText: "Alan Turing" }).waitFor({ state: "detached" });
      await page.reload();
      expect(await page.getByLabel("Search leads").inputValue()).toBe("lovel");
      await page.getByRole("row").filter({ hasText: "Ada Lovelace" }).waitFor();
      expect(await page.getByRole("row").filter({ hasText: "Alan Turing" }).count()).toBe(0);
      await page.getByLabel("Status", { exact: true }).selectOption("new");
      await page.waitForURL(/status=new/);
      await page
        .getByRole("row")
        .filter({ hasText: "Ada Lovelace" })
        .getByRole("link", { name: "View details" })
        .click();
      await page.getByRole("heading", { name: "Ada Lovelace" }).waitFor();
      await page.goBack();
      await page.waitForURL(/search=lovel/);
      expect(await page.getByLabel("Search leads").inputValue()).toBe("lovel");
      expect(await page.getByLabel("Status", { exact: true }).inputValue()).toBe("new");
      await page.getByRole("row").filter({ hasText: "Ada Lovelace" }).waitFor();
      await shot(page, "leads-filtered-after-back");

      // A delete asks in a dialog (not confirm()); Escape cancels and nothing is deleted.
      await page.getByLabel("Select Ada Lovelace").check();
      await page
        .getByRole("toolbar", { name: "Bulk actions" })
        .getByRole("button", { name: "Delete" })
        .click();
      const dialog = page.getByRole("dialog", { name: "Delete 1 lead(s)?" });
      await dialog.waitFor();
      await shot(page, "leads-delete-dialog");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("row").filter({ hasText: "Ada Lovelace" }).waitFor();
      expect((await apiCall("GET", "/api/leads?search=lovel")).json.items).toHaveLength(1);

      // An unknown address and an id that is not one get friendly pages.
      await page.goto(`${server.url}/no-such-page`);
      await page.getByRole("heading", { name: "Page not found" }).waitFor();
      await shot(page, "not-found");
      await page.goto(`${server.url}/leads/not-a-uuid`);
      await page.getByRole("heading", { name: "This lead was not found" }).waitFor();
      expect(await page.getByText("must be a UUID").count()).toBe(0);
      await page.goto(`${server.url}/sequences/00000000-0000-4000-8000-000000000000`);
      await page.getByRole("heading", { name: "This sequence was not found" }).waitFor();
      await shot(page, "sequence-not-found");
      await page.goto(`${server.url}/leads/00000000-0000-4000-8000-000000000000`);
      await page.getByRole("heading", { name: "This lead was not found" }).waitFor();

      // Analytics' period and the Emails tab live in the URL too.
      await page.goto(`${server.url}/analytics`);
      await page.getByLabel("Period").selectOption("7");
      await page.waitForURL(/days=7/);
      await page.reload();
      expect(await page.getByLabel("Period").inputValue()).toBe("7");
      await page.goto(`${server.url}/emails`);
      await page.getByRole("tab", { name: "Sequence messages" }).click();
      await page.waitForURL(/tab=sequences/);
      await page.goBack();
      await page.waitForURL((u) => !u.search.includes("tab="));
      expect(await page.getByRole("tab", { name: "Writeback drafts" }).getAttribute("aria-selected")).toBe(
        "true",
      );

      // A 200,000-character cell does not make any page wider than the viewport.
      const wide = "W".repeat(200_000);
      const form = new FormData();
      form.append(
        "file",
        new Blob([`first_name,last_name,email,job_title\nWide,Cell,wide@x.test,${wide}\n`]),
        "wide.csv",
      );
      const up = await fetch(`${server.url}/api/lists/${list.id}/imports`, {
        method: "POST",
        headers: { authorization: `Bearer ${ws.apiKey}` },
        body: form,
      });
      expect(up.status).toBe(202);
      // The import runs in the worker: wait (bounded) until the lead is there, then open the page.
      for (let i = 0; i < 60 && !(await apiCall("GET", "/api/leads?search=wide")).json.items.length; i++)
        await new Promise((r) => setTimeout(r, 500));
      await page.goto(`${server.url}/leads?search=wide`);
      const row = page.getByRole("row").filter({ hasText: "Wide Cell" });
      await row.waitFor({ timeout: 30_000 });
      expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
      // The cell shows one line and carries the whole stored value on hover.
      const stored = (await apiCall("GET", "/api/leads?search=wide")).json.items[0].jobTitle as string;
      // Import cuts it to the field's limit (with a warning in the report).
      expect(stored.length).toBe(leadFieldMaxLength.jobTitle);
      expect(await row.getByRole("cell", { name: stored.slice(0, 50) }).getAttribute("title")).toBe(stored);
      await shot(page, "leads-wide-cell");
      await row.getByRole("link", { name: "View details" }).click();
      await page.getByRole("heading", { name: "Wide Cell" }).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
      await shot(page, "lead-wide-cell");
    } finally {
      await browser.close();
    }
  });
});
