import { getDomain } from "tldts";

/** One DKIM-Signature header's signing domain (d=) and selector (s=), lower-case. */
export type DkimSignature = { domain: string; selector: string };

/** The header block of a raw message, unfolded (RFC 5322 §2.2.3): one entry per header field. */
function headerFields(raw: string): { name: string; value: string }[] {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  return head
    .replace(/\r?\n(?=[ \t])/g, "")
    .split(/\r?\n/)
    .flatMap((line) => {
      const i = line.indexOf(":");
      return i > 0 ? [{ name: line.slice(0, i).trim().toLowerCase(), value: line.slice(i + 1) }] : [];
    });
}

/** RFC 6376 §3.2 tag-list: `tag=value` pairs split on ";", whitespace around either ignored. */
function tags(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const tag = part.slice(0, eq).trim().toLowerCase();
    // A tag given twice makes the signature invalid (§3.2); the first is kept so it still reads.
    if (tag && !out.has(tag)) out.set(tag, part.slice(eq + 1).replace(/\s+/g, ""));
  }
  return out;
}

/**
 * The DKIM signatures of a raw message, in header order (a provider's own signature usually comes
 * first, a relay's after). Signatures without both d= and s= are left out: they name no key.
 */
export function dkimSignatures(raw: string): DkimSignature[] {
  return headerFields(raw)
    .filter((h) => h.name === "dkim-signature")
    .flatMap((h) => {
      const t = tags(h.value);
      const domain = t.get("d")?.toLowerCase().replace(/\.$/, "");
      const selector = t.get("s")?.toLowerCase();
      return domain && selector ? [{ domain, selector }] : [];
    });
}

/**
 * The signature DMARC would count for mail From `fromDomain` (RFC 7489 §3.1.1): its d= is the From
 * domain itself, or, failing that, shares its organizational domain (relaxed alignment). A provider
 * also signing with its own domain (d=mailer.example) is passed over: its key says nothing of ours.
 */
export function alignedDkimSignature(sigs: DkimSignature[], fromDomain: string): DkimSignature | null {
  const from = fromDomain.toLowerCase().replace(/\.$/, "");
  const exact = sigs.find((s) => s.domain === from);
  if (exact) return exact;
  const org = getDomain(from, { allowPrivateDomains: true });
  if (!org) return null;
  return sigs.find((s) => getDomain(s.domain, { allowPrivateDomains: true }) === org) ?? null;
}
