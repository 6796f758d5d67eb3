import providers from "email-providers/all.json" with { type: "json" };
import { getDomain, getPublicSuffix } from "tldts";
import { hostOf } from "./companyDomain";

/**
 * Consumer mailbox providers and ISPs: an address there names a person, not an employer.
 * `email-providers` (goware's list, ~8.7k domains) is the base; these are the ones it lacks, and the
 * brands below cover every country domain a provider runs its one service under.
 */
const EXTRA: readonly string[] = [
  "passport.com",
  "tutanota.com",
  "tutanota.de",
  "tuta.io",
  "tuta.com",
  "fastmail.com",
  "zohomail.com",
  "ocn.ne.jp",
  "rr.com",
];

// `<brand>.<country suffix>`: "hotmail.fr", "yahoo.co.uk", "gmx.at", "outlook.de", "live.co.uk"...
const BRANDS: ReadonlySet<string> = new Set([
  "hotmail",
  "outlook",
  "live",
  "msn",
  "windowslive",
  "yahoo",
  "ymail",
  "gmx",
  "yandex",
  "aol",
  "gmail",
  "googlemail",
  "icloud",
  "orange",
  "wanadoo",
  "libero",
  "tiscali",
  "protonmail",
]);

let known: ReadonlySet<string> | null = null;
const list = () => (known ??= new Set([...(providers as string[]), ...EXTRA]));

/** A suffix a provider would run a country edition under: "fr", "co.uk", "com.br", "com", "net". */
const countrySuffix = (suffix: string) =>
  /^(?:(?:co|com|net|org|ne|or)\.)?[a-z]{2}$|^(?:com|net)$/.test(suffix);

/**
 * Whether an email address or domain belongs to a consumer mailbox provider or an ISP. The host and
 * its registrable domain are both looked up, so regional ISP hosts ("nyc.rr.com") count as well.
 */
export function isFreeMailDomain(emailOrDomain: string | null | undefined): boolean {
  const host = hostOf(emailOrDomain);
  if (!host) return false;
  const domain = getDomain(host, { allowPrivateDomains: false }) ?? host;
  if (list().has(host) || list().has(domain)) return true;
  const suffix = getPublicSuffix(domain, { allowPrivateDomains: false }) ?? "";
  const brand = domain.slice(0, domain.length - suffix.length - 1);
  return BRANDS.has(brand) && countrySuffix(suffix);
}
