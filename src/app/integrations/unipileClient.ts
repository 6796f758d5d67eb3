import { AppError } from "../../domain/appError";
import type { AppContext } from "../context";
import { safeFetch } from "../net/safeFetch";

function parseJson(text: string): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new AppError("upstream_failed", "Unipile answered with something that is not JSON");
  }
}

export type UnipileSettings = { apiKey: string; dsn: string; accountId: string };

/**
 * Unipile's v1 API for a connected LinkedIn account: `https://{DSN}/api/v1`, `X-API-KEY` header,
 * `account_id` on every call. Through the SSRF guard (the DSN is user-supplied); a 429 waits for its
 * Retry-After (three times at most); an account that LinkedIn restricted or whose credentials
 * expired is reported as such, so the caller can pause it.
 */
export function unipileClient(ctx: AppContext, s: UnipileSettings) {
  const base = /^https?:\/\//.test(s.dsn)
    ? s.dsn.replace(/\/+$/, "")
    : `https://${s.dsn.replace(/\/+$/, "")}`;
  async function call<T>(method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<T> {
    const url = new URL(`${base}/api/v1${path}`);
    if (method === "GET") url.searchParams.set("account_id", s.accountId);
    for (let attempt = 0; ; attempt++) {
      const res = await safeFetch(url.toString(), {
        method,
        allowPrivate: ctx.config.fetchAllowPrivate,
        timeoutMs: 30_000,
        maxBytes: 5_000_000,
        headers: { "x-api-key": s.apiKey, accept: "application/json", "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify({ account_id: s.accountId, ...body }) : undefined,
      }).catch((e: Error) => {
        throw new AppError("upstream_failed", `Unipile could not be reached: ${e.message}`);
      });
      if (res.status === 429 && attempt < 3) {
        await new Promise((r) => setTimeout(r, Math.min(30, Number(res.headers["retry-after"]) || 1) * 1000));
        continue;
      }
      const text = res.body.toString("utf8");
      const json = parseJson(text);
      if (res.status === 401) throw new AppError("upstream_failed", "Unipile refused the API key");
      if (res.status >= 300) {
        const detail = String(json.detail ?? json.title ?? json.type ?? text.slice(0, 200));
        // A restricted account or expired credentials: stop using the account until a person looks.
        if (/restricted|disconnected|credentials|checkpoint/i.test(`${json.type ?? ""} ${detail}`))
          throw new AppError("upstream_failed", `the LinkedIn account needs attention: ${detail}`, {
            pauseAccount: true,
          });
        throw new AppError("upstream_failed", `Unipile answered HTTP ${res.status}: ${detail}`);
      }
      return json as T;
    }
  }
  return {
    /** The connected account's own profile (its provider id tells our own messages apart). */
    me: () => call<Record<string, unknown>>("GET", "/users/me"),
    /** A profile by public identifier (the /in/<slug> of the URL) or provider id. */
    profile: (identifier: string) =>
      call<Record<string, unknown>>("GET", `/users/${encodeURIComponent(identifier)}?linkedin_sections=*`),
    invite: (providerId: string, message?: string) =>
      call<Record<string, unknown>>("POST", "/users/invite", {
        provider_id: providerId,
        ...(message ? { message } : {}),
      }),
    message: (providerId: string, text: string) =>
      call<Record<string, unknown>>("POST", "/chats", { attendees_ids: [providerId], text }),
  };
}
