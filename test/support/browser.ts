import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath =
  process.env.OVERTURE_CHROMIUM ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
export const shotsDir = path.resolve(import.meta.dirname, "../../test-results");

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(shotsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Flags that keep Chromium from reaching for the network on a closed machine.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return withAccessibilityChecks(browser);
}

/** Signs in on the sign-in page at `url` with the password e2eWorkspace's `overture init` set. */
export async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("violet-harbour-lantern-42");
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Waits (bounded) until an input shows the expected value; fails with what it saw. */
export async function expectValue(loc: import("playwright-core").Locator, want: string, timeoutMs = 10_000) {
  await loc.waitFor();
  const until = Date.now() + timeoutMs;
  let got = await loc.inputValue();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    got = await loc.inputValue();
  }
  if (got !== want) throw new Error(`expected ${want}, got ${got}`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * axe-core over the page as it stands: any serious or critical violation fails the test, named with
 * the rule and the elements. `launchBrowser` pages run it before every screenshot, so every browser
 * test checks each screen it looks at.
 */
export async function expectAccessible(page: Page, where = page.url()) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length)
    throw new Error(
      `accessibility violations on ${where}:\n` +
        bad
          .map(
            (v) =>
              `  ${v.impact} ${v.id}: ${v.help} — ${v.nodes
                .slice(0, 5)
                .map((n) => n.target.join(" "))
                .join(", ")}`,
          )
          .join("\n"),
    );
}

/** Every page of the browser runs the accessibility check before each screenshot. */
function withAccessibilityChecks(browser: Browser): Browser {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    const shot = page.screenshot.bind(page);
    page.screenshot = async (opts) => {
      await expectAccessible(page, opts?.path ?? page.url());
      return shot(opts);
    };
    return page;
  };
  return browser;
}
