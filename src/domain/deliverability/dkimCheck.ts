import type { DnsLookup, SenderDomainCheck } from "./senderDomainTypes";

/** Selectors the big providers and mail servers use by default, tried when none is entered. */
export const COMMON_DKIM_SELECTORS = [
  "default",
  "google",
  "selector1",
  "selector2",
  "k1",
  "s1",
  "mail",
  "dkim",
];

type Key = {
  selector: string;
  state: "key" | "revoked" | "invalid" | "missing" | "unknown";
  evidence?: string;
};

/** The DKIM key at `<selector>._domainkey.<domain>` (RFC 6376 §3.6.1): its p= is the public key, empty when revoked. */
async function keyAt(lookup: DnsLookup, selector: string, domain: string): Promise<Key> {
  const txt = await lookup("txt", `${selector}._domainkey.${domain}`);
  if (txt === null) return { selector, state: "unknown" };
  const records = txt.filter((t) => /(^|;)\s*p\s*=/i.test(t) || /^v\s*=\s*DKIM1/i.test(t.trim()));
  if (!records.length) return { selector, state: "missing" };
  const record = records[0]!;
  const tags = Object.fromEntries(
    record
      .split(";")
      .map((p) => [p.slice(0, p.indexOf("=")).trim().toLowerCase(), p.slice(p.indexOf("=") + 1).trim()]),
  );
  if (tags.v !== undefined && tags.v !== "DKIM1") return { selector, state: "invalid", evidence: record };
  if (tags.p === undefined) return { selector, state: "invalid", evidence: record };
  return { selector, state: tags.p.replace(/\s+/g, "") ? "key" : "revoked", evidence: record };
}

const dkim = (
  result: SenderDomainCheck["result"],
  message: string,
  evidence?: string,
): SenderDomainCheck => ({
  check: "dkim",
  result,
  message,
  ...(evidence ? { evidence } : {}),
});

/** DKIM: the entered selector must publish a key; without one, the first common selector that does. */
export async function dkimCheck(
  lookup: DnsLookup,
  domain: string,
  selector: string | null,
): Promise<SenderDomainCheck> {
  const tried = selector ? [selector] : COMMON_DKIM_SELECTORS;
  const keys: Key[] = [];
  for (const s of tried) {
    const k = await keyAt(lookup, s, domain);
    if (k.state === "key") return dkim("pass", `A DKIM key is published for selector "${s}".`, k.evidence);
    keys.push(k);
  }
  const name = (s: string) => `${s}._domainkey.${domain}`;
  const revoked = keys.find((k) => k.state === "revoked");
  if (revoked)
    return dkim(
      "fail",
      `The DKIM key at ${name(revoked.selector)} is revoked (empty p=): publish the current key from your mail provider.`,
      revoked.evidence,
    );
  const invalid = keys.find((k) => k.state === "invalid");
  if (invalid)
    return dkim(
      "fail",
      `The DKIM record at ${name(invalid.selector)} is not a valid key (it needs v=DKIM1 and p=): copy it again from your mail provider.`,
      invalid.evidence,
    );
  if (keys.some((k) => k.state === "unknown"))
    return dkim(
      "warn",
      `The DKIM record${selector ? ` at ${name(selector)}` : "s"} could not be looked up; check again later.`,
    );
  if (selector)
    return dkim(
      "fail",
      `No DKIM key is published at ${name(selector)}: turn on DKIM signing at your mail provider and publish the TXT record it gives you.`,
    );
  return dkim(
    "warn",
    `No DKIM key was found under the common selectors: enter the selector your mail provider signs with (the s= in a sent message's DKIM-Signature header).`,
  );
}
