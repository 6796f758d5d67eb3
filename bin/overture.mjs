#!/usr/bin/env node
// Runs the compiled CLI and server (dist/overture.mjs), compiling it first when a source is newer,
// so a checkout needs no separate build step. Without esbuild (an install without dev dependencies
// and no dist/), it runs the TypeScript sources through tsx instead.
import { ensureServerBuild } from "../scripts/build-server.mjs";

process.setSourceMapsEnabled(true);
const compiled = await ensureServerBuild();
if (compiled) await import(compiled);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
