import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback server speaking the part of Unipile's v1 API Overture uses: `X-API-KEY` auth,
 * `account_id` on every call, GET /api/v1/users/me, GET /api/v1/users/{identifier}, POST
 * /api/v1/users/invite, POST /api/v1/chats; 404 for unknown profiles; a 429 with Retry-After on demand.
 */
export async function startUnipileServer(o: {
  apiKey: string;
  accountId: string;
  profiles: Record<string, object>;
}) {
  const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
  let throttleNext = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>)
      : {};
    requests.push({ method: req.method ?? "", path: url.pathname, body });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));
    if (req.headers["x-api-key"] !== o.apiKey)
      return send(401, { title: "Unauthorized", type: "errors/invalid_api_key" });
    if (throttleNext > 0) {
      throttleNext--;
      return send(429, { title: "Too many requests" }, { "retry-after": "1" });
    }
    const account = req.method === "GET" ? url.searchParams.get("account_id") : body.account_id;
    if (account !== o.accountId)
      return send(404, { title: "Account not found", type: "errors/account_not_found" });
    const m = /^\/api\/v1\/users\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && m?.[1] === "me")
      return send(200, { provider_id: "ME_PROVIDER", public_identifier: "me" });
    if (req.method === "GET" && m) {
      const p = o.profiles[decodeURIComponent(m[1]!)];
      return p ? send(200, p) : send(404, { title: "User not found", type: "errors/resource_not_found" });
    }
    if (req.method === "POST" && url.pathname === "/api/v1/users/invite")
      return send(201, { object: "UserInvitationSent" });
    if (req.method === "POST" && url.pathname === "/api/v1/chats")
      return send(201, { object: "ChatStarted", chat_id: "c1" });
    send(404, { title: `no route ${url.pathname}` });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    dsn: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    throttle: (n: number) => {
      throttleNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
