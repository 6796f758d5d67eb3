import { checkHost, spfRecordOf, spfTree } from "./evaluateSpf";
import { isIpv6 } from "./ipInRange";
import type { DnsLookup, SenderDomainCheck } from "./senderDomainTypes";

const spf = (result: SenderDomainCheck["result"], message: string, evidence?: string): SenderDomainCheck => ({
  check: "spf",
  result,
  message,
  ...(evidence ? { evidence } : {}),
});

/**
 * SPF of the sender's domain: exactly one record, valid, at most 10 look-ups (RFC 7208 §4.6.4), not
 * ending in +all, and allowing the SMTP host's addresses (`smtpAddresses`; empty when unknown).
 */
export async function spfCheck(
  lookup: DnsLookup,
  domain: string,
  fromEmail: string,
  smtp: { host: string; addresses: string[] } | null,
): Promise<SenderDomainCheck> {
  const record = await spfRecordOf(lookup, domain);
  if (record === null)
    return spf("warn", `The TXT records of ${domain} could not be looked up; check again later.`);
  if (typeof record === "string") {
    const txt = (await lookup("txt", domain)) ?? [];
    const several = /has \d+ SPF records/.test(record);
    return spf(
      "fail",
      several
        ? `${domain} has ${txt.filter((t) => /^v=spf1/i.test(t)).length} SPF records and receivers then ignore SPF: merge them into one TXT record.`
        : record.endsWith("no SPF record")
          ? `${domain} has no SPF record: add a TXT record at ${domain} such as "v=spf1 include:<your provider's SPF domain> ~all".`
          : `The SPF record of ${domain} is invalid (${record.replace(/ at .*$/, "")}), so receivers ignore it: correct that term.`,
      txt.join("\n") || undefined,
    );
  }
  const tree = await spfTree(lookup, record, domain);
  const evidence = record.raw;
  if (tree.lookups > 10)
    return spf(
      "fail",
      `The SPF record of ${domain} needs ${tree.lookups} DNS look-ups and receivers stop at 10 (RFC 7208): remove includes you no longer use or replace some with ip4: ranges.`,
      evidence,
    );
  if (tree.problem)
    return spf(
      "fail",
      `The SPF record of ${domain} is broken because ${tree.problem}: remove or correct that include.`,
      evidence,
    );
  if (tree.all === "+")
    return spf(
      "fail",
      `The SPF record of ${domain} ends with +all, which lets any server send as you: change it to ~all or -all.`,
      evidence,
    );
  if (smtp) {
    if (!smtp.addresses.length)
      return spf(
        "warn",
        `The SMTP host ${smtp.host} has no address in DNS, so SPF could not be matched against it; check the host name.`,
        evidence,
      );
    for (const ip of smtp.addresses) {
      const outcome = await checkHost({ lookup, ip, sender: fromEmail, depth: 0 }, domain);
      if (outcome === "temperror")
        return spf(
          "warn",
          `Part of the SPF record of ${domain} could not be looked up; check again later.`,
          evidence,
        );
      if (outcome !== "pass")
        return spf(
          "fail",
          `The SPF record of ${domain} does not allow ${smtp.host} (${ip}) to send for it: add "${isIpv6(ip) ? "ip6" : "ip4"}:${ip}" or your provider's include.`,
          evidence,
        );
    }
  }
  if (tree.all === "?" || tree.all === null)
    return spf(
      "warn",
      `The SPF record of ${domain} ${tree.all === "?" ? "ends with ?all" : "has no all term"}, so mail from other servers is not marked: end it with ~all or -all.`,
      evidence,
    );
  if (tree.incomplete)
    return spf(
      "warn",
      `An include of the SPF record of ${domain} could not be looked up, so the look-up count may be short; check again later.`,
      evidence,
    );
  return spf(
    "pass",
    `SPF ${smtp ? `allows ${smtp.host}` : "is valid"}, uses ${tree.lookups} of 10 look-ups and ends with ${tree.all}all.`,
    evidence,
  );
}
