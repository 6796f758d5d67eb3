import { getDomain, parse } from "tldts";

/**
 * The host named by an email address, URL or bare domain: lower-case, IDN as punycode, without a
 * trailing root dot, `www.`, port, path or credentials. Null for IP literals, single labels
 * ("localhost") and bare suffixes ("co.uk"): no company is named there. An unlisted top-level label
 * counts as a suffix, as the public suffix list's default rule says, so "acme.example" and
 * "intranet.corp" stay usable.
 */
export function hostOf(raw: string | null | undefined): string | null {
  let s = (raw ?? "").trim();
  if (!s) return null;
  s = s.replace(/^mailto:/i, "").replace(/^<(.*)>$/, "$1");
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    const at = s.lastIndexOf("@");
    s = `http://${(at >= 0 ? s.slice(at + 1) : s).replace(/^\*\./, "")}`;
  }
  let host: string;
  try {
    // The WHATWG parser lower-cases, converts IDN to punycode and rejects malformed hosts.
    host = new URL(s).hostname.replace(/\.+$/, "");
  } catch {
    return null;
  }
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp || !info.domain) return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  return host !== info.domain ? host.replace(/^www\d*\./, "") : host;
}

/**
 * The company domain: the registrable domain of the host ("https://eu.shop.acme.com.au/x" →
 * "acme.com.au", "jo@mail.acme.co.uk" → "acme.co.uk"). Hosting suffixes on the public suffix
 * list's private section count as suffixes, so "acme.netlify.app" stays itself rather than
 * becoming "netlify.app", a domain that names every customer of the host.
 */
export function companyDomainOf(raw: string | null | undefined): string | null {
  const host = hostOf(raw);
  return host ? getDomain(host, { allowPrivateDomains: true }) : null;
}
