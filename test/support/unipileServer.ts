import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type Obj = Record<string, unknown>;

/** The text fields of a multipart/form-data body (what v1's POST /chats takes). */
function parseForm(raw: string, contentType: string): Obj {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) throw new Error("multipart without a boundary");
  const out: Obj = {};
  for (const part of raw.split(`--${boundary}`)) {
    const m = /name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part);
    if (m) out[m[1]!] = m[2];
  }
  return out;
}

/**
 * A loopback server speaking the part of Unipile's v1 API Overture uses, as documented: `X-API-KEY`
 * auth and `account_id` on every call; GET /users/me and /users/{identifier} (404 for unknown
 * profiles; `network_distance`); POST /users/invite (JSON) and POST /chats (multipart/form-data);
 * GET /users/relations and /users/invite/sent (cursor paging, newest first); DELETE
 * /users/invite/sent/{id}; GET /linkedin/search/parameters and POST /linkedin/search (cursor paging).
 * A 429 with Retry-After on demand, and a scripted error for the next call to a path.
 */
export async function startUnipileServer(o: {
  apiKey: string;
  accountId: string;
  profiles: Record<string, Obj>;
  /** People that POST /linkedin/search returns, in order. */
  searchResults?: Obj[];
}) {
  const requests: { method: string; path: string; query: Obj; body: Obj }[] = [];
  const relations: Obj[] = [];
  const sentInvites: Obj[] = [];
  const failNext = new Map<string, { status: number; body: Obj }>();
  let throttleNext = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    const raw = Buffer.concat(chunks).toString("utf8");
    const ct = String(req.headers["content-type"] ?? "");
    const body: Obj = !raw ? {} : ct.startsWith("multipart/form-data") ? parseForm(raw, ct) : JSON.parse(raw);
    const query = Object.fromEntries(url.searchParams);
    const path = url.pathname.replace(/^\/api\/v1/, "");
    requests.push({ method: req.method ?? "", path: url.pathname, query, body });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));
    if (req.headers["x-api-key"] !== o.apiKey)
      return send(401, { title: "Unauthorized", type: "errors/invalid_api_key" });
    if (throttleNext > 0) {
      throttleNext--;
      return send(429, { title: "Too many requests" }, { "retry-after": "1" });
    }
    const account = query.account_id ?? body.account_id;
    if (account !== o.accountId)
      return send(404, { title: "Account not found", type: "errors/account_not_found" });
    const scripted = failNext.get(`${req.method} ${path}`);
    if (scripted) {
      failNext.delete(`${req.method} ${path}`);
      return send(scripted.status, scripted.body);
    }
    const page = (items: Obj[]) => {
      const start = Number(query.cursor ?? 0);
      const limit = Number(query.limit ?? 10);
      const next = start + limit < items.length ? String(start + limit) : null;
      return { object: "List", items: items.slice(start, start + limit), cursor: next };
    };
    const m = /^\/users\/([^/]+)$/.exec(path);
    if (req.method === "GET" && path === "/users/relations") return send(200, page([...relations].reverse()));
    if (req.method === "GET" && path === "/users/invite/sent")
      return send(200, page([...sentInvites].reverse()));
    const cancel = /^\/users\/invite\/sent\/([^/]+)$/.exec(path);
    if (req.method === "DELETE" && cancel) {
      const i = sentInvites.findIndex((x) => x.id === cancel[1]);
      if (i < 0) return send(404, { title: "Invitation not found", type: "errors/resource_not_found" });
      sentInvites.splice(i, 1);
      return send(200, { object: "UserInvitationCanceled" });
    }
    if (req.method === "GET" && m?.[1] === "me")
      return send(200, { provider_id: "ME_PROVIDER", public_identifier: "me" });
    if (req.method === "GET" && m) {
      const p = o.profiles[decodeURIComponent(m[1]!)];
      return p ? send(200, p) : send(404, { title: "User not found", type: "errors/resource_not_found" });
    }
    if (req.method === "POST" && path === "/users/invite") {
      if (typeof body.message === "string" && body.message.length > 300)
        return send(400, { title: "Invalid parameters", type: "errors/invalid_parameters" });
      const who = Object.values(o.profiles).find((p) => p.provider_id === body.provider_id);
      const id = `inv-${sentInvites.length + 1}`;
      sentInvites.push({
        object: "UserInvitation",
        id,
        invited_user_id: body.provider_id,
        invited_user_public_id: who?.public_identifier ?? null,
        invitation_text: body.message ?? null,
      });
      return send(201, { object: "UserInvitationSent", invitation_id: id });
    }
    if (req.method === "POST" && path === "/chats") {
      if (!body.attendees_ids || !body.text)
        return send(400, { title: "attendees_ids and text are required", type: "errors/invalid_parameters" });
      return send(201, { object: "ChatStarted", chat_id: `chat-${requests.length}` });
    }
    if (req.method === "GET" && path === "/linkedin/search/parameters")
      return send(200, {
        object: "LinkedinSearchParametersList",
        items: [
          { object: "LinkedinSearchParameter", id: `${query.type}:${query.keywords}`, title: query.keywords },
        ],
      });
    if (req.method === "POST" && path === "/linkedin/search") {
      const p = page(o.searchResults ?? []);
      return send(200, {
        ...p,
        object: "LinkedinSearch",
        paging: { total_count: o.searchResults?.length ?? 0 },
      });
    }
    send(404, { title: `no route ${url.pathname}` });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    dsn: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Someone accepted: they appear as the newest relation. */
    accept(publicIdentifier: string, createdAtMs: number) {
      const p = Object.values(o.profiles).find((x) => x.public_identifier === publicIdentifier);
      relations.push({
        object: "UserRelation",
        public_identifier: publicIdentifier,
        member_id: p?.provider_id ?? publicIdentifier,
        created_at: createdAtMs,
      });
      const i = sentInvites.findIndex((x) => x.invited_user_public_id === publicIdentifier);
      if (i >= 0) sentInvites.splice(i, 1);
    },
    addOlderRelations(n: number) {
      for (let i = 0; i < n; i++)
        relations.unshift({
          object: "UserRelation",
          public_identifier: `old-${i}`,
          member_id: `OLD${i}`,
          created_at: 1,
        });
    },
    sentInvites,
    failNext: (methodPath: string, status: number, body: Obj) => failNext.set(methodPath, { status, body }),
    throttle: (n: number) => {
      throttleNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
