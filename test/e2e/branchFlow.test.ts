import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecretBox } from "../../src/app/security/secretBox";
import { openPixelUrl } from "../../src/app/outreach/tracking";
import { chromiumPath, expectAccessible, launchBrowser, shotsDir, signIn } from "../support/browser";
import { apiCaller, e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";
import { TEST_SECRET } from "../support/testContext";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";

beforeAll(async () => {
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Branch Ltd", "op@branch.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("a branch on opened in the browser", () => {
  it("builds the Yes/No tree with the keyboard, launches, and the lead who opens takes the Yes path", async () => {
    const server = await startOverture(["all"], env);
    const call = apiCaller(server.url, apiKey);
    await call("PATCH", "/api/workspace", { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const sender = await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "Sandbox",
      fromEmail: "me@branch.test",
      minGapSeconds: 0,
      jitterSeconds: 0,
    });
    const list = await call("POST", "/api/lists", { name: "Two prospects" });
    const lead = (firstName: string) =>
      call("POST", "/api/leads", {
        firstName,
        email: `${firstName.toLowerCase()}@prospect.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const ada = await lead("Ada");
    const bob = await lead("Bob");
    const run = await call("POST", "/api/runs", { name: "Branch run", playKey: "builtin:email-only" });
    const seq = await call("POST", "/api/sequences", {
      runId: run.id,
      name: "Opened or not",
      listIds: [list.id],
      senderAccountId: sender.id,
      trackOpens: true,
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "An idea",
          body: "Hi {{first_name}}",
        },
      ],
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
      await signIn(page, server.url, "op@branch.test");
      await page.getByRole("navigation").waitFor();
      await page.goto(`${server.url}/sequences/${seq.id}`);
      await page.getByRole("heading", { name: "Opened or not" }).waitFor();
      // The tree, by keyboard: add the branch, set the window, fill each path, add and remove a step.
      await page.getByRole("button", { name: "Add a branch after step 1" }).focus();
      await page.keyboard.press("Enter");
      const tree = page.getByRole("region", { name: "Branch" });
      await tree.getByText("After step 1: opened the email within 3 days?").waitFor();
      await tree.getByLabel("Branch window in days").fill("2");
      await tree.getByText("After step 1: opened the email within 2 days?").waitFor();
      const yes = tree.getByRole("region", { name: "Yes path" });
      const no = tree.getByRole("region", { name: "No path" });
      await yes.getByRole("heading", { name: "Yes: if opened" }).waitFor();
      await no.getByRole("heading", { name: "No: if not opened" }).waitFor();
      await yes.getByLabel("Yes step 1 delay in days").fill("0");
      await yes.getByLabel("Yes step 1 message").fill("Glad you looked, {{first_name}}");
      await no.getByLabel("No step 1 message").fill("In case you missed it, {{first_name}}");
      await no.getByRole("button", { name: "Add a step to No" }).focus();
      await page.keyboard.press("Enter");
      await no.getByLabel("No step 2 message").waitFor();
      await no.getByRole("button", { name: "Remove No step 2" }).focus();
      await page.keyboard.press("Enter");
      expect(await no.getByLabel("No step 2 message").count()).toBe(0);
      await expectAccessible(page);
      await page.getByRole("button", { name: "Save steps" }).click();
      await page.getByText("Steps saved").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "sequence-branch-tree.png"), fullPage: true });
      const saved = await call("GET", `/api/sequences/${seq.id}`);
      expect(saved.branch).toEqual({ on: "opened", withinDays: 2 });
      expect(
        saved.steps.map((s: { path: string | null; delayDays: number }) => [s.path, s.delayDays]),
      ).toEqual([
        [null, 0],
        ["yes", 0],
        ["no", 4],
      ]);

      expect((await call("POST", `/api/sequences/${seq.id}/launch`, {})).active).toBe(2);
      const messagesOf = async (id: string) =>
        (
          (await call("GET", `/api/leads/${id}/outreach`)).messages as {
            id: string;
            status: string;
            body: string;
          }[]
        ).filter((m) => m.status === "sent");
      await expect.poll(async () => (await messagesOf(ada.id)).length, { timeout: 30_000 }).toBe(1);
      await expect.poll(async () => (await messagesOf(bob.id)).length, { timeout: 30_000 }).toBe(1);

      // Ada opens her email: the tracking pixel her email carries, signed as the server signs it.
      const ws = await call("GET", "/api/workspace");
      const [first] = await messagesOf(ada.id);
      const pixel = openPixelUrl(
        { secrets: createSecretBox(TEST_SECRET) } as Parameters<typeof openPixelUrl>[0],
        ws.id,
        first!.id,
        server.url,
      );
      expect((await fetch(pixel)).status).toBe(200);
      // She takes the Yes path and its step (after 0 days) goes; Bob waits for his answer.
      await expect.poll(async () => (await messagesOf(ada.id)).length, { timeout: 30_000 }).toBe(2);
      expect((await messagesOf(ada.id)).map((m) => m.body.split("\n")[0])).toContain("Glad you looked, Ada");
      expect(await messagesOf(bob.id)).toHaveLength(1);

      await page.goto(`${server.url}/leads/${ada.id}`);
      await page.getByText("Opened the email → took path Yes").waitFor();
      await page.screenshot({ path: path.join(shotsDir, "lead-branch-taken.png"), fullPage: true });
      // On the sequence page, Bob's next send waits for his answer.
      await page.goto(`${server.url}/sequences/${seq.id}`);
      await page
        .getByRole("row")
        .filter({ hasText: "Bob" })
        .getByText("waits for the answer: opened the email?")
        .waitFor();
      await page.screenshot({ path: path.join(shotsDir, "sequence-branch-next-sends.png"), fullPage: true });
      // Bob's preview still plans both paths, each saying when it applies.
      const bobPlan = await call("GET", `/api/sequences/${seq.id}/preview?leadId=${bob.id}`);
      expect(
        bobPlan.steps.map((s: { pathLabel: string | null; status: string }) => [s.pathLabel, s.status]),
      ).toEqual([
        [null, "sent"],
        ["if opened", "scheduled"],
        ["if not opened", "scheduled"],
      ]);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
