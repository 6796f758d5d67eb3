import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress } from "../../domain/net/isPrivateAddress";

export type SafeFetchOptions = {
  /** Hosts or IPs that may be private/loopback anyway (FETCH_ALLOW_PRIVATE; tests use 127.0.0.1). */
  allowPrivate: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** POST is for webhooks: redirects are not followed (a 3xx is the answer), the body is sent as is. */
  method?: "GET" | "HEAD" | "POST" | "DELETE";
  body?: string;
  headers?: Record<string, string>;
};

export type SafeResponse = {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body went past maxBytes and was cut there. */
  truncated: boolean;
  /** Bytes the server said (content-length) or we counted, whichever is larger. */
  bytes: number;
  redirects: { from: string; to: string; status: number }[];
  ms: number;
};

export class BlockedUrlError extends Error {}

/**
 * Fetches a user-supplied URL on the server without letting it reach inside our network: every
 * address a host name resolves to is checked at connection time (so DNS rebinding between a check and
 * the connect cannot slip through), literal IPs are checked too, redirects are followed by hand and
 * each hop is checked again, and time and size are bounded.
 */
export async function safeFetch(url: string, o: SafeFetchOptions): Promise<SafeResponse> {
  const started = performance.now();
  const redirects: SafeResponse["redirects"] = [];
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await fetchOnce(current, o);
    if (res.status >= 300 && res.status < 400 && res.headers.location && (o.method ?? "GET") === "GET") {
      if (hop >= (o.maxRedirects ?? 5))
        throw new BlockedUrlError(`more than ${o.maxRedirects ?? 5} redirects`);
      const next = new URL(res.headers.location, current).toString();
      redirects.push({ from: current, to: next, status: res.status });
      current = next;
      continue;
    }
    return { ...res, url: current, redirects, ms: Math.round(performance.now() - started) };
  }
}

function allowed(host: string, o: SafeFetchOptions) {
  return o.allowPrivate.includes(host.replace(/^\[|\]$/g, ""));
}

function fetchOnce(url: string, o: SafeFetchOptions) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.reject(new BlockedUrlError(`not a URL: ${url}`));
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    return Promise.reject(new BlockedUrlError(`only http and https URLs are fetched (${u.protocol})`));
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isPrivateAddress(host) && !allowed(host, o))
    return Promise.reject(new BlockedUrlError(`${host} is a private or loopback address`));
  const lookup = (
    hostname: string,
    opts: object,
    cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) =>
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return cb(err, []);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad && !allowed(hostname, o) && !allowed(bad.address, o))
        return cb(new BlockedUrlError(`${hostname} resolves to ${bad.address}, a private address`), []);
      if ((opts as { all?: boolean }).all) return cb(null, addresses);
      cb(null, addresses[0]!.address, addresses[0]!.family);
    });
  const maxBytes = o.maxBytes ?? 2_000_000;
  return new Promise<Omit<SafeResponse, "url" | "redirects" | "ms">>((resolve, reject) => {
    const req = (u.protocol === "https:" ? https : http).request(
      u,
      {
        method: o.method ?? "GET",
        lookup: lookup as never,
        timeout: o.timeoutMs ?? 10_000,
        headers: {
          "user-agent": "OvertureAudit/1.0 (+https://github.com/overture)",
          accept: "text/html,application/xhtml+xml,*/*;q=0.8",
          "accept-encoding": "identity",
          ...(o.body !== undefined ? { "content-length": String(Buffer.byteLength(o.body)) } : {}),
          ...o.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const headers = Object.fromEntries(
          Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
        );
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (truncated) return;
          if (size > maxBytes) {
            truncated = true;
            chunks.push(c.subarray(0, c.length - (size - maxBytes)));
            res.destroy();
            finish();
          } else chunks.push(c);
        });
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks),
            truncated,
            bytes: Math.max(size, Number(headers["content-length"] ?? 0) || 0),
          });
        };
        res.on("end", finish);
        res.on("error", (e) => (truncated ? finish() : reject(e)));
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`timeout after ${Math.round((o.timeoutMs ?? 10_000) / 1000)} s`)),
    );
    req.on("error", reject);
    req.end(o.body);
  });
}
