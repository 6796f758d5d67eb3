/**
 * Message-IDs are compared as `<local@domain>` with the domain lower-cased. The local part keeps
 * its case: generators such as Gmail use case-significant base64 there. Whitespace inside the
 * brackets is dropped because broken folders split long ids across lines.
 */
export function normaliseMessageId(raw: string | null | undefined): string | null {
  const s = (raw ?? "")
    .trim()
    .replace(/^<+|>+$/g, "")
    .replace(/\s+/g, "");
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1 || /[<>]/.test(s)) return null;
  return `<${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}>`;
}

/** The domain (right-hand side) of a Message-ID, lower-cased, or null. */
export function messageIdDomain(raw: string | null | undefined): string | null {
  const id = normaliseMessageId(raw);
  return id ? id.slice(id.lastIndexOf("@") + 1, -1) : null;
}

/**
 * Ids in an In-Reply-To / References / Message-ID value, in order, de-duplicated. Comments and
 * junk between ids are ignored; only when no bracketed id exists are bare `local@domain` tokens
 * accepted (some clients, and some parsers' output, drop the brackets).
 */
export function extractMessageIds(headerValue: string | readonly string[] | null | undefined): string[] {
  const value = (
    Array.isArray(headerValue) ? headerValue.join(" ") : ((headerValue as string) ?? "")
  ).replace(/\([^()]*\)/g, " ");
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!);
  const candidates = bracketed.length
    ? bracketed
    : value.split(/[\s,;]+/).filter((t) => /^[^@\s"]+@[^@\s"]+$/.test(t));
  const out: string[] = [];
  for (const c of candidates) {
    const id = normaliseMessageId(c);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}
