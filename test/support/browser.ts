import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

export const chromiumPath =
  process.env.OVERTURE_CHROMIUM ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
export const shotsDir = path.resolve(import.meta.dirname, "../../test-results");

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(shotsDir, { recursive: true });
  return chromium.launch({
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
