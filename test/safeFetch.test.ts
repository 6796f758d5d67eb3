import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedUrlError, safeFetch } from "../src/app/net/safeFetch";

let server: Server;
let base = "";
const open = { allowPrivate: ["127.0.0.1", "localhost"] };

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url!, "http://x");
    if (u.pathname === "/hop") {
      const n = Number(u.searchParams.get("n"));
      res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : "/ok" }).end();
    } else if (u.pathname === "/to-metadata")
      res.writeHead(301, { location: "http://169.254.169.254/latest/" }).end();
    else if (u.pathname === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("x".repeat(300_000));
    } else if (u.pathname === "/slow") setTimeout(() => res.end("late"), 2_000);
    else res.writeHead(200, { "content-type": "text/html" }).end("<title>ok</title>");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("safeFetch: server-side fetches of user-supplied URLs", () => {
  it("refuses loopback, private and metadata addresses unless allowlisted, by name or literal", async () => {
    await expect(safeFetch(`${base}/`, { allowPrivate: [] })).rejects.toThrow(/127\.0\.0\.1 is a private/);
    await expect(
      safeFetch(base.replace("127.0.0.1", "localhost") + "/", { allowPrivate: [] }),
    ).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), a private address/);
    await expect(safeFetch("http://[::1]/", { allowPrivate: [] })).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(safeFetch("file:///etc/passwd", open)).rejects.toThrow(/only http and https/);
    expect((await safeFetch(`${base}/`, open)).status).toBe(200);
  });

  it("checks every redirect hop again: a public page cannot bounce the fetch into the network", async () => {
    await expect(safeFetch(`${base}/to-metadata`, open)).rejects.toThrow(/169\.254\.169\.254 is a private/);
    const r = await safeFetch(`${base}/hop?n=2`, open);
    expect(r.url).toBe(`${base}/ok`);
    expect(r.redirects.map((x) => x.status)).toEqual([302, 302, 302]);
    await expect(safeFetch(`${base}/hop?n=9`, { ...open, maxRedirects: 5 })).rejects.toThrow(
      /more than 5 redirects/,
    );
  });

  it("bounds size and time", async () => {
    const big = await safeFetch(`${base}/big`, { ...open, maxBytes: 10_000 });
    expect(big.truncated).toBe(true);
    expect(big.body.length).toBe(10_000);
    await expect(safeFetch(`${base}/slow`, { ...open, timeoutMs: 200 })).rejects.toThrow(/timeout/);
  });
});
