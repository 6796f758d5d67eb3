import { type BounceReport, type BounceRecipient, isHardFailure, statusFrom } from "./bounceReport";
import { parseDeliveryStatus, typedValue } from "./deliveryStatus";
import { normaliseMessageId } from "./messageIds";
import { decodeCharset } from "./mimeDecoding";
import { type MimePart, mimeParts } from "./mimeParts";
import { headerValue, parseHeaderBlock, splitMessage } from "./parseHeaders";

const STATUS_TYPES = /^message\/(global-)?delivery-status$/;
const ORIGINAL_TYPES = /^(message\/(rfc822|global|global-headers)|text\/rfc822-headers)$/;

/** Message-ID of the returned original (a message/rfc822 or headers-only part). */
export function originalMessageId(parts: MimePart[]): string | null {
  for (const p of parts.filter((x) => ORIGINAL_TYPES.test(x.type))) {
    const id = normaliseMessageId(
      headerValue(parseHeaderBlock(splitMessage(p.body).headerBlock), "message-id"),
    );
    if (id) return id;
  }
  return null;
}

function recipient(fields: Record<string, string>): BounceRecipient {
  const diagnosticCode = typedValue(fields["diagnostic-code"])?.replace(/\s+/g, " ") ?? null;
  const action = fields.action?.trim().toLowerCase().split(/\s/)[0] ?? null;
  const status = statusFrom(fields.status, diagnosticCode);
  const finalRecipient = typedValue(fields["final-recipient"], true);
  const originalRecipient = typedValue(fields["original-recipient"], true);
  return {
    finalRecipient: finalRecipient ?? originalRecipient,
    originalRecipient,
    action,
    status,
    diagnosticCode,
    remoteMta: typedValue(fields["remote-mta"]),
    hard: isHardFailure(action, status),
  };
}

/**
 * An RFC 3464 delivery status notification read from the raw source, or null when the message has
 * no message/delivery-status part. mailparser flattens that part into text, hence this MIME walk:
 * any nesting, any boundary, base64 or quoted-printable parts.
 */
export function parseDsn(raw: string | Uint8Array): BounceReport | null {
  return dsnFromParts(mimeParts(raw));
}

export function dsnFromParts(parts: MimePart[]): BounceReport | null {
  const statusPart = parts.find((p) => STATUS_TYPES.test(p.type));
  if (!statusPart) return null;
  const { perMessage, perRecipient } = parseDeliveryStatus(
    decodeCharset(statusPart.body, statusPart.params.charset),
  );
  const recipients = perRecipient.map(recipient);
  return {
    source: "dsn",
    reportingMta: typedValue(perMessage["reporting-mta"]),
    arrivalDate: perMessage["arrival-date"] ?? null,
    recipients,
    // Gmail repeats the id as X-Original-Message-ID when it returns headers only.
    originalMessageId: originalMessageId(parts) ?? normaliseMessageId(perMessage["x-original-message-id"]),
    isHard: recipients.some((r) => r.hard),
  };
}
