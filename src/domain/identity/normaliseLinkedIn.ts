export type LinkedInIdentity = { kind: "in" | "sales"; slug: string; url: string };

const LINKEDIN_HOST = /^([a-z]{2,3}\.|www\.|m\.|mobile\.)?linkedin\.com$/;

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Reduces any LinkedIn profile URL to one identity. `/in/<slug>` profiles compare by slug, case-
 * insensitively; legacy `/pub/<name>/<a>/<b>/<c>` URLs map to the slug LinkedIn redirects them to
 * (`<name>-<c><b><a>`); Sales Navigator lead URLs carry an opaque, case-sensitive id that cannot be
 * tied to a public slug offline, so they are their own kind.
 */
export function normaliseLinkedInUrl(raw: string | null | undefined): LinkedInIdentity | null {
  const input = (raw ?? "").trim();
  if (!input) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(input) ? input : `https://${input.replace(/^\/\//, "")}`);
  } catch {
    return null;
  }
  if (!LINKEDIN_HOST.test(url.hostname.toLowerCase())) return null;
  const parts = url.pathname.split("/").filter(Boolean).map(safeDecode);
  const [first, second] = parts;
  const head = first?.toLowerCase();
  if ((head === "in" || head === "pub") && second) {
    let slug = second.toLowerCase().trim();
    if (head === "pub" && parts.length >= 5) slug = `${slug}-${parts[4]}${parts[3]}${parts[2]}`.toLowerCase();
    if (!/^[\p{L}\p{N}_.-]{2,100}$/u.test(slug)) return null;
    return { kind: "in", slug, url: `https://www.linkedin.com/in/${encodeURIComponent(slug)}` };
  }
  if (head === "sales" && (second === "lead" || second === "people") && parts[2]) {
    const id = parts[2].split(",")[0]!.trim();
    if (!/^[A-Za-z0-9_-]{6,}$/.test(id)) return null;
    return { kind: "sales", slug: id, url: `https://www.linkedin.com/sales/lead/${id}` };
  }
  return null;
}

export function linkedInKey(id: LinkedInIdentity): string {
  return `${id.kind === "in" ? "li" : "sn"}:${id.slug}`;
}
