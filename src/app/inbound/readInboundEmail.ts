import { classifyInbound, readMessage } from "../../domain/inbound";
import { classifiedFacts } from "./classifiedFacts";
import type { InboundFacts } from "./inboundFacts";

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
 * The raw source of one email read from a sender's inbox → the fields recorded and what it means.
 * The one entry point for email (the IMAP poller and bench/bounceCorpus.ts both use it).
 */
export async function readInboundEmail(
  source: Buffer,
  o: { ourAddresses: readonly string[]; receivedAtMs: number },
): Promise<ReadInboundEmail> {
  const mail = readMessage(source);
  const facts = classifiedFacts(
    classifyInbound({
      headers: mail.headers,
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      ourAddresses: o.ourAddresses,
      receivedAtMs: o.receivedAtMs,
      raw: source,
      messageId: mail.messageId,
    }),
  );
  return {
    from: mail.from,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    references: [...mail.inReplyTo, ...mail.references],
    facts,
  };
}
