export type SpfQualifier = "+" | "-" | "~" | "?";

export type SpfMechanism = {
  qualifier: SpfQualifier;
  name: "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";
  /** The domain-spec or the network, as written; null when left out (a, mx, ptr default to the domain). */
  value: string | null;
  cidr4?: number;
  cidr6?: number;
};

export type ParsedSpf = { mechanisms: SpfMechanism[]; redirect: string | null; raw: string };

export const isSpfRecord = (txt: string) => /^v=spf1(\s|$)/i.test(txt.trim());

/** Mechanisms that cost a DNS query when evaluated (RFC 7208 §4.6.4 caps them at 10, redirect included). */
export const SPF_QUERYING = new Set(["include", "a", "mx", "ptr", "exists"]);

const MECHANISM =
  /^([+\-~?]?)(all|include|a|mx|ptr|ip4|ip6|exists)(?::([^/]+))?(?:\/(\d{1,3}))?(?:\/\/(\d{1,3}))?$/i;
// ip6 networks hold colons, so they are split on the slash only.
const IP_MECHANISM = /^([+\-~?]?)(ip4|ip6):([^/]+)(?:\/(\d{1,3}))?$/i;

/**
 * An SPF record's terms (RFC 7208 §4.6.1), or the first term that is not valid SPF: receivers treat
 * a record with one bad term as an error and ignore all of it.
 */
export function parseSpf(record: string): ParsedSpf | { error: string } {
  const terms = record.trim().split(/\s+/).slice(1);
  const mechanisms: SpfMechanism[] = [];
  let redirect: string | null = null;
  for (const term of terms) {
    const modifier = /^([a-z][a-z0-9\-_.]*)=(.*)$/i.exec(term);
    if (modifier) {
      if (modifier[1]!.toLowerCase() === "redirect") {
        if (redirect !== null || !modifier[2]) return { error: term };
        redirect = modifier[2].toLowerCase();
      }
      continue; // exp= and unknown modifiers are allowed and ignored
    }
    const ip = IP_MECHANISM.exec(term);
    const m = ip ?? MECHANISM.exec(term);
    if (!m) return { error: term };
    const name = m[2]!.toLowerCase() as SpfMechanism["name"];
    const value = m[3]?.toLowerCase() ?? null;
    if ((name === "include" || name === "exists" || name === "ip4" || name === "ip6") && !value)
      return { error: term };
    if (name === "all" && value !== null) return { error: term };
    const mech: SpfMechanism = { qualifier: (m[1] || "+") as SpfQualifier, name, value };
    const prefix = m[4] === undefined ? undefined : Number(m[4]);
    if (name === "ip6") mech.cidr6 = prefix;
    else mech.cidr4 = prefix;
    if (!ip && m[5] !== undefined) mech.cidr6 = Number(m[5]);
    if ((mech.cidr4 ?? 0) > 32 || (mech.cidr6 ?? 0) > 128) return { error: term };
    mechanisms.push(mech);
  }
  return { mechanisms, redirect, raw: record.trim() };
}
