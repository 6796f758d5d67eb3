/**
 * The one parsed representation of an inbound message. Email is parsed once, by the email channel
 * (mailparser), into this shape; every classifier reads it and nothing parses the source again.
 * Other channels (LinkedIn, PlusVibe, the sandbox's typed replies) build it from what they have.
 */

/** One header field: `key` lower-cased, `value` unfolded, RFC 2047 words decoded. */
export type InboundHeader = { key: string; value: string };

/**
 * A part of the message that a classifier may need, in document order: every leaf part, plus the
 * header block of each returned message (message/rfc822, text/rfc822-headers).
 */
export type InboundPart = {
  /** Lower-cased media type, e.g. "message/delivery-status", "text/plain". */
  contentType: string;
  /** Content-Type parameters, keys lower-cased. */
  params: Record<string, string>;
  isAttachment: boolean;
  /**
   * Decoded text for textual parts (text/*, message/delivery-status, message/global-delivery-status,
   * message/feedback-report, message/disposition-notification); null for binary parts.
   */
  text: string | null;
  /** For message/rfc822, message/global and text/rfc822-headers: the returned message's headers. */
  headers: InboundHeader[] | null;
};

export type InboundEmail = {
  headers: InboundHeader[];
  /** Lower-cased address of the first From mailbox, or "" (e.g. `MAILER-DAEMON <>`). */
  from: string;
  /** The display name of From, or the bare local part when there is no address ("MAILER-DAEMON"). */
  fromName: string;
  /** Return-Path as delivered: "" for the null sender `<>`, null when there is no such header. */
  returnPath: string | null;
  subject: string;
  /** Normalised `<id>` or null. */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  /** Readable body: the first inline text/plain part, else the first text/html converted to text. */
  text: string;
  parts: InboundPart[];
};

/**
 * What a delivery report means for the address and the sequence:
 * - permanent: the address does not work (5.1.x, 5.2.1 disabled, user unknown); invalidate it.
 * - temporary: the address is fine, delivery failed for now (4.x.x, mailbox full, expired, too
 *   many connections, system full, rate limited); retry later.
 * - policy: refused for reputation, content or policy (5.7.x, blocked, spam, relaying denied);
 *   not evidence about the address; counts against the sender.
 * - complaint: an ARF feedback report (RFC 5965) — the recipient reported the message as abuse.
 * - delivered / delayed: success or delay-only notices; nothing stops.
 * - undetermined: a failure we cannot read; a person decides, the address stays valid.
 */
export type BounceClass =
  "permanent" | "temporary" | "policy" | "complaint" | "delivered" | "delayed" | "undetermined";
