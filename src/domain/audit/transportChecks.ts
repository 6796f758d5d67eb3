import type { CheckContext, FindingDraft } from "./auditCheck";
import { formatDuration, plural } from "./textUtils";

// Thresholds for the time to the final response: users notice ~1 s; 800 ms leaves room for assets.
export const SLOW_MINOR_MS = 800;
export const SLOW_MAJOR_MS = 1500;
/** Two hops (http→https, apex→www) are normal; a third is a misconfiguration. */
export const MAX_REDIRECTS = 2;

const STATUS_TEXT: Record<number, string> = {
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  410: "Gone",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export const statusLabel = (status: number) =>
  STATUS_TEXT[status] ? `HTTP ${status} (${STATUS_TEXT[status]})` : `HTTP ${status}`;

/** Fetch errors in words a non-engineer can act on; the raw error stays in the evidence. */
function explainFetchError(error: string): string {
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|NXDOMAIN/i.test(error)) return "the domain name does not resolve";
  if (/ECONNREFUSED/i.test(error)) return "the server refused the connection";
  if (/ECONNRESET|socket hang up/i.test(error)) return "the server dropped the connection";
  if (/time(d)?\s?out|ETIMEDOUT/i.test(error)) return "the server did not answer in time";
  if (/cert|SSL|TLS|self.signed/i.test(error)) return "its HTTPS certificate is not valid";
  if (/redirect/i.test(error)) return "it redirects in a loop or too many times";
  return "no response came back";
}

export const isReachable = (ctx: CheckContext) =>
  ctx.o.fetchError === null && ctx.final !== null && ctx.o.status !== null;

function unreachable({ o }: CheckContext): FindingDraft {
  const error = o.fetchError ?? "no response";
  return {
    code: "unreachable",
    severity: "critical",
    title: "Website unreachable",
    detail: `Loading ${o.requestedUrl} failed: ${explainFetchError(error)}. Visitors and search engines see nothing.`,
    evidence: error,
  };
}

function httpStatus({ o, final }: CheckContext): FindingDraft | null {
  const status = o.status!;
  if (status >= 200 && status <= 299) return null;
  const where = final!.href;
  // A 403/429 is often a bot firewall answering the audit, not what a visitor gets, so it is not
  // graded like a broken site; every other error means visitors get an error page too.
  if (status === 403 || status === 429) {
    return {
      code: "http-status",
      severity: "major",
      title: `Homepage refuses automated visits (HTTP ${status})`,
      detail: `${where} answered ${statusLabel(status)}. This is usually a firewall blocking bots, which can keep search engines and link previews out as well.`,
      evidence: `${status} ${where}`,
    };
  }
  const error = status >= 400;
  return {
    code: "http-status",
    severity: error ? "critical" : "major",
    title: `Homepage returns HTTP ${status}`,
    detail: error
      ? `${where} answered ${statusLabel(status)}, so visitors get an error page instead of the site.`
      : `${where} answered ${statusLabel(status)} instead of a page.`,
    evidence: `${status} ${where}`,
  };
}

function https({ o, final, requested }: CheckContext): FindingDraft | null {
  if (final!.protocol !== "http:") return null;
  if (requested?.protocol === "https:") {
    return {
      code: "no-https",
      severity: "major",
      title: "No HTTPS",
      detail: `${o.requestedUrl} redirects to plain HTTP (${final!.href}); browsers mark the page “Not secure” and form data travels unencrypted.`,
      evidence: final!.href,
    };
  }
  const probe = o.httpsProbe ?? null;
  const probeWorks =
    probe !== null &&
    probe.error === null &&
    probe.status !== null &&
    probe.status >= 200 &&
    probe.status < 400;
  if (probeWorks) {
    // Modern browsers try HTTPS first for typed addresses, so this hurts less than no HTTPS at all.
    return {
      code: "no-https-redirect",
      severity: "minor",
      title: "HTTP does not redirect to HTTPS",
      detail: `${probe.url} works, but ${final!.href} stays on plain HTTP instead of redirecting there, so links and older browsers land on the “Not secure” version.`,
      evidence: `${final!.href} → ${o.status}`,
    };
  }
  const probeNote = probe
    ? ` ${probe.url} failed too (${probe.error ?? (probe.status === null ? "no response" : `HTTP ${probe.status}`)}).`
    : "";
  return {
    code: "no-https",
    severity: "major",
    title: "No HTTPS",
    detail: `The site is served over plain HTTP (${final!.href}); browsers mark it “Not secure” and form data travels unencrypted.${probeNote}`,
    evidence: final!.href,
  };
}

function redirectChain({ o, final }: CheckContext): FindingDraft | null {
  if (o.redirects.length <= MAX_REDIRECTS) return null;
  const chain = [o.redirects[0].from, ...o.redirects.map((r) => `(${r.status}) ${r.to}`)].join(" → ");
  return {
    code: "redirect-chain",
    severity: "minor",
    title: "Long redirect chain",
    detail: `${o.requestedUrl} redirects ${plural(o.redirects.length, "time")} before reaching ${final!.href}; every hop adds a round trip before anything shows.`,
    evidence: chain,
  };
}

function slowResponse({ o }: CheckContext): FindingDraft | null {
  const ms = o.responseMs;
  if (ms === null || ms <= SLOW_MINOR_MS) return null;
  return {
    code: "slow-response",
    severity: ms > SLOW_MAJOR_MS ? "major" : "minor",
    title: "Slow server response",
    detail: `The server took ${formatDuration(ms)} to answer; aim for under ${formatDuration(SLOW_MINOR_MS)}. Visitors start leaving after about a second.`,
    evidence: `${Math.round(ms)} ms`,
  };
}

function hsts({ o, final }: CheckContext): FindingDraft | null {
  if (final!.protocol !== "https:") return null;
  const header = o.headers["strict-transport-security"]?.trim() ?? "";
  const disabled = /(^|;)\s*max-age\s*=\s*"?0+"?\s*(;|$)/i.test(header);
  if (header !== "" && !disabled) return null;
  return {
    code: "hsts-missing",
    severity: "minor",
    title: "HSTS header missing",
    detail: disabled
      ? `Strict-Transport-Security is sent with max-age=0, which switches HSTS off, so a visitor's first request can still be downgraded to HTTP.`
      : `The site uses HTTPS but sends no Strict-Transport-Security header, so a visitor's first request can still be downgraded to HTTP.`,
    ...(header ? { evidence: `strict-transport-security: ${header}` } : {}),
  };
}

/** Checks on how the homepage is served: reachability, status, HTTPS, redirects, speed. */
export function transportChecks(ctx: CheckContext): FindingDraft[] {
  if (!isReachable(ctx)) return [unreachable(ctx)];
  return [httpStatus, https, redirectChain, slowResponse, hsts]
    .map((check) => check(ctx))
    .filter((f): f is FindingDraft => f !== null);
}
