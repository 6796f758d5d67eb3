/**
 * Byte-level helpers for the raw-source parsers. Internally a message is a "binary string": one
 * char per byte (0–255), so transfer decodings and boundary splitting work on bytes and charsets
 * are only applied at the leaves.
 */

/** Raw source as a binary string with LF line ends. A JS string is taken to be decoded UTF-8. */
export function toBinary(raw: string | Uint8Array): string {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  let out = "";
  // Chunked: String.fromCharCode(...bytes) overflows the call stack on large messages.
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length)));
  return out.replace(/\r\n/g, "\n");
}

export function binaryToBytes(bin: string): Uint8Array {
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i) & 0xff;
  return bytes;
}

export function decodeQuotedPrintable(bin: string): string {
  return bin
    .replace(/[ \t]+$/gm, "")
    .replace(/=\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Tolerant base64: ignores line breaks and junk, repairs missing padding. */
export function decodeBase64(text: string): string {
  let s = text.replace(/[^A-Za-z0-9+/]/g, "");
  if (s.length % 4 === 1) s = s.slice(0, -1);
  while (s.length % 4) s += "=";
  try {
    return atob(s);
  } catch {
    return "";
  }
}

export function decodeTransfer(bin: string, encoding: string | null | undefined): string {
  const e = (encoding ?? "").trim().toLowerCase();
  if (e === "base64") return decodeBase64(bin);
  if (e === "quoted-printable") return decodeQuotedPrintable(bin);
  return bin;
}

/**
 * Bytes to text in the declared charset. Unknown or missing charsets try UTF-8 first and fall back
 * to windows-1252, which is what mislabelled mail from Western senders almost always is.
 */
export function decodeCharset(bin: string, charset?: string | null): string {
  const bytes = binaryToBytes(bin);
  const label = (charset ?? "").trim().toLowerCase().replace(/^"|"$/g, "");
  if (label && label !== "us-ascii" && label !== "ascii") {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: fall through to the guess below
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
