import { parseContentType } from "./contentType";
import { decodeTransfer, toBinary } from "./mimeDecoding";
import { type HeaderField, headerValue, parseHeaderBlock, splitMessage } from "./parseHeaders";

export type MimePart = {
  /** Child indexes from the root ([] is the message itself). */
  path: number[];
  type: string;
  params: Record<string, string>;
  headers: HeaderField[];
  /** Transfer-decoded bytes as a binary string; "" for multiparts. */
  body: string;
  isAttachment: boolean;
};

const MAX_DEPTH = 12;
const MAX_PARTS = 400;

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split("\n")) {
    const trimmed = line.replace(/[ \t\r]+$/, "");
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current.join("\n"));
      if (trimmed.endsWith("--") && trimmed !== delimiter) return parts;
      current = [];
    } else current?.push(line);
  }
  // No closing delimiter (truncated message): keep what arrived.
  if (current) parts.push(current.join("\n"));
  return parts;
}

function walk(bin: string, path: number[], out: MimePart[]) {
  const { headerBlock, body } = splitMessage(bin);
  const headers = parseHeaderBlock(headerBlock);
  const { type, params } = parseContentType(headerValue(headers, "content-type"));
  const isAttachment = /^\s*attachment/i.test(headerValue(headers, "content-disposition") ?? "");
  const multipart = type.startsWith("multipart/") && params.boundary;
  out.push({
    path,
    type,
    params,
    headers,
    body: multipart ? "" : decodeTransfer(body, headerValue(headers, "content-transfer-encoding")),
    isAttachment,
  });
  if (!multipart || path.length >= MAX_DEPTH) return;
  splitMultipart(body, params.boundary!).forEach((part, i) => {
    if (out.length < MAX_PARTS) walk(part, [...path, i], out);
  });
}

/**
 * Every MIME entity of a raw message, depth first, multipart containers included. message/rfc822
 * parts are leaves (their body is the enclosed message) so a bounced original is never mistaken
 * for part of the report.
 */
export function mimeParts(raw: string | Uint8Array): MimePart[] {
  const out: MimePart[] = [];
  walk(toBinary(raw), [], out);
  return out;
}
