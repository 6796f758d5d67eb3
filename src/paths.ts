import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout's root (where package.json is), found from this file whether it runs as a source
 * (src/paths.ts) or bundled into dist/: files shipped beside the code (migrations, the built web UI)
 * are located from here, not from the importing module's own path.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error("package.json not found above the Overture code");
    dir = up;
  }
}

export const projectRoot = findRoot();
