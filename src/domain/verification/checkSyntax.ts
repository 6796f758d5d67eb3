export type SyntaxCheck = { ok: true; local: string; domain: string } | { ok: false; reason: string };

// RFC 5322 atext: the characters a dot-atom local part may contain.
const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
// Letters, digits and hyphens; Unicode letters are allowed so IDN domains can be checked before
// the caller converts them to punycode.
const LABEL_CHARS = /^[\p{L}\p{M}\p{N}-]+$/u;

/**
 * A pragmatic RFC 5321 subset: what we would actually send to. Quoted local parts, address
 * literals and non-ASCII local parts (which need SMTPUTF8) are legal but refused, each with a
 * reason saying so, because no prospect address worth mailing looks like that.
 * Lengths are counted in characters; an IDN domain may grow when converted to punycode.
 */
export function checkSyntax(email: string): SyntaxCheck {
  const fail = (reason: string): SyntaxCheck => ({ ok: false, reason });
  if (email === "") return fail("empty address");
  if (/\s/.test(email)) return fail("address contains whitespace");
  if (email.startsWith('"')) return fail("quoted local parts are not supported");

  const at = email.lastIndexOf("@");
  if (at === -1) return fail("missing @");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.includes("@")) return fail("more than one @");
  if (local === "") return fail("empty local part");
  if (domain === "") return fail("empty domain");
  if (local.length > 64) return fail("local part longer than 64 characters");
  if (email.length > 254) return fail("address longer than 254 characters");

  if (local.startsWith(".") || local.endsWith(".")) return fail("local part starts or ends with a dot");
  if (local.includes("..")) return fail("local part has consecutive dots");
  if (/[^\x21-\x7e]/.test(local)) return fail("non-ASCII local part (needs SMTPUTF8)");
  if (local.includes('"')) return fail("quoted local parts are not supported");
  if (!local.split(".").every((atom) => ATOM.test(atom))) return fail("invalid character in local part");

  if (domain.startsWith("[")) return fail("address literals are not supported");
  const labels = domain.split(".");
  if (labels.length < 2) return fail("domain has no dot");
  for (const label of labels) {
    if (label === "") return fail("domain has an empty label");
    if ([...label].length > 63) return fail("domain label longer than 63 characters");
    if (!LABEL_CHARS.test(label)) return fail("invalid character in domain");
    if (label.startsWith("-") || label.endsWith("-"))
      return fail("domain label starts or ends with a hyphen");
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return fail("top-level domain is numeric");
  return { ok: true, local, domain };
}
