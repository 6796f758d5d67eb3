/**
 * The interface the scheduler owns; email (SMTP), LinkedIn providers and the sandbox implement it.
 * Nothing in the scheduler knows how a message travels.
 */
export type OutboundMessage = {
  channel: "email" | "linkedin_invite" | "linkedin_message";
  messageId: string;
  from: { name: string; email: string };
  /** `leadId` lets a channel report what it learns about the person (e.g. already connected). */
  to: { name: string; email: string | null; linkedinUrl: string | null; leadId?: string };
  subject: string;
  text: string;
  /** An HTML alternative, only when the sequence tracks opens or clicks. */
  html?: string | null;
  inReplyTo: string | null;
  references: string[];
  unsubscribeUrl: string | null;
};

export type SendResult = {
  accepted: boolean;
  providerId: string | null;
  response: string;
  /** Nothing needed sending (e.g. an invitation to someone already connected); the sequence moves on. */
  skipped?: boolean;
};

export interface Channel {
  send(msg: OutboundMessage): Promise<SendResult>;
  close?(): Promise<void>;
}

/**
 * The receiving side's answer when it refused this recipient or this message (SMTP RCPT TO or DATA):
 * a delivery report given at once instead of by a bounce message later.
 */
export type SendRefusal = { command: string; response: string; host: string };

/** A failure we know nothing was sent for (e.g. the server refused the recipient). */
export class PermanentSendError extends Error {
  constructor(
    message: string,
    readonly refusal: SendRefusal | null = null,
  ) {
    super(message);
  }
}

/** Nothing was sent, and the step should be tried again later (e.g. the LinkedIn account is paused). */
export class DeferSendError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
  }
}
