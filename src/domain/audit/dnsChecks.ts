import type { CheckContext, FindingDraft } from "./auditCheck";
import { listSome } from "./textUtils";

/** A TXT record as one string: outer quotes and the `" "` joins of long, chunked records removed. */
export function unquoteTxt(record: string): string {
  const t = record.trim();
  if (!t.startsWith('"')) return t;
  return t.replace(/^"|"$/g, "").replace(/"\s*"/g, "");
}

/** Tags of a DMARC record, e.g. { v: "DMARC1", p: "none" }; names lower-cased. */
export function parseDmarc(record: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const part of unquoteTxt(record).split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name && !Object.hasOwn(tags, name)) tags[name] = part.slice(eq + 1).trim();
  }
  return tags;
}

const isSpf = (r: string) => /^v=spf1(\s|$)/i.test(unquoteTxt(r));
const isDmarc = (r: string) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(unquoteTxt(r));

function spf({ o, domain }: CheckContext): FindingDraft | null {
  const txt = o.dns.spf;
  if (txt === null) return null;
  const records = txt.filter(isSpf).map(unquoteTxt);
  if (records.length === 1) return null;
  if (records.length === 0) {
    return {
      code: "spf-missing",
      severity: "major",
      title: "No SPF record",
      detail: `No TXT record at ${domain} starts with v=spf1, so receiving servers can't tell which servers may send its email; its messages are easier to spoof and likelier to land in spam.`,
      evidence: txt.length ? txt.map(unquoteTxt).join("\n") : "(no TXT records)",
    };
  }
  return {
    code: "spf-multiple",
    severity: "major",
    title: "Several SPF records",
    detail: `${domain} publishes ${records.length} SPF records; receivers treat that as an error (permerror) and ignore SPF altogether. Merge them into one.`,
    evidence: records.join("\n"),
  };
}

function dmarc({ o, domain }: CheckContext): FindingDraft | null {
  const txt = o.dns.dmarc;
  if (txt === null) return null;
  const records = txt.filter(isDmarc).map(unquoteTxt);
  if (records.length === 0) {
    return {
      code: "dmarc-missing",
      severity: "major",
      title: "No DMARC record",
      detail: `There is no DMARC record at _dmarc.${domain}: nothing tells receivers to reject mail that fakes the domain, and Gmail and Yahoo require one from bulk senders since 2024.`,
      ...(txt.length ? { evidence: txt.map(unquoteTxt).join("\n") } : {}),
    };
  }
  if (records.length > 1) {
    return {
      code: "dmarc-multiple",
      severity: "major",
      title: "Several DMARC records",
      detail: `_dmarc.${domain} has ${records.length} DMARC records; receivers then apply none of them. Keep exactly one.`,
      evidence: records.join("\n"),
    };
  }
  const policy = (parseDmarc(records[0]).p ?? "").toLowerCase();
  if (policy === "quarantine" || policy === "reject") return null;
  return {
    code: "dmarc-none",
    severity: "minor",
    title: "DMARC policy is p=none",
    detail: `${policy === "none" ? "The DMARC policy is p=none" : "The DMARC record has no valid p= policy, which receivers treat as p=none"}: spoofed mail is reported but still delivered. Move to p=quarantine or p=reject once the reports look clean.`,
    evidence: records[0],
  };
}

function mx({ o, domain }: CheckContext): FindingDraft | null {
  const hosts = o.dns.mx;
  if (hosts === null) return null;
  // RFC 7505 "null MX": a single "." declares that the domain accepts no mail.
  const real = hosts.map((h) => h.trim()).filter((h) => h !== "" && h !== ".");
  if (real.length > 0) return null;
  return {
    code: "mx-missing",
    severity: "major",
    title: "No MX records",
    detail:
      hosts.length > 0
        ? `${domain} publishes a null MX, declaring that it accepts no email, so messages to its addresses bounce.`
        : `${domain} has no MX records, so email to its addresses can't be delivered (or falls back to the web server).`,
    ...(hosts.length ? { evidence: hosts.join(", ") } : {}),
  };
}

function lookupFailures({ o, domain }: CheckContext): FindingDraft | null {
  const failed = [
    o.dns.spf === null ? "SPF (TXT)" : null,
    o.dns.dmarc === null ? "DMARC" : null,
    o.dns.mx === null ? "MX" : null,
  ].filter((name): name is string => name !== null);
  if (failed.length === 0) return null;
  return {
    code: "dns-lookup-failed",
    severity: "info",
    title: "DNS lookup failed",
    detail: `Looking up the ${listSome(failed)} records of ${domain} failed, so ${failed.length === 1 ? "that check was" : "those checks were"} skipped.`,
  };
}

/** Checks on the domain's email setup: whether mail from and to it is trustworthy and deliverable. */
export function dnsChecks(ctx: CheckContext): FindingDraft[] {
  return [spf, dmarc, mx, lookupFailures]
    .map((check) => check(ctx))
    .filter((f): f is FindingDraft => f !== null);
}
