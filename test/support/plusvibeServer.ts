import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback server implementing the part of PlusVibe's documented API Overture uses: `x-api-key`
 * auth, `workspace_id` on every call (query for GET, body for POST), campaign list, lead add, lead
 * status update, and rate limiting (429 with Retry-After) on demand.
 *
 * Unibox "Get emails", as implemented here (and read by plusvibeClient/plusvibeUnibox):
 * `GET /unibox/emails?workspace_id=&lead=<email>&campaign_id=&email_type=all|sent|received&page_trail=`
 * answers `{ page_trail, data: [email] }`, newest first, `pageSize` emails a page; `page_trail` is an
 * opaque cursor for the next (older) page, null on the last one; an unknown trail is a 400. An email
 * is stored as given (`setUniboxEmails`), in PlusVibe's shape: `id`, `message_id`,
 * `from_address_email`, `to_address_email_list` (comma-separated), `subject`, `body: { text?, html? }`,
 * `content_preview`, `timestamp_created` (ISO), `direction` ("IN" | "OUT"), `label`, `campaign_id`,
 * `thread_id`, `is_unread`. The field names come from PlusVibe's and Instantly's Unibox docs and
 * public clients; Overture reads them tolerantly (alternatives in plusvibeUnibox.ts).
 */
export async function startPlusVibeServer(o: { apiKey: string; workspaceId: string; pageSize?: number }) {
  const requests: {
    method: string;
    path: string;
    query: Record<string, string>;
    body: Record<string, unknown>;
  }[] = [];
  const uniboxEmails = new Map<string, Record<string, unknown>[]>();
  const pageSize = o.pageSize ?? 20;
  const campaigns = [
    { id: "camp_1", name: "Website audits Q1", status: "ACTIVE" },
    { id: "camp_2", name: "Re-engagement", status: "PAUSED" },
  ];
  const leadsByCampaign = new Map<string, Record<string, unknown>[]>();
  let throttleNext = 0;
  const variables = new Map<string, Record<string, string>>();
  const workspaceLeads: { email: string; status: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://x");
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>)
      : {};
    requests.push({
      method: req.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
    });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));
    if (req.headers["x-api-key"] !== o.apiKey)
      return send(401, { status: "error", message: "Invalid API key" });
    if (throttleNext > 0) {
      throttleNext--;
      return send(429, { status: "error", message: "Too many requests" }, { "retry-after": "1" });
    }
    const ws = req.method === "GET" ? url.searchParams.get("workspace_id") : body.workspace_id;
    if (ws !== o.workspaceId) return send(400, { status: "error", message: "workspace_id is invalid" });
    if (req.method === "GET" && url.pathname === "/api/v1/campaign/list-all") return send(200, campaigns);
    if (req.method === "POST" && url.pathname === "/api/v1/lead/add") {
      const list = leadsByCampaign.get(String(body.campaign_id)) ?? [];
      list.push(...((body.leads as Record<string, unknown>[]) ?? []));
      leadsByCampaign.set(String(body.campaign_id), list);
      return send(200, {
        status: "success",
        total_sent: (body.leads as unknown[]).length,
        leads_uploaded: (body.leads as unknown[]).length,
      });
    }
    if (req.method === "POST" && url.pathname === "/api/v1/lead/update/status")
      return send(200, { status: "success" });
    if (req.method === "POST" && url.pathname === "/api/v1/lead/data/update") {
      variables.set(String(body.email), body.variables as Record<string, string>);
      return send(200, { status: "success" });
    }
    if (req.method === "GET" && url.pathname === "/api/v1/lead/workspace-leads") {
      const page = Number(url.searchParams.get("page") ?? 1);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      return send(200, workspaceLeads.slice((page - 1) * limit, page * limit));
    }
    if (req.method === "GET" && url.pathname === "/api/v1/unibox/emails") {
      const q = url.searchParams;
      const lead = q.get("lead")?.toLowerCase();
      const type = q.get("email_type") ?? "all";
      if (!["all", "sent", "received"].includes(type))
        return send(400, { status: "error", message: "email_type is invalid" });
      const list = (lead ? (uniboxEmails.get(lead) ?? []) : [...uniboxEmails.values()].flat())
        .filter((e) => !q.get("campaign_id") || e.campaign_id === q.get("campaign_id"))
        .filter((e) => type === "all" || e.direction === (type === "sent" ? "OUT" : "IN"))
        .sort((a, b) => String(b.timestamp_created).localeCompare(String(a.timestamp_created)));
      const trail = q.get("page_trail");
      const from = trail
        ? Number(
            Buffer.from(trail, "base64url")
              .toString("utf8")
              .replace(/^after:/, ""),
          )
        : 0;
      if (!Number.isInteger(from) || from < 0)
        return send(400, { status: "error", message: "page_trail is invalid" });
      const next = from + pageSize;
      return send(200, {
        page_trail: next < list.length ? Buffer.from(`after:${next}`).toString("base64url") : null,
        data: list.slice(from, next),
      });
    }
    send(404, { status: "error", message: `no route ${url.pathname}` });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    leadsIn: (campaignId: string) => leadsByCampaign.get(campaignId) ?? [],
    variablesOf: (email: string) => variables.get(email),
    setWorkspaceLeads: (l: { email: string; status: string }[]) =>
      workspaceLeads.splice(0, workspaceLeads.length, ...l),
    /** The Unibox emails PlusVibe holds for a lead (by email), in PlusVibe's shape. */
    setUniboxEmails: (lead: string, emails: Record<string, unknown>[]) =>
      uniboxEmails.set(lead.toLowerCase(), emails),
    throttle: (n: number) => {
      throttleNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
