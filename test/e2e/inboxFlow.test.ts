import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "../../src/domain/webhooks/webhookSignature";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";
let receiver: Server;
let hookPort = 0;
const events: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    events.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  hookPort = (receiver.address() as { port: number }).port;
  ({
    env,
    apiKey,
    close: closeWorkspace,
  } = await e2eWorkspace("Inbox Inc", "op@inbox.test", { FETCH_ALLOW_PRIVATE: "127.0.0.1" }));
});
afterAll(async () => {
  await closeWorkspace();
  await new Promise((r) => receiver.close(r));
});

describe.skipIf(!chromiumPath && !ci)("the unified inbox in the browser", () => {
  it("a reply appears, is classified and converts the lead, is answered; the pipeline and a signed webhook follow", async () => {
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
      const hook = await call("POST", "/api/webhooks", {
        url: `http://127.0.0.1:${hookPort}/events`,
        events: ["lead.replied", "lead.status_changed"],
      });
      const list = await call("POST", "/api/lists", { name: "Inbox list" });
      await call("POST", "/api/leads", {
        firstName: "Maya",
        lastName: "Lin",
        email: "maya@studio.example",
        listId: list.id,
      });
      const sender = await call("POST", "/api/sender-accounts", {
        kind: "sandbox",
        name: "Sandbox",
        fromEmail: "op@inbox.test",
        minGapSeconds: 0,
        jitterSeconds: 0,
      });
      const run = await call("POST", "/api/runs", { name: "Inbox run", playKey: "builtin:email-only" });
      const seq = await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Inbox sequence",
        listIds: [list.id],
        senderAccountId: sender.id,
        steps: [
          {
            channel: "email",
            delayDays: 0,
            condition: "always",
            subject: "A thought",
            body: "Hi {{first_name}}",
          },
        ],
      });
      await call("POST", `/api/sequences/${seq.id}/launch`);

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@inbox.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("navigation").getByRole("link", { name: "Inbox" }).click();
      await page.getByRole("tab", { name: "Sandbox mailbox" }).click();
      const mail = page.locator("article").filter({ hasText: "A thought" });
      await mail.waitFor({ timeout: 30_000 });
      await mail.getByRole("textbox").fill("Sounds great, let's talk on Thursday.");
      await mail.getByRole("button", { name: "Reply as prospect" }).click();
      await page.getByText("every later step for this lead is stopped").waitFor();

      await page.getByRole("tab", { name: "Conversations" }).click();
      const conv = page.getByRole("option").filter({ hasText: "Maya Lin" });
      await conv.waitFor();
      expect(await conv.innerText()).toContain("Suggested: Interested");
      await conv.click();
      await page.locator(".bubble.in").filter({ hasText: "Sounds great, let's talk on Thursday." }).waitFor();
      await page.getByLabel("Mark the lead converted").check();
      await page.getByRole("button", { name: "Confirm" }).click();
      await page.getByText("the lead is now Converted").waitFor();
      await page.getByLabel("Reply").fill("Thursday 3pm it is.");
      await page.getByRole("button", { name: "Send reply" }).click();
      await page.getByText("Sent in the same thread.").waitFor();
      await page.locator(".bubble.out").filter({ hasText: "Thursday 3pm it is." }).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "inbox.png"), fullPage: true });

      await page.getByRole("navigation").getByRole("link", { name: "Pipeline" }).click();
      const converted = page.locator(".stat-card").filter({ hasText: "Converted" });
      await converted.filter({ hasText: "100%" }).waitFor();
      expect(await converted.locator(".stat-value").innerText()).toBe("1");
      // The stage opens onto its leads, each with its status to change.
      await page.locator(".stage-card").filter({ hasText: "Converted" }).getByRole("button").click();
      await page.getByLabel("Status of Maya Lin").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "pipeline.png"), fullPage: true });

      // The worker delivers the webhook events within a pass or two.
      const deadline = Date.now() + 30_000;
      const toConverted = () =>
        events
          .map((e) => JSON.parse(e.body))
          .find((b) => b.event === "lead.status_changed" && b.data.to === "converted");
      while (Date.now() < deadline && !toConverted()) await new Promise((r) => setTimeout(r, 200));
      const names = events.map((e) => String(e.headers["overture-event"]));
      expect(names).toContain("lead.replied");
      expect(names).toContain("lead.status_changed");
      for (const e of events)
        expect(
          verifyWebhookSignature(
            hook.secret,
            e.body,
            String(e.headers["overture-signature"]),
            Date.now() / 1000,
          ),
        ).toBe(true);
      expect(toConverted()?.data.from).toBe("replied");
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
