import { parseEmail } from "../../channels/email/parseEmail";
import { classifyInbound } from "../../domain/inbound/classifyInbound";
import type { InboundFacts } from "../../domain/inbound/inboundFacts";

export type ReadInboundEmail = {
  from: string;
  subject: string;
  text: string;
  messageId: string | null;
  /** In-Reply-To then References, normalised `<id>`s. */
  references: string[];
  facts: InboundFacts;
};

/**
 * The raw source of one email read from a sender's inbox → the fields recorded and what it means:
 * parsed once (parseEmail), classified from that one parse. The one entry point for email (the
 * IMAP poller and bench/bounceCorpus.ts both use it).
 */
export async function readInboundEmail(
  source: Buffer,
  o: { ourAddresses: readonly string[]; receivedAtMs: number },
): Promise<ReadInboundEmail> {
  const mail = await parseEmail(source);
  return {
    from: mail.from,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    references: [...mail.inReplyTo, ...mail.references.filter((r) => !mail.inReplyTo.includes(r))],
    facts: classifyInbound(mail, o),
  };
}
