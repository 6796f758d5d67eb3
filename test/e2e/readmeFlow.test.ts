import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser } from "../support/browser";
import { e2eDataDir } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

/**
 * The README's "Try the whole flow" paragraph, sentence by sentence, as a newcomer clicks it: from an
 * empty data directory to a sequence whose lead replied and whose later steps stopped, with the
 * built-in writer (no LLM configured) and no message edited by hand. Every screen on the way is
 * photographed into OVERTURE_SCREENSHOTS (a temporary directory unless set), each after axe-core.
 */
const ci = process.env.CI === "true";
const shots = process.env.OVERTURE_SCREENSHOTS ?? mkdtempSync(path.join(tmpdir(), "overture-readme-"));
let env: Record<string, string>;
let close: () => Promise<void> | undefined = () => undefined;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ env, close } = await e2eDataDir());
});
afterAll(async () => {
  await close();
});

/** A small export as a person would have it: three prospects, one of them twice. */
function prospectsCsv(file: string) {
  const rows = [
    "First Name,Last Name,Title,Company,Email,Website",
    "Ada,Lovelace,Head of Engineering,Analytical Engines,ada@engines.example,https://engines.example",
    "Bo,Jacquard,Founder,Jacquard Looms,bo@looms.example,https://looms.example",
    "Cy,Babbage,VP Sales,Difference Ltd,cy@difference.example,https://difference.example",
    "Ada,Lovelace,Head of Engineering,Analytical Engines,ADA@engines.example,https://engines.example",
  ];
  writeFileSync(file, rows.join("\n") + "\n");
}

