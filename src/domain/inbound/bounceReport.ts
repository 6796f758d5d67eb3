export type BounceRecipient = {
  /** Lower-cased address the report is about (Final-Recipient, else Original-Recipient). */
  finalRecipient: string | null;
  originalRecipient: string | null;
  /** failed | delayed | delivered | relayed | expanded, lower-cased. */
  action: string | null;
  /** Enhanced status code ("5.1.1"), from Status or, failing that, the diagnostic text. */
  status: string | null;
  diagnosticCode: string | null;
  remoteMta: string | null;
  hard: boolean;
};

export type BounceReport = {
  /** "dsn": an RFC 3464 delivery-status part; "text": read from a plain-text bounce. */
  source: "dsn" | "text";
  reportingMta: string | null;
  arrivalDate: string | null;
  recipients: BounceRecipient[];
  /** Message-ID of the message that bounced (ours), normalised, or null. */
  originalMessageId: string | null;
  /** True when any recipient failed permanently. */
  isHard: boolean;
};

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const BASIC = /\b([45])\d\d\b/;

/**
 * The enhanced status code: the Status field when specific, else one in the diagnostic text
 * ("550 5.1.1 ..."), else the class of a plain SMTP reply code (550 → 5.0.0).
 */
export function statusFrom(
  status: string | null | undefined,
  diagnostic: string | null | undefined,
): string | null {
  const own =
    ENHANCED.exec(status ?? "")
      ?.slice(1, 4)
      .join(".") ?? null;
  const inText =
    ENHANCED.exec(diagnostic ?? "")
      ?.slice(1, 4)
      .join(".") ?? null;
  // "Status: 5.0.0" with "550 5.1.1 user unknown" beside it: the detail is in the text.
  if (own && inText && own.endsWith(".0.0") && own[0] === inText[0]) return inText;
  if (own ?? inText) return own ?? inText;
  const basic = BASIC.exec(diagnostic ?? "");
  return basic ? `${basic[1]}.0.0` : null;
}

/**
 * Permanent failure: a 5.x.x status, or Action failed without a status. Exceptions, by choice:
 * 5.2.2 (mailbox full) is soft, as most senders treat it, because the address exists and the
 * condition clears; "delayed" and 4.x.x are soft; delivered/relayed/expanded are not failures.
 * 5.7.x (policy/spam blocks) stays hard here; callers who want to keep such addresses can look at
 * `status`.
 */
export function isHardFailure(action: string | null, status: string | null): boolean {
  const a = (action ?? "").toLowerCase();
  if (["delayed", "delivered", "relayed", "expanded"].includes(a)) return false;
  if (status) return status.startsWith("5.") && status !== "5.2.2";
  return a === "failed";
}
