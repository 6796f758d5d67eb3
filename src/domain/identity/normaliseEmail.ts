import { hostOf } from "./companyDomain";

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Trimmed, lower-cased, `mailto:` and angle brackets removed; null when it is not an address. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  let s = (raw ?? "").trim().toLowerCase();
  if (s.startsWith("mailto:")) s = s.slice(7);
  s = s.replace(/^<(.*)>$/, "$1").trim();
  if (!s || s.length > 254) return null;
  return EMAIL.test(s) ? s : null;
}

/** Lower-cased host of a domain or URL ("https://www.Acme.com/about" → "acme.com"), subdomains kept. */
export const normaliseDomain = (raw: string | null | undefined): string | null => hostOf(raw);
