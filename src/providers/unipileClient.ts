import { randomBytes } from "node:crypto";
import { AppError } from "../domain/appError";
import type { AppContext } from "../app/context";
import { safeFetch } from "../app/net/safeFetch";

function parseJson(text: string): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new AppError("upstream_failed", "Unipile answered with something that is not JSON");
  }
}

export type UnipileSettings = { apiKey: string; dsn: string; accountId: string };

/** What Unipile said when it refused: the HTTP status and its error type (e.g. "errors/cannot_resend_yet"). */
export type UnipileRefusal = { status: number; type: string; pauseAccount?: boolean };

/** A multipart/form-data body of plain text fields (v1's POST /chats takes no JSON). */
function formData(fields: [string, string][]) {
  const boundary = `----overture${randomBytes(12).toString("hex")}`;
  const body =
    fields
      .map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Method = "GET" | "POST" | "DELETE";
type Query = Record<string, string | number | undefined>;

/**
 * Unipile's v1 API for a connected LinkedIn account: `https://{DSN}/api/v1`, `X-API-KEY` header,
 * `account_id` on every call. Through the SSRF guard (the DSN is user-supplied); a 429 waits for its
 * Retry-After (three times at most); an account that LinkedIn restricted or whose credentials
 * expired is reported as such (`details.pauseAccount`), so the caller can pause it. Every other
 * refusal carries its status and error type in `details`, so the caller can tell "not sent, and
 * never will be" from "try again later".
 */
export function unipileClient(ctx: AppContext, s: UnipileSettings) {
  const base = /^https?:\/\//.test(s.dsn)
    ? s.dsn.replace(/\/+$/, "")
    : `https://${s.dsn.replace(/\/+$/, "")}`;
  async function call<T>(
    method: Method,
    path: string,
    o: { query?: Query; json?: Record<string, unknown>; form?: [string, string][] } = {},
  ): Promise<T> {
    const url = new URL(`${base}/api/v1${path}`);
    if (method !== "POST" || o.query) url.searchParams.set("account_id", s.accountId);
    for (const [k, v] of Object.entries(o.query ?? {}))
      if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
    const form = o.form ? formData([["account_id", s.accountId], ...o.form]) : null;
    for (let attempt = 0; ; attempt++) {
      const res = await safeFetch(url.toString(), {
        method,
        allowPrivate: ctx.config.fetchAllowPrivate,
        timeoutMs: 30_000,
        maxBytes: 5_000_000,
        headers: {
          "x-api-key": s.apiKey,
          accept: "application/json",
          "content-type": form?.contentType ?? "application/json",
        },
        body: form
          ? form.body
          : method === "POST"
            ? JSON.stringify({ account_id: s.accountId, ...o.json })
            : undefined,
      }).catch((e: Error) => {
        throw new AppError("upstream_failed", `Unipile could not be reached: ${e.message}`);
      });
      if (res.status === 429 && attempt < 3) {
        await new Promise((r) => setTimeout(r, Math.min(30, Number(res.headers["retry-after"]) || 1) * 1000));
        continue;
      }
      const text = res.body.toString("utf8");
      const json = parseJson(text);
      if (res.status === 401)
        throw new AppError("upstream_failed", "Unipile refused the API key", {
          status: 401,
          type: String(json.type ?? ""),
          pauseAccount: true,
        } satisfies UnipileRefusal);
      if (res.status >= 300) {
        const type = String(json.type ?? "");
        const detail = String(json.detail ?? json.title ?? json.type ?? text.slice(0, 200));
        // A restricted account or expired credentials: stop using the account until a person looks.
        if (/restricted|disconnected|credentials|checkpoint/i.test(`${type} ${detail}`))
          throw new AppError("upstream_failed", `the LinkedIn account needs attention: ${detail}`, {
            status: res.status,
            type,
            pauseAccount: true,
          } satisfies UnipileRefusal);
        throw new AppError("upstream_failed", `Unipile answered HTTP ${res.status}: ${detail}`, {
          status: res.status,
          type,
        } satisfies UnipileRefusal);
      }
      return json as T;
    }
  }
  type Obj = Record<string, unknown>;
  type Page = { items?: Obj[]; cursor?: string | null; paging?: Obj };
  return {
    /** The connected account's own profile (its provider id tells our own messages apart). */
    me: () => call<Obj>("GET", "/users/me"),
    /** A profile by public identifier (the /in/<slug> of the URL) or provider id. */
    profile: (identifier: string) =>
      call<Obj>("GET", `/users/${encodeURIComponent(identifier)}`, { query: { linkedin_sections: "*" } }),
    invite: (providerId: string, message?: string) =>
      call<Obj>("POST", "/users/invite", {
        json: { provider_id: providerId, ...(message ? { message } : {}) },
      }),
    /** Starts (or continues) the 1:1 chat with a user; v1 takes this one as multipart/form-data. */
    message: (providerId: string, text: string) =>
      call<Obj>("POST", "/chats", {
        form: [
          ["attendees_ids", providerId],
          ["text", text],
        ],
      }),
    /** The account's relations, newest first, a page at a time. */
    relations: (cursor?: string | null, limit = 100) =>
      call<Page>("GET", "/users/relations", { query: { limit, cursor: cursor ?? undefined } }),
    /** Invitations the account sent that are still pending. */
    sentInvitations: (cursor?: string | null) =>
      call<Page>("GET", "/users/invite/sent", { query: { limit: 100, cursor: cursor ?? undefined } }),
    cancelInvitation: (invitationId: string) =>
      call<Obj>("DELETE", `/users/invite/sent/${encodeURIComponent(invitationId)}`, { query: {} }),
    /** IDs LinkedIn uses for a filter value (a location, an industry), which search filters need. */
    searchParameters: (type: "LOCATION" | "INDUSTRY", keywords: string) =>
      call<Page>("GET", "/linkedin/search/parameters", { query: { type, keywords, limit: 3 } }),
    /** A people search, classic or Sales Navigator; paged by cursor. */
    search: (body: Obj, cursor?: string | null, limit = 25) =>
      call<Page>("POST", "/linkedin/search", {
        query: { limit, cursor: cursor ?? undefined },
        json: body,
      }),
  };
}

/** The refusal details of an error from the client, if it was one. */
export const refusalOf = (e: unknown): UnipileRefusal | null => {
  const d = (e as { details?: unknown })?.details as UnipileRefusal | undefined;
  return d && typeof d.status === "number" ? d : null;
};
