// A registrable suffix such as "com", "de", "co.uk" or "com.br": one or two short ASCII labels.
const COUNTRY_SUFFIX = /^(?:[a-z]{2,3}\.)?[a-z]{2,3}$/;

/** Lower-cased, without a trailing root dot. */
export function canonicalDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * Whether `domain` is listed, or is `<brand>.<suffix>` for one of `brands` (so "yahoo.co.jp" is
 * covered without listing every country). With `subdomains`, "x.mailinator.com" counts too:
 * disposable services hand out subdomains, free-mail providers do not.
 */
export function domainInList(
  domain: string,
  list: ReadonlySet<string>,
  brands: ReadonlySet<string>,
  subdomains: boolean,
): boolean {
  const labels = canonicalDomain(domain).split(".");
  const starts = subdomains ? labels.map((_, i) => i) : [0];
  return starts.some((i) => {
    if (list.has(labels.slice(i).join("."))) return true;
    return brands.has(labels[i]!) && COUNTRY_SUFFIX.test(labels.slice(i + 1).join("."));
  });
}
