// Compiles the server and CLI (src/, TypeScript) into one ES module, dist/overture.mjs, with a
// source map. Dependencies stay external (loaded from node_modules as they are). Run directly
// (`npm run build:server`) or through ensureServerBuild() from bin/overture.mjs, which builds only
// when a source is newer than the output.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/overture.mjs");

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return /\.test\.ts$/.test(p) ? 0 : s.mtimeMs;
  let m = s.mtimeMs;
  for (const f of readdirSync(p)) m = Math.max(m, newest(path.join(p, f)));
  return m;
}

export function serverBuildIsFresh() {
  return (
    existsSync(out) &&
    statSync(out).mtimeMs >=
      Math.max(newest(path.join(root, "src")), statSync(path.join(root, "package.json")).mtimeMs)
  );
}

// JSON data imported from packages is bundled: an external JSON import would need Node's import
// attributes, which the bundle does not carry.
const bundleJson = {
  name: "bundle-json",
  setup(b) {
    b.onResolve({ filter: /^[^./].*\.json$/ }, (a) => ({
      path: createRequire(path.join(a.resolveDir, "x.js")).resolve(a.path),
    }));
  },
};

export async function buildServer() {
  const esbuild = await import("esbuild");
  const r = await esbuild.build({
    entryPoints: { overture: path.join(root, "src/cli/main.ts") },
    bundle: true,
    // Dynamic imports stay lazy: `--help` loads the CLI's chunk, not the server's.
    splitting: true,
    outdir: path.dirname(out),
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    write: false,
    logLevel: "warning",
    plugins: [bundleJson],
  });
  // Written beside and renamed into place, chunks (content-hashed names) before the entry point:
  // processes starting at the same time never read half a file or a chunk not yet written.
  const files = [...r.outputFiles].sort((a, b) => (a.path === out) - (b.path === out));
  for (const f of files) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  // The migrated empty database new data directories start from (src/db/pgliteTemplate.ts).
  const t = spawnSync(process.execPath, [out, "build-pglite-template"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (t.status !== 0) throw new Error("building the embedded database template failed");
  return out;
}

/** Builds once even when several processes start at the same time: the others wait for it. */
async function underBuildLock(fn) {
  mkdirSync(path.dirname(out), { recursive: true });
  const lock = path.join(path.dirname(out), ".build.lock");
  for (let waited = 0; ; waited += 200) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch {
      // A lock older than two minutes was left by a killed build.
      if (waited > 120_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(lock, { force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 200));
      if (serverBuildIsFresh()) return;
    }
  }
  try {
    if (!serverBuildIsFresh()) await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The compiled entry point, built first when stale; null when it cannot be built (no esbuild). */
export async function ensureServerBuild() {
  if (serverBuildIsFresh()) return pathToFileURL(out).href;
  try {
    await underBuildLock(buildServer);
    return pathToFileURL(out).href;
  } catch (e) {
    if (e?.code === "ERR_MODULE_NOT_FOUND") return null;
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildServer();
  console.error(`built ${path.relative(root, out)}`);
}
