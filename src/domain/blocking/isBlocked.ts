import { normaliseDomain, normaliseEmail } from "../identity/normaliseEmail";

export type Blocklist = { domains: ReadonlySet<string>; emails: ReadonlySet<string> };
export type BlockEntry = { kind: "domain" | "email"; value: string };

/** "acme.com", "@acme.com", "*.acme.com", "https://www.acme.com/x" → domain; anything with a local part → email. */
export function parseBlocklistEntry(raw: string): BlockEntry | { error: string } {
  const s = raw.trim();
  if (!s) return { error: "empty entry" };
  if (/^[^@\s]+@[^@\s]+$/.test(s) && !s.startsWith("@")) {
    const e = normaliseEmail(s);
    return e ? { kind: "email", value: e } : { error: `"${s}" is not a valid email address` };
  }
  const d = normaliseDomain(s);
  return d ? { kind: "domain", value: d } : { error: `"${s}" is neither an email address nor a domain` };
}

/** One entry per line (or first CSV column); blank lines and # comments are skipped. */
export function parseBlocklistFile(text: string): {
  entries: BlockEntry[];
  errors: { line: number; error: string }[];
} {
  const entries: BlockEntry[] = [];
  const errors: { line: number; error: string }[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((rawLine, i) => {
      const first = rawLine
        .split(/[,;\t]/)[0]!
        .replace(/^"|"$/g, "")
        .trim();
      if (!first || first.startsWith("#") || (i === 0 && /^(domain|email|value|entry)s?$/i.test(first)))
        return;
      const r = parseBlocklistEntry(first);
      if ("error" in r) errors.push({ line: i + 1, error: r.error });
      else entries.push(r);
    });
  return { entries, errors };
}

function domainMatches(domain: string | null | undefined, blocked: ReadonlySet<string>): string | null {
  let d = domain ?? "";
  while (d.includes(".")) {
    if (blocked.has(d)) return d;
    d = d.slice(d.indexOf(".") + 1);
  }
  return null;
}

/** The one check every send path calls: a blocked domain also blocks its subdomains. */
export function isBlocked(
  lead: { email?: string | null; companyDomain?: string | null },
  list: Blocklist,
): { blocked: false } | { blocked: true; reason: string } {
  const email = normaliseEmail(lead.email);
  if (email && list.emails.has(email)) return { blocked: true, reason: `email ${email} is blocklisted` };
  const byEmail = domainMatches(email?.split("@")[1], list.domains);
  if (byEmail) return { blocked: true, reason: `domain ${byEmail} is blocklisted` };
  const byCompany = domainMatches(normaliseDomain(lead.companyDomain), list.domains);
  if (byCompany) return { blocked: true, reason: `domain ${byCompany} is blocklisted` };
  return { blocked: false };
}
