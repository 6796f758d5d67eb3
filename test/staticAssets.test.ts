import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/api/server";
import { createTestContext, type TestContext } from "./support/testContext";

// `npm test` builds web/dist when it is stale (scripts/test.mjs), so the real build is served here.
const assets = path.resolve(import.meta.dirname, "../web/dist/assets");
let ctx: TestContext;
let app: Awaited<ReturnType<typeof buildServer>>;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { serveWeb: true });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe("the web UI's files", () => {
  it("hashed assets are sent precompressed and cached for good; the page is revalidated on every load", async () => {
    const js = readdirSync(assets).find((f) => /^index-.*\.js$/.test(f))!;
    const br = await app.inject({
      url: `/assets/${js}`,
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const plain = await app.inject({ url: `/assets/${js}`, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gz = await app.inject({ url: `/assets/${js}`, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");

    for (const url of ["/", "/leads/some-client-route"]) {
      const page = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-cache");
    }
  });
});
