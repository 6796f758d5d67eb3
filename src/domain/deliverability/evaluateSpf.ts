import { ipInRange, isIpv6 } from "./ipInRange";
import { isSpfRecord, type ParsedSpf, parseSpf, SPF_QUERYING, type SpfMechanism } from "./parseSpf";
import type { DnsLookup } from "./senderDomainTypes";

export type SpfOutcome = "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";

/** The one SPF record of a domain: null when the look-up failed, an error text when there is none or several. */
export async function spfRecordOf(lookup: DnsLookup, domain: string): Promise<ParsedSpf | string | null> {
  const txt = await lookup("txt", domain);
  if (txt === null) return null;
  const records = txt.filter(isSpfRecord);
  if (records.length === 0) return `${domain} has no SPF record`;
  if (records.length > 1) return `${domain} has ${records.length} SPF records`;
  const parsed = parseSpf(records[0]!);
  return "error" in parsed ? `the term "${parsed.error}" at ${domain} is not valid SPF` : parsed;
}

/** Expands the common macros (%{i}, %{ir}, %{d}, %{s}, %{l}, %{o}); null for the ones we do not evaluate. */
function expand(spec: string, ip: string, domain: string, sender: string): string | null {
  const [local = "", senderDomain = domain] = sender.split("@");
  const values: Record<string, string> = { i: ip, d: domain, s: sender, l: local, o: senderDomain };
  let unknown = false;
  const out = spec.replace(/%\{([a-z])(r?)\}|%%|%_|%-/gi, (all, letter?: string, reverse?: string) => {
    if (all === "%%") return "%";
    if (all === "%_") return " ";
    if (all === "%-") return "%20";
    const v = values[letter!.toLowerCase()];
    if (v === undefined || (letter === "i" && isIpv6(ip))) {
      unknown = true;
      return "";
    }
    return reverse ? v.split(".").reverse().join(".") : v;
  });
  return unknown || out.includes("%") ? null : out;
}

type Eval = { lookup: DnsLookup; ip: string; sender: string; depth: number };

/**
 * RFC 7208 §5.3/§5.4: a and mx compare the ip with the host's addresses of the ip's own family, so
 * an IPv6 client is matched against AAAA records with the ip6 prefix ("a/24//64"), IPv4 against A.
 */
async function addressesMatch(e: Eval, host: string, m: SpfMechanism): Promise<boolean | null> {
  const v6 = isIpv6(e.ip);
  const addrs = await e.lookup(v6 ? "aaaa" : "a", host);
  return addrs === null ? null : addrs.some((a) => ipInRange(e.ip, a, v6 ? m.cidr6 : m.cidr4));
}

async function matches(e: Eval, domain: string, m: SpfMechanism): Promise<boolean | SpfOutcome> {
  const target = m.value === null ? domain : expand(m.value, e.ip, domain, e.sender);
  if (target === null) return false;
  switch (m.name) {
    case "all":
      return true;
    case "ip4":
    case "ip6":
      return ipInRange(e.ip, target, m.name === "ip4" ? m.cidr4 : m.cidr6);
    case "include": {
      const r = await checkHost({ ...e, depth: e.depth + 1 }, target);
      if (r === "pass") return true;
      if (r === "none" || r === "permerror") return "permerror";
      return r === "temperror" ? r : false;
    }
    case "a":
      return (await addressesMatch(e, target, m)) ?? "temperror";
    case "mx": {
      const hosts = await e.lookup("mx", target);
      if (hosts === null) return "temperror";
      for (const h of hosts.slice(0, 10)) if (await addressesMatch(e, h, m)) return true;
      return false;
    }
    case "ptr": {
      const names = (await e.lookup("ptr", e.ip)) ?? [];
      for (const n of names.slice(0, 10)) {
        const name = n.toLowerCase().replace(/\.$/, "");
        if ((name === target || name.endsWith(`.${target}`)) && (await addressesMatch(e, name, m)))
          return true;
      }
      return false;
    }
    case "exists":
      return !!(await e.lookup("a", target))?.length;
  }
}

const OUTCOME: Record<string, SpfOutcome> = { "+": "pass", "-": "fail", "~": "softfail", "?": "neutral" };

/** RFC 7208 check_host(): what a receiver concludes of mail from `ip` for `domain`. */
export async function checkHost(e: Eval, domain: string): Promise<SpfOutcome> {
  if (e.depth > 10) return "permerror";
  const spf = await spfRecordOf(e.lookup, domain);
  if (spf === null) return "temperror";
  if (typeof spf === "string") return spf.endsWith("no SPF record") ? "none" : "permerror";
  for (const m of spf.mechanisms) {
    const r = await matches(e, domain, m);
    if (r === true) return OUTCOME[m.qualifier]!;
    if (r !== false) return r;
  }
  if (spf.redirect === null) return "neutral";
  const r = await checkHost({ ...e, depth: e.depth + 1 }, spf.redirect);
  return r === "none" ? "permerror" : r;
}

export type SpfTree = {
  /** DNS-querying terms over the record and everything it includes or redirects to. */
  lookups: number;
  /** Why the tree is broken (an include without SPF, a bad term), or null. */
  problem: string | null;
  /** An include could not be looked up, so the count may be short. */
  incomplete: boolean;
  /** The qualifier of the "all" that ends the evaluation (following redirect), or null. */
  all: SpfMechanism["qualifier"] | null;
};

/** Walks the record's includes and redirects once each, counting look-ups as receivers do. */
export async function spfTree(lookup: DnsLookup, root: ParsedSpf, rootDomain: string): Promise<SpfTree> {
  const tree: SpfTree = { lookups: 0, problem: null, incomplete: false, all: null };
  const seen = new Set([rootDomain]);
  const walk = async (spf: ParsedSpf, top: boolean) => {
    for (const m of spf.mechanisms) {
      if (SPF_QUERYING.has(m.name)) tree.lookups++;
      if (top && m.name === "all" && tree.all === null) tree.all = m.qualifier;
      if (m.name === "include" && m.value && !m.value.includes("%")) await follow(m.value, false);
    }
    if (spf.redirect) {
      tree.lookups++;
      await follow(spf.redirect, top && !spf.mechanisms.some((m) => m.name === "all"));
    }
  };
  const follow = async (domain: string, top: boolean) => {
    if (seen.has(domain) || tree.lookups > 10) return;
    seen.add(domain);
    const spf = await spfRecordOf(lookup, domain);
    if (spf === null) tree.incomplete = true;
    else if (typeof spf === "string") tree.problem ??= spf;
    else await walk(spf, top);
  };
  await walk(root, true);
  return tree;
}