describe.skipIf(!chromiumPath && !ci)("the README's whole flow in the browser", () => {
  it("sets up, adds a sandbox sender, imports, starts a run, writes, launches, and a reply stops the rest", async () => {
    const csv = path.join(env.DATA_DIR, "..", `prospects-${env.PORT}.csv`);
    prospectsCsv(csv);
    const server = await startOverture(["all"], env);
    const browser = await launchBrowser();
    let n = 0;
    const shot = (page: Page, name: string) =>
      page.screenshot({
        path: path.join(shots, `${String(++n).padStart(2, "0")}-${name}.png`),
        fullPage: true,
      });
    const nav = (page: Page, name: string) =>
      page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

      // "open http://127.0.0.1:3000 and create your workspace"
      await page.goto(server.url);
      await page.getByLabel("Workspace name").fill("Acme Outbound");
      await page.getByLabel("Email").fill("owner@acme.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByLabel("Workspace timezone").fill("Europe/Berlin");
      await shot(page, "setup");
      await page.getByRole("button", { name: "Create workspace" }).click();

      // "the Home page's 'Get started' checklist walks you through it and ticks each step off"
      const checklist = page
        .locator(".card")
        .filter({ has: page.getByRole("heading", { name: "Get started" }) });
      await checklist.getByText("0 of 4 done").waitFor();
      await shot(page, "home-checklist");

      // The first step goes out inside the sending window (09:00-17:00 on weekdays by default); the
      // test opens it all day, every day, so it does not depend on the hour or the day it runs.
      await nav(page, "Settings");
      await page.getByLabel("Sending window opens").fill("00:00");
      await page.getByLabel("Sending window closes").fill("23:59");
      await page.getByLabel(/Don't send on Saturdays and Sundays/).uncheck();
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
      await shot(page, "settings-window");

      // "Settings → Senders → add a Sandbox sender" (through the checklist's link)
      await nav(page, "Home");
      await checklist.getByRole("link", { name: /Add a sender/ }).click();
      await page.getByLabel("Kind").selectOption({ label: "Sandbox (nothing leaves this machine)" });
      await page.getByLabel("Account name").fill("Sandbox sender");
      await page.getByLabel("From address").fill("owner@acme.test");
      await page.getByRole("button", { name: "Add sender" }).click();
      await page.getByText("Added Sandbox sender").waitFor();
      await shot(page, "senders");

      // "Lists → import or add leads"
      await nav(page, "Home");
      await checklist.getByText("1 of 4 done").waitFor();
      await checklist.getByRole("link", { name: "Import or add leads" }).click();
      await page.getByRole("heading", { name: "Lists" }).waitFor();
      await page.getByRole("button", { name: "Import CSV / XLSX" }).click();
      await page.getByLabel("File").setInputFiles(csv);
      await page.getByRole("button", { name: "Upload and review columns" }).click();
      await page.getByLabel("New list name").fill("Spring prospects");
      await shot(page, "import-mapping");
      await page.getByRole("button", { name: "Import leads" }).click();
      const report = page.getByRole("status").filter({ hasText: "added" });
      await report.waitFor({ timeout: 60_000 });
      expect(await report.innerText()).toMatch(/3\s*added/);
      await shot(page, "import-report");
      await page.getByRole("button", { name: "Close import" }).click();

      // "Plays → Start a run"
      await nav(page, "Home");
      await checklist.getByText("2 of 4 done").waitFor();
      await checklist.getByRole("link", { name: "Start a run from a play" }).click();
      await page.getByRole("heading", { name: "Plays" }).waitFor();
      await shot(page, "plays");
      await page
        .locator("article")
        .filter({ hasText: "Email-only sequence" })
        .getByRole("button", { name: "Start a run" })
        .click();
      const named = page.getByRole("dialog", { name: /Start a run from/ });
      await named.getByLabel("Run name").fill("Spring outreach");
      await shot(page, "start-run");
      await named.getByRole("button", { name: "Start run" }).click();

      // "create a sequence on the run's page"
      await page.getByRole("heading", { name: "Spring outreach" }).waitFor();
      await page.getByLabel("Sequence name").fill("Spring emails");
      await page.getByLabel(/Spring prospects/).check();
      await page.getByRole("checkbox", { name: /Sandbox sender/ }).check();
      await shot(page, "run");
      await page.getByRole("button", { name: "Create sequence" }).click();
      await page.getByRole("heading", { name: "Spring emails" }).waitFor();
      // The header follows the window set above, not the default.
      await page.getByText("sends between 00:00 and 23:59").waitFor();
      await shot(page, "sequence-draft");

      // "write its steps (a new sequence's placeholder text blocks launch)": the built-in writer
      // writes them per lead in the Messaging Lab ("A personalised message per lead").
      await page.getByRole("link", { name: "Messaging Lab →" }).click();
      await page.getByRole("heading", { name: /Messaging Lab · Spring emails/ }).waitFor();
      await page.getByText(/built-in \(no LLM configured\)/).waitFor();
      await shot(page, "lab-template");
      await page.getByLabel("Message source").selectOption("personalised");
      await page.getByRole("button", { name: "Generate previews" }).click();
      await page.getByText(/Wrote \d+ message\(s\)/).waitFor({ timeout: 60_000 });
      await shot(page, "lab-written");
      const lab = page.locator("article.lab-lead");
      expect(await lab.count()).toBe(3);
      const ada = lab.filter({ hasText: "Ada Lovelace" });
      // The first email is a first email: a subject, no "follow-up", no merge variable left over.
      const first = ada.locator(".lab-message").first();
      expect(await first.locator(".strong").innerText()).not.toBe("");
      const body = await first.locator(".mail-preview").innerText();
      expect(body).not.toMatch(/follow|earlier|last email/i);
      // No strategy profile names the sender yet: no "Best," left hanging on the last line.
      expect(body.trim().split("\n").pop()).not.toMatch(/^(Best|Cheers|Thanks|Kind regards),$/);
      expect(await ada.innerText()).not.toContain("{{");

      // "... and Launch it"
      await page.getByRole("button", { name: /Approve all on this page/ }).click();
      await page.getByText(/^Approved \d+$/).waitFor();
      // "launch once no finding blocks": approving was the only thing that held them.
      expect(await page.locator(".finding.blocking").count()).toBe(0);
      await shot(page, "lab-approved");
      await page.getByRole("button", { name: "Launch", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Launch this sequence?" });
      await shot(page, "launch-dialog");
      await dialog.getByRole("button", { name: "Launch now" }).click();
      await page.getByText("Launched: 3 leads active, 0 blocked").waitFor();
      await shot(page, "lab-launched");

      // "watch the dashboard": the first lead's step 1 goes out; its next step is step 2.
      await page.getByRole("link", { name: "← Sequence" }).click();
      await page.getByRole("heading", { name: "Spring emails" }).waitFor();
      await page.getByText(/Sent per step: step 1: [1-3]/).waitFor({ timeout: 30_000 });
      await shot(page, "dashboard");

      // "answer a message as the prospect in Inbox → Sandbox mailbox and see the rest of the sequence stop"
      await nav(page, "Inbox");
      await page.getByRole("tab", { name: "Sandbox mailbox" }).click();
      const mail = page.locator("article.mail").first();
      await mail.waitFor({ timeout: 30_000 });
      const to = (await mail.innerText()).match(/To (\w+ \w+)/)![1]!;
      await shot(page, "sandbox-mailbox");
      await mail.getByRole("textbox").fill("Sounds interesting. Can we talk on Thursday?");
      await mail.getByRole("button", { name: "Reply as prospect" }).click();
      await page.getByText("every later step for this lead is stopped").waitFor();
      await shot(page, "sandbox-replied");

      await nav(page, "Sequences");
      await page.getByRole("link", { name: "Spring emails" }).click();
      await page
        .locator(".report-cards")
        .filter({ hasText: /1\s*replied/ })
        .waitFor({ timeout: 30_000 });
      expect(await page.getByRole("row").filter({ hasText: to }).count()).toBe(0);
      await shot(page, "dashboard-stopped");

      // "then read, classify and answer it under Inbox → Conversations"
      await nav(page, "Inbox");
      await page.getByRole("tab", { name: "Conversations" }).click();
      const conv = page.getByRole("option").filter({ hasText: to });
      await conv.click();
      await page.locator(".bubble.in").filter({ hasText: "Can we talk on Thursday?" }).waitFor();
      await page.getByLabel("Classification of this message").selectOption("interested");
      await page.getByRole("button", { name: "Confirm" }).click();
      await page.getByText(/Classified: Interested/).waitFor();
      await page.getByLabel("Reply").fill("Thursday at 3pm works. I'll send an invite.");
      await page.getByRole("button", { name: "Send reply" }).click();
      await page.getByText("Sent in the same thread.").waitFor();
      await shot(page, "conversation-answered");

      await nav(page, "Home");
      await checklist.waitFor({ state: "detached" });
      await shot(page, "home-after");
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 150_000);
});
