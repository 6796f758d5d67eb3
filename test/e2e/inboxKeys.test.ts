import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir, signIn } from "../support/browser";
import { apiCaller, e2eWorkspace, launchSandboxEmailOverApi } from "../support/e2eWorkspace";
import { eventually } from "../support/eventually";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let ws: Awaited<ReturnType<typeof e2eWorkspace>>;
let server: Awaited<ReturnType<typeof startOverture>>;

beforeAll(async () => {
  ws = await e2eWorkspace("Keys Co", "op@keys.test");
  server = await startOverture(["all"], ws.env);
});
afterAll(async () => {
  await server?.stop();
  await ws?.close();
});

/** The accessible name of the focused element, or its label for a field. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    if (el.id) {
      const label = document.querySelector(`label[for="${el.id}"]`);
      if (label) return `label:${label.textContent}`;
    }
    return `${el.getAttribute("role") ?? el.tagName}:${el.textContent ?? ""}`;
  });

describe.skipIf(!chromiumPath && !ci)("the inbox by keyboard", () => {
  it("j/k move between conversations, Enter and o open, r goes to the reply box, Escape back to the list", async () => {
    const call = apiCaller(server.url, ws.apiKey);
    await call("PATCH", "/api/workspace", { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const list = await call("POST", "/api/lists", { name: "Keys list" });
    for (const [firstName, lastName] of [
      ["Maya", "Lin"],
      ["Theo", "Park"],
    ])
      await call("POST", "/api/leads", {
        firstName,
        lastName,
        email: `${firstName.toLowerCase()}@studio.example`,
        listId: list.id,
      });
    await launchSandboxEmailOverApi(call, {
      listId: list.id,
      fromEmail: "op@keys.test",
      subject: "A thought",
      body: "Hi {{first_name}}",
    });
    const sent = await eventually(async () => {
      const m: { id: string; firstName: string }[] = await call("GET", "/api/sandbox/messages");
      return m.length === 2 ? m : undefined;
    }, 30_000);
    for (const m of sent)
      await call("POST", `/api/sandbox/messages/${m.id}/reply`, { text: `Yes from ${m.firstName}` });

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await signIn(page, server.url, "op@keys.test");
      await page.getByRole("heading", { name: "Home" }).waitFor();
      await page.getByRole("navigation").getByRole("link", { name: "Inbox" }).click();
      await page.getByText("j/k next/previous").waitFor();
      const options = page.getByRole("listbox", { name: "Conversations" }).getByRole("option");
      await options.nth(1).waitFor();
      const names = await options.allInnerTexts();
      const [first, second] = names.map((n) => (n.includes("Maya Lin") ? "Maya Lin" : "Theo Park"));

      await page.keyboard.press("j");
      expect(await focused(page)).toContain(first);
      await page.keyboard.press("j");
      expect(await focused(page)).toContain(second);
      await page.keyboard.press("k");
      expect(await focused(page)).toContain(first);
      await page.keyboard.press("ArrowDown");
      expect(await focused(page)).toContain(second);
      await page.keyboard.press("Enter");
      await page
        .locator(".bubble.in")
        .filter({ hasText: `Yes from ${second.split(" ")[0]}` })
        .waitFor();
      expect(await options.filter({ hasText: second }).getAttribute("aria-selected")).toBe("true");

      await page.keyboard.press("r");
      expect(await focused(page)).toBe("label:Reply");
      // Typing in the reply box is text, not keys.
      await page.keyboard.type("just");
      expect(await page.getByLabel("Reply").inputValue()).toBe("just");
      await page.keyboard.press("Escape");
      expect(await focused(page)).toContain(second);

      await page.keyboard.press("k");
      await page.keyboard.press("o");
      await page
        .locator(".bubble.in")
        .filter({ hasText: `Yes from ${first.split(" ")[0]}` })
        .waitFor();
      // A modifier key is left to the browser.
      await page.keyboard.press("Control+j");
      expect(await focused(page)).toContain(first);
      await page.screenshot({ path: path.join(shotsDir, "inbox-keys.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
