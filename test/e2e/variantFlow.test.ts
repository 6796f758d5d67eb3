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
  ({ env, apiKey, close: closeWorkspace } = await e2eWorkspace("Variant Ltd", "op@variant.test"));
});
afterAll(async () => {
  await closeWorkspace();
});

describe.skipIf(!chromiumPath && !ci)("A/B variants in the browser", () => {
  it("adds a variant B in the step editor, launches, sees both variants sent and chooses B for new leads", async () => {
    const server = await startOverture(["all"], env);
    const call = apiCaller(server.url, apiKey);
    await call("PATCH", "/api/workspace", { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const sender = await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "Sandbox",
      fromEmail: "ab@variant.test",
      minGapSeconds: 0,
      jitterSeconds: 0,
    });
    const list = await call("POST", "/api/lists", { name: "Twelve prospects" });
    const names = ["Ann", "Ben", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ida", "Jo", "Kai", "Lu"];
    for (const n of names)
      await call("POST", "/api/leads", {
        firstName: n,
        email: `${n.toLowerCase()}@prospect${n.length}.example`,
        timezone: "UTC",
        listId: list.id,
      });
    const run = await call("POST", "/api/runs", { name: "AB run", playKey: "builtin:email-only" });
    const seq = await call("POST", "/api/sequences", {
      runId: run.id,
      name: "Subject test",
      listIds: [list.id],
      senderAccountId: sender.id,
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hello {{first_name}}", body: "Hi" },
      ],
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
      await signIn(page, server.url, "op@variant.test");
      await page.getByRole("navigation").waitFor();
      await page.goto(`${server.url}/sequences/${seq.id}`);
      await page.getByRole("heading", { name: "Subject test" }).waitFor();
      await page.getByRole("button", { name: "Add A/B variant" }).click();
      // A variant left as the step's text is refused with the reason, and nothing is saved.
      await page.getByRole("button", { name: "Save steps" }).click();
      await page.getByText("variant B is the same as variant A; change its subject or body").waitFor();
      await page.getByLabel("Step 1 variant B subject").fill("Quick question, {{first_name}}");
      await page.getByLabel("Step 1 variant B weight").fill("2");
      await page.getByText("67% of leads").waitFor();
      await page.getByText("Send the winner to new leads once the test names one").click();
      await page.getByRole("button", { name: "Save steps" }).click();
      await page.getByRole("status").filter({ hasText: "Steps saved" }).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "variant-editor.png"), fullPage: true });
      const saved = await call("GET", `/api/sequences/${seq.id}`);
      expect(
        saved.steps[0].variants.map((v: { label: string; weight: number }) => [v.label, v.weight]),
      ).toEqual([
        ["A", 1],
        ["B", 2],
      ]);
      expect(saved.steps[0].autoWinner).toBe(true);

      expect((await call("POST", `/api/sequences/${seq.id}/launch`, {})).active).toBe(12);
      // The worker of `overture all` sends them to the sandbox; the report follows on reload.
      const report = page.getByRole("region", { name: "A/B test of step 1" });
      const deadline = Date.now() + 60_000;
      let sent: { label: string; sent: number }[] = [];
      while (Date.now() < deadline) {
        sent = (await call("GET", `/api/sequences/${seq.id}/variants`))[0].variants;
        if (sent.reduce((n, v) => n + v.sent, 0) === 12) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(sent.reduce((n, v) => n + v.sent, 0)).toBe(12);
      await page.reload();
      await report.waitFor();
      for (const v of sent)
        expect(
          await report
            .getByRole("row", { name: new RegExp(`^${v.label}\\b`) })
            .locator("td")
            .nth(1)
            .textContent(),
        ).toBe(String(v.sent));
      await report.getByText("Not enough data yet").waitFor();
      await report.getByRole("button", { name: "Send B to new leads" }).click();
      await report.getByText(/New leads get variant B \(chosen by/).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "variant-report.png"), fullPage: true });
      expect((await call("GET", `/api/sequences/${seq.id}/variants`))[0].winner).toBe("B");
      await report.getByRole("button", { name: "Split again" }).click();
      await report.getByText("Send the winner to new leads once the test names one").waitFor();
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
