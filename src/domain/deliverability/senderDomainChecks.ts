import { dkimCheck } from "./dkimCheck";
import { dmarcCheck } from "./dmarcCheck";
import { ipBytes, ipInRange, isIpv6 } from "./ipInRange";
import { spfCheck } from "./spfCheck";
import type { DnsLookup, SenderDomainCheck, SenderDomainInput } from "./senderDomainTypes";

const result = (
  check: SenderDomainCheck["check"],
  r: SenderDomainCheck["result"],
  message: string,
  evidence?: string,
): SenderDomainCheck => ({ check, result: r, message, ...(evidence ? { evidence } : {}) });

/** Replies and bounces come back through the domain's MX; RFC 7505's null MX (".") says there is none. */
async function mxCheck(lookup: DnsLookup, domain: string): Promise<SenderDomainCheck> {
  const hosts = await lookup("mx", domain);
  if (hosts === null)
    return result("mx", "warn", `The MX records of ${domain} could not be looked up; check again later.`);
  const real = hosts.map((h) => h.trim().replace(/\.$/, "")).filter((h) => h !== "");
  if (!real.length)
    return result(
      "mx",
      "warn",
      `${domain} has no MX record, so replies and bounces have no way back: add the MX records your mail provider gives you.`,
      hosts.join(", ") || undefined,
    );
  return result("mx", "pass", `Mail for ${domain} is received by ${real.join(", ")}.`);
}

/** Reverse DNS of the SMTP host's address, confirmed forward (the name resolves back to the address). */
async function ptrCheck(
  lookup: DnsLookup,
  smtp: { host: string; addresses: string[] },
): Promise<SenderDomainCheck> {
  const ip = smtp.addresses[0];
  if (!ip)
    return result(
      "ptr",
      "warn",
      `The SMTP host ${smtp.host} has no address in DNS: check the host name on the sender.`,
    );
  const names = await lookup("ptr", ip);
  if (names === null)
    return result("ptr", "warn", `The reverse DNS of ${ip} could not be looked up; check again later.`);
  if (!names.length)
    return result(
      "ptr",
      "warn",
      `${ip} (${smtp.host}) has no reverse DNS name, which many receivers distrust: ask your mail or hosting provider to set one.`,
    );
  const name = names[0]!.replace(/\.$/, "");
  // Confirmed in the address's own family: an IPv6 address is looked for among the name's AAAA.
  const back = (await lookup(isIpv6(ip) ? "aaaa" : "a", name)) ?? [];
  if (!back.some((b) => ipInRange(ip, b)))
    return result(
      "ptr",
      "warn",
      `${ip} names itself ${name}, but ${name} does not point back to ${ip}: ask your provider to make them match.`,
      names.join(", "),
    );
  return result(
    "ptr",
    "pass",
    `${ip} has the reverse DNS name ${name}, which points back to it.`,
    names.join(", "),
  );
}

/** The SMTP host may connect out over either family, so SPF must allow its A and its AAAA addresses. */
async function addressesOf(lookup: DnsLookup, host: string): Promise<string[]> {
  const [v4, v6] = await Promise.all([lookup("a", host), lookup("aaaa", host)]);
  return [...(v4 ?? []), ...(v6 ?? [])];
}

/**
 * Every check on a sender's domain, from DNS answers given by `lookup`: what receivers will look
 * up when this sender's mail arrives, each with a result and one sentence on what to fix.
 * Look-ups are not cached here: the caller memoises `lookup` so shared names are asked once.
 */
export async function senderDomainChecks(
  input: SenderDomainInput,
  lookup: DnsLookup,
): Promise<SenderDomainCheck[]> {
  const domain = input.fromEmail.split("@").pop()!.trim().toLowerCase();
  const host = input.smtpHost?.trim().toLowerCase().replace(/\.$/, "") || null;
  const smtp = host ? { host, addresses: ipBytes(host) ? [host] : await addressesOf(lookup, host) } : null;
  const checks = [
    await mxCheck(lookup, domain),
    await spfCheck(lookup, domain, input.fromEmail, smtp),
    await dkimCheck(lookup, domain, input.dkimSelector?.trim() || null),
    await dmarcCheck(lookup, domain),
  ];
  if (smtp) checks.push(await ptrCheck(lookup, smtp));
  return checks;
}

/** Wraps a look-up so each (type, name) is asked once per run, as a receiver's resolver would cache it. */
export function memoLookup(lookup: DnsLookup): DnsLookup {
  const cache = new Map<string, Promise<string[] | null>>();
  return (type, name) => {
    const key = `${type} ${name.toLowerCase()}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = lookup(type, name.toLowerCase())));
    return p;
  };
}
