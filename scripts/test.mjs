// `npm test`: checks the system peers the tests need, builds the web UI if stale, runs vitest.
// A missing peer is reported loudly with the command that installs it; with CI=true it is fatal.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const ci = process.env.CI === "true" || process.env.CI === "1";
const peers = [
  {
    name: "Chromium (browser tests)",
    env: "OVERTURE_CHROMIUM",
    paths: ["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    install: "sudo apt-get install -y chromium",
  },
  {
    name: "Dovecot IMAP server (reply detection tests)",
    env: "OVERTURE_DOVECOT",
    paths: ["/usr/sbin/dovecot"],
    install: "sudo apt-get install -y dovecot-imapd",
  },
];
let missing = 0;
for (const p of peers) {
  const found = [process.env[p.env], ...p.paths].find((x) => x && existsSync(x));
  if (found) process.env[p.env] = found;
  else {
    missing++;
    console.error(
      `\n${"!".repeat(72)}\n!! ${p.name} not found: those tests will be SKIPPED.\n!! Install it with:  ${p.install}\n${"!".repeat(72)}\n`,
    );
  }
}
if (missing && ci) {
  console.error("CI=true: refusing to skip tests because a system peer is missing.");
  process.exit(1);
}
spawnSync(process.execPath, [path.join(root, "scripts/build-web-if-stale.mjs")], {
  stdio: "inherit",
  cwd: root,
});
const r = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)],
  { stdio: "inherit", cwd: root, env: process.env },
);
process.exit(r.status ?? 1);
