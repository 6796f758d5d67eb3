import type { BounceClass } from "./inboundEmail";

/** One failed (or reported) recipient of a delivery report. */
export type ReportRecipient = {
  address: string | null;
  class: BounceClass;
  status: string | null;
  diagnostic: string | null;
  remoteMta: string | null;
  phrase: string;
};

export type ReportFacts = {
  class: BounceClass;
  recipients: ReportRecipient[];
  reportingMta: string | null;
  /** The Message-ID of the message the report is about (ours, when it is one of ours). */
  originalMessageId: string | null;
};

/** What the classifiers concluded about one inbound message, whatever channel brought it. */
export type InboundFacts =
  | { kind: "own_copy"; reason: string }
  | { kind: "bounce"; reason: string; report: ReportFacts }
  | { kind: "complaint"; reason: string; report: ReportFacts }
  | { kind: "notice"; reason: string }
  | { kind: "auto_reply"; reason: string; readReceipt: boolean; returnAtMs: number | null }
  | { kind: "human_reply"; reason: string };

/** The message itself, as recorded. */
export type InboundMessageInput = {
  workspaceId: string;
  channel: "email" | "linkedin";
  /** The mailbox it was read from (IMAP), so a report without references is matched to its mail. */
  senderAccountId: string | null;
  from: string;
  subject: string;
  text: string;
  messageId: string | null;
  /** In-Reply-To and References, normalised `<id>`s. */
  references: string[];
  receivedAt: Date;
  /** Set when the channel already knows whom the message is from (LinkedIn, PlusVibe, sandbox). */
  known?: { leadId: string; enrollmentId: string | null } | null;
};
