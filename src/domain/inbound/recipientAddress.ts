/**
 * A failed recipient as reported, cleaned into the address we sent to, or null when it is not an
 * address at all. Handles what real reports contain: an address type ("rfc822; x@y"), brackets and
 * quotes, source routes (`<@mx.example:user@host>`, RFC 5321 §4.1.2), a trailing dot, and domains
 * without a dot (`user@localhost`). A pipe or file destination ("|/usr/bin/procmail", "/var/mail/x")
 * is a local delivery target, not an address: null, so the Original-Recipient is used instead.
 */
export function recipientAddress(raw: string | null | undefined): string | null {
  let v = (raw ?? "").trim();
  const semi = /^[a-z0-9-]+;/i.exec(v);
  if (semi) v = v.slice(semi[0].length).trim();
  v = v
    .replace(/^<+|>+$/g, "")
    .replace(/^"+|"+$/g, "")
    .trim();
  // A source route: everything up to the last ':' before the mailbox is routing.
  if (v.startsWith("@")) v = v.slice(v.indexOf(":") + 1);
  if (/^[|/]/.test(v)) return null;
  const m =
    /([^\s<>()[\]\\,;:"@]{1,64}|"[^"]{1,64}")@([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*)\.?(?![a-z0-9.-])/i.exec(
      v,
    );
  return m ? `${m[1]}@${m[2]}`.toLowerCase() : null;
}
