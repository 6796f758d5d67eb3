import { classOfFailure, statusFrom } from "../inbound/bounceClass";
import type { ReportFacts } from "../inbound/inboundFacts";

/**
 * A refusal at send time (the SMTP server answered RCPT TO or DATA with a 5xx) as the delivery
 * report it is: the same classes, the same safety rules (full-mailbox wording is never permanent,
 * a blocklisted sender is policy, not a bad address) as a bounce message read from the inbox.
 */
export function refusalReport(
  r: { response: string; host: string },
  recipient: string | null,
  originalMessageId: string | null,
): ReportFacts {
  const diagnostic = r.response.replace(/\s+/g, " ").trim().slice(0, 2000);
  const status = statusFrom(null, diagnostic);
  const { class: cls, phrase } = classOfFailure(null, status, diagnostic);
  return {
    class: cls,
    recipients: [
      {
        address: recipient?.toLowerCase() ?? null,
        class: cls,
        status,
        diagnostic,
        remoteMta: r.host,
        phrase,
      },
    ],
    reportingMta: r.host,
    originalMessageId,
  };
}
