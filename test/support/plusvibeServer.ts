import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback server implementing the part of PlusVibe's documented API Overture uses: `x-api-key`
 * auth, `workspace_id` on every call (query for GET, body for POST), campaign list, lead add, lead
 * status update, and rate limiting (429 with Retry-After) on demand.
 */
export async function startPlusVibeServer(o: { apiKey: string; workspaceId: string }) {
  const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
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
    requests.push({ method: req.method ?? "", path: url.pathname, body });
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
    throttle: (n: number) => {
      throttleNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
