import type { BounceReport } from "./bounceReport";
import { bounceSignal } from "./bounceSignals";
import { parseBounceText } from "./bounceText";
import { headerLookup } from "./headerLookup";
import { mimeParts } from "./mimeParts";
import { dsnFromParts, originalMessageId as returnedMessageId } from "./parseDsn";
import { addressOf, bodyText } from "./readMessage";
import { decodedHeaderValue, headerValues } from "./parseHeaders";

/**
 * Any bounce: an RFC 3464 DSN when there is a delivery-status part, else a plain-text bounce read
 * heuristically; null when the message is not a bounce at all (see bounceSignal for the test).
 */
export function parseBounce(raw: string | Uint8Array): BounceReport | null {
  const parts = mimeParts(raw);
  const dsn = dsnFromParts(parts);
  const headers = parts[0]!.headers;
  const text = bodyText(parts);
  if (dsn) {
    if (dsn.recipients.length) return dsn;
    // A report with an empty status part: fall back to the human-readable text.
    const fromText = parseBounceText(text, headerValues(headers, "x-failed-recipients"));
    return { ...dsn, recipients: fromText.recipients, isHard: fromText.recipients.some((r) => r.hard) };
  }
  const from = addressOf(headerValues(headers, "from")[0]);
  const signal = bounceSignal(
    headerLookup(headers),
    from,
    decodedHeaderValue(headers, "subject") ?? "",
    text,
  );
  if (!signal.bounce) return null;
  const { recipients, originalMessageId } = parseBounceText(
    text,
    headerValues(headers, "x-failed-recipients"),
  );
  return {
    source: "text",
    reportingMta: null,
    arrivalDate: null,
    recipients,
    originalMessageId: returnedMessageId(parts) ?? originalMessageId,
    // A bounce we cannot read is still a failure unless it says it is only a delay.
    isHard: recipients.length ? recipients.some((r) => r.hard) : !/delay|temporar/i.test(text.slice(0, 3000)),
  };
}
