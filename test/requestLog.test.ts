import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/api/server";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  ctx.log = pino({ level: "info" }, sink);
});
afterAll(() => ctx.close());

describe("request log at info", () => {
  it("writes nothing for a quick successful request and one line for a failed one", async () => {
    const app = await buildServer(ctx, { serveWeb: false });
    await app.ready();
    expect((await app.inject({ method: "GET", url: "/api/setup" })).statusCode).toBe(200);
    expect(lines.filter((l) => l.url === "/api/setup")).toEqual([]);
    expect((await app.inject({ method: "GET", url: "/api/leads?x=1" })).statusCode).toBe(401);
    const failed = lines.filter((l) => l.url === "/api/leads");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ msg: "request failed", method: "GET", status: 401 });
    expect(lines.some((l) => l.msg === "incoming request" || l.msg === "request completed")).toBe(false);
    await app.close();
  });
});
