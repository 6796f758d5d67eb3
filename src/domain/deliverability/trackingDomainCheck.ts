import { getDomain, parse } from "tldts";
import type { CheckResult, DnsLookup } from "./senderDomainTypes";

/**
 * A custom tracking domain is a host name on the sender's own domain (track.acme.com) whose CNAME
 * points to Overture's public host, so open pixels, click links and unsubscribe links carry the
 * sender's domain instead of one shared by everyone who tracks through the same server.
 */
export type TrackingDomainVerdict = {
  result: Extract<CheckResult, "pass" | "fail">;
  /** One sentence: what was found, and on a failure the record to add or change. */
  message: string;
  /** What the name pointed to when checked (its CNAME, else its addresses). */
  evidence: string;
};

/**
 * The host name a person typed, in the one spelling links use, or a sentence on what is wrong with
 * it. A pasted URL ("https://track.acme.com/") is accepted for its host.
 */
export function normalizeTrackingDomain(input: string): { domain: string } | { problem: string } {
  let text = input.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { problem: `"${input.trim()}" is not a host name` };
    }
  }
  text = text.replace(/\.$/, "");
  if (!text) return { problem: "enter a host name such as track.yourdomain.com" };
  const p = parse(text);
  if (p.isIp) return { problem: "a tracking domain is a host name, not an address" };
  if (text.length > 253 || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text) || text.split(".").some(bad))
    return { problem: `"${input.trim()}" is not a valid host name` };
  if (!p.isIcann || !p.domain)
    return { problem: `"${text}" is not under a public domain, so recipients could not reach it` };
  return { domain: text };
}
const bad = (label: string) => !label || label.length > 63 || label.startsWith("-") || label.endsWith("-");

/** Names recipients cannot look up: an address, a single label, or a local-only suffix. */
export function unreachableTarget(host: string) {
  return (
    !!parse(host).isIp ||
    !host.includes(".") ||
    /\.(local|localhost|internal)$/.test(host) ||
    host === "localhost"
  );
}

const sameSet = (a: string[], b: string[]) =>
  a.length > 0 && a.length === b.length && a.every((x) => b.includes(x));

/**
 * Checks that `domain` leads to `target` (Overture's public host): its CNAME names the target, or,
 * for a provider that flattens CNAMEs, it resolves to exactly the target's addresses.
 */
export async function checkTrackingDomain(
  domain: string,
  target: string,
  lookup: DnsLookup,
): Promise<TrackingDomainVerdict> {
  const fix = `Add a DNS record: ${domain} CNAME ${target}.`;
  if (unreachableTarget(target))
    return {
      result: "fail",
      message: `Overture's public address is ${target}, which recipients cannot reach by name: set PUBLIC_URL to the host name recipients reach, then point ${domain} to it with a CNAME record.`,
      evidence: "",
    };
  const cname = await lookup("cname", domain);
  if (cname === null)
    return {
      result: "fail",
      message: `The look-up of ${domain} failed, so it could not be checked; try again in a minute.`,
      evidence: "",
    };
  if (cname.includes(target))
    return {
      result: "pass",
      message: `${domain} points to ${target}.${alignment(domain)}`,
      evidence: cname.join(", "),
    };
  if (cname.length)
    return {
      result: "fail",
      message: `${domain} points to ${cname.join(", ")}, not to ${target}: change its CNAME record to ${target}.`,
      evidence: cname.join(", "),
    };
  const [mine, theirs] = await Promise.all([lookup("a", domain), lookup("a", target)]);
  if (mine && theirs && sameSet(mine, theirs))
    return {
      result: "pass",
      message: `${domain} resolves to the same addresses as ${target} (a flattened CNAME).${alignment(domain)}`,
      evidence: mine.join(", "),
    };
  return {
    result: "fail",
    message: mine?.length
      ? `${domain} resolves to ${mine.join(", ")}, not to ${target}. Replace its A record with a CNAME record: ${domain} CNAME ${target}.`
      : `${domain} has no CNAME record. ${fix}`,
    evidence: mine?.join(", ") ?? "",
  };
}

/** A pass still notes a tracking domain that is the registrable domain itself (its mail would share it). */
function alignment(domain: string) {
  return getDomain(domain) === domain
    ? ` Links now carry ${domain} itself; a sub-domain such as track.${domain} keeps them apart from its mail.`
    : "";
}
