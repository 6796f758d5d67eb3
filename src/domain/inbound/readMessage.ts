import { decodeEncodedWords } from "./encodedWords";
import { extractMessageIds, normaliseMessageId } from "./messageIds";
import { decodeCharset } from "./mimeDecoding";
import { type MimePart, mimeParts } from "./mimeParts";
import { type HeaderField, decodedHeaderValue, headerValue, headerValues } from "./parseHeaders";

export type ReadMessage = {
  headers: HeaderField[];
  /** Lower-cased address of the first From mailbox, or "". */
  from: string;
  subject: string;
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  /** Readable body: the first text/plain part, else the first text/html with tags removed. */
  text: string;
};

/** The address in `Name <a@b>`, `a@b (Name)` or `"a@b" <c@d>`: the bracketed one wins. */
export function addressOf(value: string | null | undefined): string {
  const v = decodeEncodedWords((value ?? "").slice(0, 2000));
  const bracketed = [...v.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].pop()?.[1];
  const bare = v.replace(/"[^"]*"|\([^()]*\)/g, " ").match(/[^\s<>,;:"]+@[^\s<>,;:"]+/)?.[0];
  return (bracketed ?? bare ?? "").toLowerCase();
}

export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d|blockquote)\s*>/gi, "\n")
      .replace(/<[^>]*>/g, "")
      .replace(/&nbsp;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      // A code point past U+10FFFF would throw and lose the whole message: it becomes U+FFFD instead.
      .replace(/&#(\d+);/g, (_, n: string) => (+n <= 0x10ffff ? String.fromCodePoint(+n) : "\uFFFD"))
      .replace(/&amp;/g, "&")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** Readable text of already-walked parts (message/rfc822 contents are not descended into). */
export function bodyText(parts: MimePart[]): string {
  const inline = parts.filter((p) => !p.isAttachment);
  const plain = inline.find((p) => p.type === "text/plain");
  if (plain) return decodeCharset(plain.body, plain.params.charset);
  const html = inline.find((p) => p.type === "text/html");
  return html ? htmlToText(decodeCharset(html.body, html.params.charset)) : "";
}

/** The fields reply detection needs, straight from the raw source, without mailparser. */
export function readMessage(raw: string | Uint8Array): ReadMessage {
  const parts = mimeParts(raw);
  const headers = parts[0]!.headers;
  return {
    headers,
    from: addressOf(headerValue(headers, "from")),
    subject: decodedHeaderValue(headers, "subject") ?? "",
    messageId: normaliseMessageId(headerValue(headers, "message-id")),
    inReplyTo: extractMessageIds(headerValues(headers, "in-reply-to")),
    references: extractMessageIds(headerValues(headers, "references")),
    text: bodyText(parts),
  };
}
