import type { InboundEmail } from "./inboundEmail";

/** An InboundEmail for unit tests: a plain reply unless told otherwise. */
export function testMail(
  over: Partial<InboundEmail> & { headerRecord?: Record<string, string> } = {},
): InboundEmail {
  const { headerRecord, ...rest } = over;
  return {
    headers: Object.entries(headerRecord ?? {}).map(([key, value]) => ({ key: key.toLowerCase(), value })),
    from: "jane@acme.com",
    fromName: "Jane",
    returnPath: null,
    subject: "Re: Quick idea",
    messageId: null,
    inReplyTo: [],
    references: [],
    text: "Sounds good, what does it cost?",
    parts: [],
    ...rest,
  };
}
