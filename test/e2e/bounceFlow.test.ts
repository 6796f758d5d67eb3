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
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Bounce Co", "op@bounce.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("bounces tried in the sandbox, in the browser", () => {
  it("a missing address and a full mailbox land on the timeline in words; the sender pauses itself and is resumed", async () => {
    const server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    const call = (method: string, url: string, body?: unknown) =>
      fetch(server.url + url, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json());
    try {
      await call("PATCH", "/api/workspace", {
        windowStart: "00:00",
        windowEnd: "23:59",
        skipWeekends: false,
      });
      // Judge after one send, so one bounce of two sends pauses the sender.
      await call("PATCH", "/api/deliverability", { healthMinSends: 1, healthWindowSends: 10 });
      const list = await call("POST", "/api/lists", { name: "Bounce list" });
      const gone = await call("POST", "/api/leads", {
        firstName: "Gone",
        email: "gone@b.example",
        listId: list.id,
      });
      const full = await call("POST", "/api/leads", {
        firstName: "Full",
        email: "full@b.example",
        listId: list.id,
      });
      const sender = await call("POST", "/api/sender-accounts", {
        kind: "sandbox",
        name: "Sandbox",
        fromEmail: "op@bounce.test",
        minGapSeconds: 0,
        jitterSeconds: 0,
      });
      const run = await call("POST", "/api/runs", { name: "Bounce run", playKey: "builtin:email-only" });
      const seq = await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Bounce sequence",
        listIds: [list.id],
        senderAccountId: sender.id,
        steps: [
          {
            channel: "email",
            delayDays: 0,
            condition: "always",
            subject: "Quick idea",
            body: "Hi {{first_name}}",
          },
          { channel: "email", delayDays: 3, condition: "no_reply", body: "Following up" },
        ],
      });
      await call("POST", `/api/sequences/${seq.id}/launch`);

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@bounce.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("navigation").getByRole("link", { name: "Inbox" }).click();
      await page.getByRole("tab", { name: "Sandbox mailbox" }).click();
      expect(page.url()).toContain("view=sandbox");

      const toFull = page.locator("article").filter({ hasText: "full@b.example" });
      await toFull.waitFor({ timeout: 30_000 });
      await toFull.getByLabel("Delivery report to receive").selectOption("mailbox_full");
      await toFull.getByRole("button", { name: "Receive this report" }).click();
      await page.getByText("Delivery report recorded").waitFor();

      const toGone = page.locator("article").filter({ hasText: "gone@b.example" });
      await toGone.getByLabel("Delivery report to receive").selectOption("user_unknown");
      await toGone.getByRole("button", { name: "Receive this report" }).click();
      await page.getByText("Delivery report recorded").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "bounce-sandbox.png"), fullPage: true });

      await page.goto(`${server.url}/leads/${full.id}`);
      await page
        .getByText(/could not be delivered for now.*will be tried again/)
        .first()
        .waitFor();
      await page.goto(`${server.url}/leads/${gone.id}`);
      await page.getByText(/marked invalid and every sequence stopped/).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "bounce-timeline.png"), fullPage: true });

      // The owner hears of the pause on the home page, with the reason.
      await page.goto(server.url);
      await page
        .getByRole("link", { name: "The sender Sandbox is paused; its sequences wait until you resume it" })
        .waitFor();
      await page.getByText(/Paused automatically: bounces reached 50\.0%/).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "home-paused-sender.png"), fullPage: true });

      await page.goto(`${server.url}/settings?tab=senders`);
      const row = page.locator("tr").filter({ hasText: "op@bounce.test" }).filter({ hasText: "paused" });
      await row.waitFor();
      expect(await row.innerText()).toMatch(
        /Paused automatically: bounces reached 50\.0% of the last 2 sends/,
      );
      await page.screenshot({ path: path.join(shotsDir, "sender-health.png"), fullPage: true });
      await row.getByRole("button", { name: "Resume" }).click();
      await page
        .locator("tr")
        .filter({ hasText: "op@bounce.test" })
        .filter({ hasText: "over the limit" })
        .waitFor();

      await page.goto(`${server.url}/inbox?view=unmatched`);
      await page.getByText("No unmatched mail.").waitFor();
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
