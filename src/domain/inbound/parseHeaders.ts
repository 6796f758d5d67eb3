import { decodeEncodedWords } from "./encodedWords";
import { decodeCharset, toBinary } from "./mimeDecoding";

/** One header field: `name` as written, `key` lower-cased, `value` unfolded and trimmed. */
export type HeaderField = { name: string; key: string; value: string };

/** Splits a binary message (LF line ends) at the first empty line. */
export function splitMessage(bin: string): { headerBlock: string; body: string } {
  if (bin.startsWith("\n")) return { headerBlock: "", body: bin.slice(1) };
  const at = bin.indexOf("\n\n");
  return at < 0 ? { headerBlock: bin, body: "" } : { headerBlock: bin.slice(0, at), body: bin.slice(at + 2) };
}

/** Header block (binary string, LF line ends) into fields; lines that are not fields are skipped. */
export function parseHeaderBlock(headerBlock: string): HeaderField[] {
  const fields: HeaderField[] = [];
  let current: string | null = null;
  const push = () => {
    const m = current?.match(/^([!-9;-~]+)[ \t]*:([\s\S]*)$/);
    // Raw 8-bit headers (RFC 6532) are UTF-8 when valid, otherwise legacy single-byte.
    if (m) fields.push({ name: m[1]!, key: m[1]!.toLowerCase(), value: decodeCharset(m[2]!).trim() });
    current = null;
  };
  for (const line of headerBlock.split("\n")) {
    if (/^[ \t]/.test(line)) {
      // Unfolding removes the line break and keeps the whitespace (RFC 5322 §2.2.3).
      if (current !== null) current += line;
      continue;
    }
    push();
    current = line;
  }
  push();
  return fields;
}

/**
 * RFC 5322 header fields of a raw message (or of just its header block). Accepts bytes or a string
 * and stops at the first empty line; an mbox "From " line or other junk is ignored.
 */
export function parseHeaders(raw: string | Uint8Array): HeaderField[] {
  return parseHeaderBlock(splitMessage(toBinary(raw)).headerBlock);
}

/** First value of a header, case-insensitively, or null. */
export function headerValue(fields: readonly HeaderField[], name: string): string | null {
  const key = name.toLowerCase();
  return fields.find((f) => f.key === key)?.value ?? null;
}

/** Every value of a header in order (Received, References split over several fields, ...). */
export function headerValues(fields: readonly HeaderField[], name: string): string[] {
  const key = name.toLowerCase();
  return fields.filter((f) => f.key === key).map((f) => f.value);
}

/** First value with RFC 2047 encoded-words decoded (Subject, display names). */
export function decodedHeaderValue(fields: readonly HeaderField[], name: string): string | null {
  const v = headerValue(fields, name);
  return v === null ? null : decodeEncodedWords(v);
}

/** Lower-cased name → all values, the shape classifyInbound accepts. */
export function headersToRecord(fields: readonly HeaderField[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of fields) (out[f.key] ??= []).push(f.value);
  return out;
}
