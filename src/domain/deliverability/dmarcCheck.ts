import { getDomain } from "tldts";
import type { DnsLookup, SenderDomainCheck } from "./senderDomainTypes";

const dmarc = (
  result: SenderDomainCheck["result"],
  message: string,
  evidence?: string,
): SenderDomainCheck => ({
  check: "dmarc",
  result,
  message,
  ...(evidence ? { evidence } : {}),
});

const ALLOWED: Record<string, RegExp> = {
  p: /^(none|quarantine|reject)$/i,
  sp: /^(none|quarantine|reject)$/i,
  adkim: /^[rs]$/i,
  aspf: /^[rs]$/i,
  pct: /^(100|[1-9]?\d)$/,
  fo: /^[01ds](:[01ds])*$/i,
};

/** The tags of a DMARC record (RFC 7489 §6.3), or what makes it malformed. */
export function parseDmarcRecord(record: string): Record<string, string> | { error: string } {
  const tags: Record<string, string> = {};
  const parts = record.split(";").map((p) => p.trim());
  if (parts.at(-1) === "") parts.pop();
  for (const [i, part] of parts.entries()) {
    const eq = part.indexOf("=");
    const name = part.slice(0, Math.max(eq, 0)).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (eq < 1 || !/^[a-z]+$/.test(name)) return { error: `"${part}" is not a tag=value pair` };
    if (i === 0 && (name !== "v" || value !== "DMARC1")) return { error: `it must start with "v=DMARC1;"` };
    if (ALLOWED[name] && !ALLOWED[name].test(value))
      return { error: `${name}=${value} is not a valid value` };
    tags[name] = value;
  }
  if (!tags.p) return { error: "it has no p= policy" };
  return tags;
}

const alignment = (tags: Record<string, string>) =>
  `DKIM alignment ${tags.adkim?.toLowerCase() === "s" ? "strict" : "relaxed"}, SPF alignment ${tags.aspf?.toLowerCase() === "s" ? "strict" : "relaxed"}`;

/** The DMARC records among a name's TXT records (null: the look-up failed). */
async function dmarcRecordsAt(lookup: DnsLookup, name: string) {
  const txt = await lookup("txt", name);
  if (txt === null) return null;
  return { txt, records: txt.filter((t) => /^v\s*=\s*dmarc1/i.test(t.trim())) };
}

/**
 * DMARC for mail from `domain`: exactly one well-formed record, and a policy that asks receivers to
 * act. A sender on a subdomain (mail.acme.com) without its own record is covered by the record of
 * its organizational domain (acme.com) as RFC 7489 §6.6.3 says, with that record's sp= policy (or
 * p= when there is none): receivers look there too, so the check does.
 */
export async function dmarcCheck(lookup: DnsLookup, domain: string): Promise<SenderDomainCheck> {
  const name = `_dmarc.${domain}`;
  const own = await dmarcRecordsAt(lookup, name);
  if (own === null)
    return dmarc("warn", `The DMARC record at ${name} could not be looked up; check again later.`);
  const org = getDomain(domain, { allowPrivateDomains: true });
  if (own.records.length === 0 && org && org !== domain) {
    const parent = await dmarcRecordsAt(lookup, `_dmarc.${org}`);
    if (parent === null)
      return dmarc("warn", `The DMARC record at _dmarc.${org} could not be looked up; check again later.`);
    if (parent.records.length > 0)
      return judge(parent.records, parent.txt, { domain, at: `_dmarc.${org}`, inherited: org });
  }
  return judge(own.records, own.txt, { domain, at: name, inherited: null });
}

function judge(
  records: string[],
  txt: string[],
  where: { domain: string; at: string; inherited: string | null },
): SenderDomainCheck {
  const { domain, at } = where;
  const owner = where.inherited ?? domain;
  const evidence = txt.join("\n") || undefined;
  const suggestion = `"v=DMARC1; p=quarantine; rua=mailto:dmarc@${owner}"`;
  if (records.length === 0)
    return dmarc(
      "fail",
      `${domain} has no DMARC record: add a TXT record at ${at} such as ${suggestion}.`,
      evidence,
    );
  if (records.length > 1)
    return dmarc(
      "fail",
      `${at} has ${records.length} DMARC records and receivers then apply none: keep exactly one.`,
      evidence,
    );
  const tags = parseDmarcRecord(records[0]!.trim());
  if ("error" in tags)
    return dmarc(
      "fail",
      `The DMARC record at ${at} is malformed (${tags.error}), so receivers ignore it: replace it with ${suggestion}.`,
      evidence,
    );
  // A subdomain without its own record gets the organizational domain's sp= (RFC 7489 §6.3).
  const tag = where.inherited && tags.sp ? "sp" : "p";
  const policy = tags[tag]!.toLowerCase();
  const from = where.inherited ? ` (from the record of ${where.inherited} at ${at})` : "";
  const pct = tags.pct && tags.pct !== "100" ? ` on ${tags.pct}% of failing mail` : "";
  if (policy === "none")
    return dmarc(
      "warn",
      `DMARC is ${tag}=none${from} (monitoring only; ${alignment(tags)}), so mail faking ${domain} is still delivered: ${
        where.inherited
          ? `add a record at _dmarc.${domain} with p=quarantine, or set sp=quarantine at ${at}, once the reports look clean.`
          : "move to p=quarantine once the reports look clean."
      }`,
      evidence,
    );
  return dmarc(
    "pass",
    `DMARC asks receivers to ${policy} mail that fails${pct}${from} (${alignment(tags)}).`,
    evidence,
  );
}
