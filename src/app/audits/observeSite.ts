import { type AuditObservations, extractPageFacts, sampleInternalLinks } from "../../domain/audit";
import type { AppContext } from "../context";
import { dnsRecords } from "../net/dnsRecords";
import { BlockedUrlError, safeFetch } from "../net/safeFetch";

const errorText = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return err.code && !err.message?.includes(err.code)
    ? `${err.code}: ${err.message}`
    : (err.message ?? String(e));
};

/**
 * Everything the audit looks at, fetched with the SSRF guard: the homepage (redirects followed and
 * recorded), the https:// version when the site ends on plain http, a sample of internal links, and
 * the domain's SPF, DMARC and MX records.
 */
export async function observeSite(ctx: AppContext, domain: string): Promise<AuditObservations> {
  const guard = { allowPrivate: ctx.config.fetchAllowPrivate, timeoutMs: 10_000, maxBytes: 3_000_000 };
  const requestedUrl = /^https?:\/\//i.test(domain) ? domain : `http://${domain}`;
  const host = new URL(requestedUrl).hostname.replace(/^www\./, "");
  const dns = dnsRecords(ctx);
  const records = Promise.all([dns.txt(host), dns.txt(`_dmarc.${host}`), dns.mx(host)]);
  const obs: AuditObservations = {
    requestedUrl,
    finalUrl: null,
    redirects: [],
    fetchError: null,
    status: null,
    responseMs: null,
    html: null,
    bytes: null,
    headers: {},
    internalLinksChecked: [],
    httpsProbe: null,
    dns: { domain: host, spf: null, dmarc: null, mx: null },
  };
  try {
    const res = await safeFetch(requestedUrl, guard);
    obs.finalUrl = res.url;
    obs.redirects = res.redirects;
    obs.status = res.status;
    obs.responseMs = res.ms;
    obs.headers = res.headers;
    obs.bytes = res.bytes;
    const type = res.headers["content-type"] ?? "";
    if (!type || /html|xml/i.test(type)) obs.html = res.body.toString("utf8");
  } catch (e) {
    obs.fetchError = errorText(e);
    // A redirect loop is the site's fault; every other refusal of the guard is ours.
    obs.fetchRefused = e instanceof BlockedUrlError && !/redirects/.test((e as Error).message);
  }
  if (obs.finalUrl?.startsWith("http:")) {
    const https = obs.finalUrl.replace(/^http:/, "https:");
    try {
      const r = await safeFetch(https, { ...guard, maxBytes: 100_000 });
      obs.httpsProbe = { url: https, status: r.status, error: null };
    } catch (e) {
      obs.httpsProbe = { url: https, status: null, error: errorText(e) };
    }
  }
  if (obs.html && obs.finalUrl && obs.status && obs.status < 400) {
    const links = sampleInternalLinks(extractPageFacts(obs.html, obs.finalUrl), 5);
    obs.internalLinksChecked = await Promise.all(
      links.map(async (url) => {
        try {
          const r = await safeFetch(url, { ...guard, timeoutMs: 5_000, maxBytes: 50_000 });
          return { url, status: r.status, error: null };
        } catch (e) {
          return { url, status: null, error: errorText(e) };
        }
      }),
    );
  }
  const [txt, dmarc, mx] = await records;
  obs.dns = {
    domain: host,
    spf: txt,
    dmarc,
    mx,
  };
  return obs;
}
