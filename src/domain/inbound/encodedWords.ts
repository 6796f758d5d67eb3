import { decodeBase64, decodeCharset } from "./mimeDecoding";

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function decodeQ(text: string): string {
  return text
    .replace(/_/g, " ")
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * RFC 2047 encoded-words ("=?UTF-8?B?...?=", "=?iso-8859-1?Q?...?="). Whitespace between two
 * encoded-words is dropped, and adjacent words in the same charset are joined as bytes before
 * decoding, because encoders split multi-byte characters across words.
 */
export function decodeEncodedWords(value: string): string {
  let out = "";
  let pending: { charset: string; bin: string } | null = null;
  let last = 0;
  const flush = () => {
    if (pending) out += decodeCharset(pending.bin, pending.charset);
    pending = null;
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    // RFC 2231 lets a language ride on the charset ("utf-8*en"); it does not affect decoding.
    const charset = m[1]!.split("*")[0]!.toLowerCase();
    const bin = m[2]!.toLowerCase() === "b" ? decodeBase64(m[3]!) : decodeQ(m[3]!);
    const current = pending as { charset: string; bin: string } | null;
    if (current && current.charset === charset) current.bin += bin;
    else {
      flush();
      pending = { charset, bin };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
