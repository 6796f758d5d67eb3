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

/** DMARC at _dmarc.<domain>: exactly one record, well-formed, and a policy that asks receivers to act. */
export async function dmarcCheck(lookup: DnsLookup, domain: string): Promise<SenderDomainCheck> {
  const name = `_dmarc.${domain}`;
  const txt = await lookup("txt", name);
  if (txt === null)
    return dmarc("warn", `The DMARC record at ${name} could not be looked up; check again later.`);
  const records = txt.filter((t) => /^v\s*=\s*dmarc1/i.test(t.trim()));
  const evidence = txt.join("\n") || undefined;
  const suggestion = `"v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}"`;
  if (records.length === 0)
    return dmarc(
      "fail",
      `${domain} has no DMARC record: add a TXT record at ${name} such as ${suggestion}.`,
      evidence,
    );
  if (records.length > 1)
    return dmarc(
      "fail",
      `${name} has ${records.length} DMARC records and receivers then apply none: keep exactly one.`,
      evidence,
    );
  const tags = parseDmarcRecord(records[0]!.trim());
  if ("error" in tags)
    return dmarc(
      "fail",
      `The DMARC record at ${name} is malformed (${tags.error}), so receivers ignore it: replace it with ${suggestion}.`,
      evidence,
    );
  const policy = tags.p!.toLowerCase();
  const pct = tags.pct && tags.pct !== "100" ? ` on ${tags.pct}% of failing mail` : "";
  if (policy === "none")
    return dmarc(
      "warn",
      `DMARC is p=none (monitoring only; ${alignment(tags)}), so mail faking ${domain} is still delivered: move to p=quarantine once the reports look clean.`,
      evidence,
    );
  return dmarc(
    "pass",
    `DMARC asks receivers to ${policy} mail that fails${pct} (${alignment(tags)}).`,
    evidence,
  );
}
