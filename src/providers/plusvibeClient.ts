import { AppError } from "../domain/appError";
import type { AppContext } from "../app/context";
import { safeFetch } from "../app/net/safeFetch";

export const PLUSVIBE_DEFAULT_BASE = "https://api.plusvibe.ai/api/v1";
export type PlusVibeSettings = { apiKey: string; workspaceId: string; baseUrl: string };
export type PlusVibeLead = Record<string, string>;

/**
 * PlusVibe's documented API: `x-api-key` header, `workspace_id` on every call. Through the SSRF
 * guard (the base URL is user-supplied); a 429 is retried after its Retry-After (at most 3 times,
 * 30 s each), other errors become a 502 naming PlusVibe's answer.
 */
export function plusvibeClient(ctx: AppContext, s: PlusVibeSettings) {
  const base = s.baseUrl.replace(/\/+$/, "");
  async function call<T>(method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<T> {
    const url = new URL(`${base}${path}`);
    if (method === "GET") url.searchParams.set("workspace_id", s.workspaceId);
    for (let attempt = 0; ; attempt++) {
      const res = await safeFetch(url.toString(), {
        method,
        allowPrivate: ctx.config.fetchAllowPrivate,
        timeoutMs: 20_000,
        maxBytes: 20_000_000,
        headers: { "x-api-key": s.apiKey, "content-type": "application/json", accept: "application/json" },
        body: method === "POST" ? JSON.stringify({ workspace_id: s.workspaceId, ...body }) : undefined,
      }).catch((e: Error) => {
        throw new AppError("upstream_failed", `PlusVibe could not be reached: ${e.message}`);
      });
      if (res.status === 429 && attempt < 3) {
        const wait = Math.min(30, Number(res.headers["retry-after"]) || 1);
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      const text = res.body.toString("utf8");
      if (res.status === 401 || res.status === 403)
        throw new AppError(
          "upstream_failed",
          "PlusVibe refused the API key (check it under Settings → Integrations)",
        );
      if (res.status < 200 || res.status >= 300)
        throw new AppError("upstream_failed", `PlusVibe answered HTTP ${res.status}: ${text.slice(0, 200)}`);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new AppError("upstream_failed", "PlusVibe answered with something that is not JSON");
      }
    }
  }
  return {
    listCampaigns: async () => {
      const r = await call<unknown>("GET", "/campaign/list-all");
      const list = (Array.isArray(r) ? r : ((r as { data?: unknown[] }).data ?? [])) as Record<
        string,
        unknown
      >[];
      return list.map((c) => ({
        id: String(c.id ?? c._id),
        name: String(c.name ?? c.camp_name ?? ""),
        status: String(c.status ?? ""),
      }));
    },
    addLeads: (campaignId: string, leads: PlusVibeLead[]) =>
      call<Record<string, unknown>>("POST", "/lead/add", {
        campaign_id: campaignId,
        skip_if_in_workspace: false,
        resume_camp_if_completed: true,
        leads,
      }),
    setLeadStatus: (email: string, status: "COMPLETED") =>
      call<Record<string, unknown>>("POST", "/lead/update/status", { email, new_status: status }),
    /** "Lead Variable/Label Update or Add". */
    updateVariables: (email: string, variables: Record<string, string>) =>
      call<Record<string, unknown>>("POST", "/lead/data/update", { email, variables }),
    /** "Fetch workspace leads", one page at a time. */
    workspaceLeads: async (page: number, limit: number) => {
      const url = `/lead/workspace-leads?page=${page}&limit=${limit}`;
      const r = await call<unknown>("GET", url);
      return (Array.isArray(r) ? r : ((r as { data?: unknown[] }).data ?? [])) as Record<string, unknown>[];
    },
    /**
     * Unibox "Get emails": one page of the emails PlusVibe holds for a lead (campaign sends and
     * replies), `{ page_trail, data: [...] }`; the page_trail, passed back, gives the next (older) page.
     */
    uniboxEmails: async (
      lead: string,
      o: { pageTrail?: string; campaignId?: string; emailType?: "all" | "sent" | "received" } = {},
    ) => {
      const q = new URLSearchParams({ lead, email_type: o.emailType ?? "all" });
      if (o.campaignId) q.set("campaign_id", o.campaignId);
      if (o.pageTrail) q.set("page_trail", o.pageTrail);
      const r = await call<unknown>("GET", `/unibox/emails?${q}`);
      const page = (r && typeof r === "object" && !Array.isArray(r) ? r : {}) as Record<string, unknown>;
      const list = Array.isArray(r) ? r : Array.isArray(page.data) ? page.data : [];
      const trail = page.page_trail ?? page.pageTrail ?? page.next_page_trail;
      return {
        emails: list.filter((e) => e && typeof e === "object") as Record<string, unknown>[],
        pageTrail: typeof trail === "string" && trail ? trail : null,
      };
    },
  };
}
