// Builds the web UI when web/dist is missing or older than its sources, so `npm start` always serves
// the current UI without rebuilding on every start.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "web/dist/index.html");
function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}
const sourcesAt = Math.max(
  newest(path.join(root, "web/src")),
  newest(path.join(root, "web/index.html")),
  newest(path.join(root, "web/vite.config.ts")),
);
if (!existsSync(built) || statSync(built).mtimeMs < sourcesAt) {
  console.log("Building the web UI…");
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/vite/bin/vite.js"),
      "build",
      "--config",
      "web/vite.config.ts",
      "--logLevel",
      "warn",
    ],
    { cwd: root, stdio: "inherit" },
  );
}
