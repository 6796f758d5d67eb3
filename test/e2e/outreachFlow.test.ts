import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";

/** Zones where, right now, a 09:00-17:00 window is open, and where it is not (the test runs at any hour). */
function zonesByWindow() {
  const zones = [
    "Pacific/Auckland",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Europe/Berlin",
    "Europe/London",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Honolulu",
  ];
  const hour = (z: string) =>
    Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: z, hour: "2-digit", hourCycle: "h23" }).format(new Date()),
    );
  return {
    open: zones.find((z) => hour(z) >= 10 && hour(z) < 16)!,
    closed: zones.find((z) => hour(z) < 7 || hour(z) >= 18)!,
  };
}

beforeAll(async () => {
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Outreach Inc", "op@out.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("outreach in the browser with the sandbox sender", () => {
  it("runs a play's 4-step sequence: step 1 goes out in each lead's window, a reply cancels the rest", async () => {
    const server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    const { open, closed } = zonesByWindow();
    const call = (method: string, url: string, body?: unknown) =>
      fetch(server.url + url, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json());
    try {
      await call("PATCH", "/api/workspace", { skipWeekends: false });
      const list = await call("POST", "/api/lists", { name: "Outreach list" });
      await call("POST", "/api/leads", {
        firstName: "Olga",
        lastName: "Open",
        email: "olga@open.example",
        timezone: open,
        listId: list.id,
      });
      await call("POST", "/api/leads", {
        firstName: "Carl",
        lastName: "Closed",
        email: "carl@closed.example",
        timezone: closed,
        listId: list.id,
      });

      const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@out.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("tab", { name: "Senders" }).click();
      await page.getByLabel("Account name").fill("Sandbox sender");
      await page.getByLabel("From address").fill("me@overture.example");
      await page.getByLabel("Minimum gap (seconds)").fill("0");
      await page.getByRole("button", { name: "Add sender" }).click();
      await page.getByText("Added Sandbox sender").waitFor();

      await page.getByRole("navigation").getByRole("link", { name: "Plays" }).click();
      await page
        .locator("article")
        .filter({ hasText: "Email-only sequence" })
        .getByRole("button", { name: "Start a run" })
        .click();
      const named = page.getByRole("dialog", { name: /Start a run from/ });
      await named.getByLabel("Run name").fill("Spring outreach");
      await named.getByRole("button", { name: "Start run" }).click();
      await page.getByRole("heading", { name: "Spring outreach" }).waitFor();
      await page.getByLabel("Sequence name").fill("Four emails");
      await page.getByLabel(/Outreach list/).check();
      await page.getByRole("checkbox", { name: /Sandbox sender/ }).check();
      await page.getByRole("button", { name: "Create sequence" }).click();
      await page.getByRole("heading", { name: "Four emails" }).waitFor();
      expect(await page.locator(".step-row").count()).toBe(4);
      await page.getByLabel("Step 1 subject").fill("An idea for {{first_name}}");
      await page.getByLabel("Step 1 message").fill("Hi {{first_name}}, a short idea.");
      // A new sequence's placeholder steps block launch until someone writes them.
      for (const n of [2, 3, 4])
        await page.getByLabel(`Step ${n} message`).fill(`Step ${n} for {{first_name}}: still worth a look?`);
      await page.getByRole("button", { name: "Save steps" }).click();
      await page.getByText("Steps saved").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "sequence-steps.png"), fullPage: true });
      await page.getByRole("button", { name: "Launch" }).click();
      // Launch asks first; a double-click on "Launch now" still launches once.
      await page
        .getByRole("dialog", { name: "Launch this sequence?" })
        .getByRole("button", { name: "Launch now" })
        .dblclick();
      await page.getByText("Launched: 2 leads active").waitFor();

      // Carl's window is closed: his step 1 waits for 09:00 in his zone, shown in both zones.
      const carl = page.getByRole("row").filter({ hasText: "Carl Closed" });
      await carl.waitFor();
      expect(await carl.innerText()).toMatch(/09:00/);
      expect(await carl.innerText()).toContain(closed);
      // Olga's window is open: the worker sends her step 1 within a few seconds; her next step is step 2.
      await page
        .getByRole("row")
        .filter({ hasText: "Olga Open" })
        .filter({ has: page.getByRole("cell", { name: "2", exact: true }) })
        .waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(shotsDir, "sequence-dashboard.png"), fullPage: true });

      await page.getByRole("navigation").getByRole("link", { name: "Inbox" }).click();
      await page.getByRole("tab", { name: "Sandbox mailbox" }).click();
      const mail = page.locator("article").filter({ hasText: "An idea for Olga" });
      await mail.waitFor();
      await mail.getByRole("textbox").fill("Sounds interesting — can we talk Thursday?");
      await mail.getByRole("button", { name: "Reply as prospect" }).click();
      await page.getByText("every later step for this lead is stopped").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "sandbox-inbox.png"), fullPage: true });

      await page.getByRole("navigation").getByRole("link", { name: "Sequences" }).click();
      await page.getByRole("link", { name: "Four emails" }).click();
      await page
        .locator(".report-cards")
        .filter({ hasText: /1\s*replied/ })
        .waitFor();
      expect(await page.getByRole("row").filter({ hasText: "Olga Open" }).count()).toBe(0);
      expect(await page.getByRole("row").filter({ hasText: "Carl Closed" }).count()).toBe(1);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
