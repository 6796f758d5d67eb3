/** "Name: value" fields of one group, names lower-cased, folded lines joined. */
export function parseFields(group: string): { key: string; value: string }[] {
  const fields: { key: string; value: string }[] = [];
  for (const line of group.split("\n")) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) last.value = `${last.value} ${line.trim()}`.trim();
    else {
      const m = /^([!-9;-~]+)[ \t]*:[ \t]*(.*)$/.exec(line);
      if (m) fields.push({ key: m[1]!.toLowerCase(), value: m[2]!.trim() });
    }
  }
  return fields;
}

export type DeliveryStatusFields = {
  perMessage: Record<string, string>;
  perRecipient: Record<string, string>[];
};

const STARTS_RECIPIENT = new Set(["final-recipient", "original-recipient"]);
const RECIPIENT_FIELDS = new Set([
  "action",
  "status",
  "remote-mta",
  "diagnostic-code",
  "last-attempt-date",
  "final-log-id",
  "will-retry-until",
]);

/**
 * The body of a message/delivery-status part (RFC 3464 §2.1): one per-message group, then one
 * group per recipient, separated by blank lines. Field names are lower-cased. Tolerates MTAs that
 * leave out the blank lines (a recipient group starts at a Final- or Original-Recipient field its
 * group already has; MTAs disagree on which of the two comes first) or add extra ones (recipient fields after a stray blank line stay with the
 * recipient above).
 */
export function parseDeliveryStatus(text: string): DeliveryStatusFields {
  const perMessage: Record<string, string> = {};
  const perRecipient: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const group of text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    for (const f of parseFields(group.replace(/^\n+/, ""))) {
      const starts = STARTS_RECIPIENT.has(f.key);
      if (starts && (!current || current[f.key] !== undefined)) {
        current = {};
        perRecipient.push(current);
      }
      const last = perRecipient[perRecipient.length - 1];
      if (current) current[f.key] ??= f.value;
      else if (last && RECIPIENT_FIELDS.has(f.key) && !(f.key in last)) last[f.key] = f.value;
      else perMessage[f.key] ??= f.value;
    }
    // A blank line ends a recipient group; fields after it without a recipient are stray.
    if (current && Object.keys(current).length) current = null;
  }
  return { perMessage, perRecipient };
}

/** "rfc822; <Jane@Acme.com>" → "jane@acme.com"; "dns; mx.acme.com" → "mx.acme.com". */
export function typedValue(value: string | undefined, lowerCase = false): string | null {
  if (!value) return null;
  const semi = value.indexOf(";");
  const v = (semi >= 0 ? value.slice(semi + 1) : value)
    .trim()
    .replace(/^<(.*)>$/, "$1")
    .trim();
  return v ? (lowerCase ? v.toLowerCase() : v) : null;
}
