import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "./apiTypes";

// The web app compiles against the committed types: a route whose schema changed without
// `npm run gen:api` would let the UI and the server disagree silently.
it("the committed web API types match the server's OpenAPI document (run `npm run gen:api`)", async () => {
  const committed = readFileSync(path.resolve(import.meta.dirname, "../..", API_TYPES_FILE), "utf8");
  const fresh = await generateApiTypes();
  expect(fresh.length).toBeGreaterThan(10_000);
  expect(committed === fresh, "web/src/api/schema.d.ts is stale: run `npm run gen:api`").toBe(true);
}, 60_000);
