import type { Attachment, HeaderLines, Headers, ParsedMail, SimpleParserOptions } from "mailparser";

// Loaded on the first message read (~30 MB with its character-set tables), not at start.
const simpleParser = async (input: Buffer | string, options: SimpleParserOptions): Promise<ParsedMail> =>
  (await import("mailparser")).simpleParser(input, options);
import { addressOf } from "../../domain/inbound/addressOf";
import { htmlToText } from "../../domain/inbound/htmlToText";
import type { InboundEmail, InboundHeader, InboundPart } from "../../domain/inbound/inboundEmail";
import { extractMessageIds, normaliseMessageId } from "../../domain/inbound/messageIds";

const TEXTUAL =
  /^(text\/|message\/(global-)?(delivery-status|disposition-notification)$|message\/feedback-report$)/;
const RETURNED = /^(message\/(rfc822|global|global-headers)|text\/rfc822-headers)$/;

// keepDeliveryStatus and ignoreEmbedded keep a report's parts apart: the delivery-status fields
// and the returned message come as parts of their own instead of being run into the body text.
const OPTIONS = {
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
} as const;

/**
 * CR-only (old Mac) and LF-only sources read like CRLF: MIME boundaries and header folding are
 * defined on CRLF, and a lone CR otherwise leaves the whole message one header line long.
 * latin1 round-trips every byte, so 8-bit bodies are untouched.
 */
export function normaliseLineEnds(source: Buffer): Buffer {
  return Buffer.from(source.toString("latin1").replace(/\r\n|\r|\n/g, "\r\n"), "latin1");
}

/**
 * The one parse of an inbound email: mailparser over the raw source, turned into InboundEmail,
 * which every classifier reads. A returned message's header block (message/rfc822,
 * text/rfc822-headers) is read by mailparser too, on its own: only its headers matter.
 */
export async function parseEmail(source: Buffer): Promise<InboundEmail> {
  const normalised = normaliseLineEnds(source);
  let m: ParsedMail;
  try {
    m = await simpleParser(normalised, OPTIONS);
  } catch {
    return unparsable(normalised);
  }
  const parts = await Promise.all(m.attachments.map(partOf));
  const plain = typeof m.text === "string" && m.text.trim() ? m.text : "";
  return emailOf(
    m,
    parts,
    plain || (typeof m.html === "string" ? htmlToText(m.html) : "") || rawBody(normalised, parts),
  );
}

function emailOf(m: ParsedMail, parts: InboundPart[], text: string): InboundEmail {
  const from = m.from?.value[0];
  const returnPath = m.headerLines.find((l) => l.key === "return-path");
  return {
    headers: headersOf(m.headerLines, m.headers),
    from: (from?.address ?? "").toLowerCase() || addressOf(m.from?.text),
    // `MAILER-DAEMON <>` parses as a name without an address; a bare `MAILER-DAEMON` as neither.
    fromName: from?.name || (from?.address ? "" : (m.from?.text ?? "").replace(/[<>"\s]/g, "")),
    returnPath: returnPath ? addressOf(returnPath.line.slice(returnPath.line.indexOf(":") + 1)) : null,
    subject: m.subject ?? "",
    messageId: normaliseMessageId(m.messageId),
    inReplyTo: extractMessageIds(m.inReplyTo ?? null),
    references: extractMessageIds(m.references ?? null),
    text,
    parts,
  };
}

/**
 * A message mailparser refuses (over 1,000 MIME parts, a header block over 1 MB) is still kept:
 * its top-level headers when they are of a sane size, its raw text as the body. It is recorded
 * like any other message instead of stopping the mailbox's reader at it.
 */
async function unparsable(source: Buffer): Promise<InboundEmail> {
  const end = source.indexOf("\r\n\r\n");
  const head = end > 0 && end < 256_000 ? source.subarray(0, end + 4) : Buffer.from("\r\n");
  const m = await simpleParser(head, OPTIONS).catch(() => simpleParser(Buffer.from("\r\n"), OPTIONS));
  return emailOf(m, [], rawBody(source, []));
}

/** One header per line, unfolded; mailparser's decoded value where it has a plain one. */
function headersOf(lines: HeaderLines, parsed: Headers): InboundHeader[] {
  const seen = new Map<string, number>();
  return lines
    .filter((l) => l.key)
    .map(({ key, line }) => {
      const i = seen.get(key) ?? 0;
      seen.set(key, i + 1);
      const decoded = parsed.get(key);
      const one = Array.isArray(decoded) ? decoded[i] : i === 0 ? decoded : undefined;
      const raw = line
        .slice(line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim();
      return { key, value: typeof one === "string" && key !== "content-type" ? one : raw };
    });
}

async function partOf(a: Attachment): Promise<InboundPart> {
  const ct = a.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const contentType = (ct?.value ?? a.contentType ?? "application/octet-stream").toLowerCase();
  const params = Object.fromEntries(
    Object.entries(ct?.params ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  const text =
    TEXTUAL.test(contentType) || RETURNED.test(contentType) ? decode(a.content, params.charset) : null;
  return {
    contentType,
    params,
    isAttachment: a.contentDisposition === "attachment",
    text: TEXTUAL.test(contentType) ? text : null,
    headers: RETURNED.test(contentType) && text !== null ? await returnedHeaders(text) : null,
  };
}

/**
 * A body whose MIME structure is broken (a boundary parameter on an unfolded line) yields no text
 * from mailparser; its words are still in the source, and losing them would make a bounce look
 * like an empty reply.
 */
function rawBody(source: Buffer, parts: InboundPart[]): string {
  if (parts.length) return "";
  const start = source.indexOf("\r\n\r\n");
  if (start < 0) return "";
  return new TextDecoder("utf-8")
    .decode(source.subarray(start + 4, start + 4 + 100_000))
    .replace(/\r\n/g, "\n")
    .trim();
}

async function returnedHeaders(text: string): Promise<InboundHeader[]> {
  // Only the header block; a returned body can be large and is never read.
  const end = text.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? text.slice(0, end) : text).slice(0, 200_000).replace(/^\s+/, "");
  if (!block) return [];
  const h: ParsedMail = await simpleParser(`${block.replace(/\r?\n/g, "\r\n")}\r\n\r\n`, OPTIONS);
  return headersOf(h.headerLines, h.headers);
}

function decode(content: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || "utf-8").decode(content);
  } catch {
    // An unknown label: UTF-8 with replacement characters loses less than refusing the part.
    return new TextDecoder("utf-8").decode(content);
  }
}
