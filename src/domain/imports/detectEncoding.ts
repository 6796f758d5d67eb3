import iconv from "iconv-lite";

/** Encodings a person's spreadsheet export comes in; names are WHATWG labels TextDecoder accepts. */
export const textEncodings = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "windows-1252",
  "iso-8859-15",
  "windows-1250",
  "iso-8859-2",
] as const;
export type TextEncoding = (typeof textEncodings)[number];

/**
 * Decodes with iconv-lite: Node 20's TextDecoder reads "windows-1252" as Latin-1 (0x80 comes out
 * as a control character instead of €, and so do the curly quotes Excel writes).
 */
export const decodeBytes = (b: Uint8Array, encoding: TextEncoding) => iconv.decode(Buffer.from(b), encoding);

export type EncodingGuess = { encoding: TextEncoding; bomBytes: number; how: "bom" | "detected" | "chosen" };

function isValidUtf8(b: Uint8Array, end: number): boolean {
  try {
    // A sequence cut at the end of the sample is not an error: `stream` leaves it pending.
    new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(0, end), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Letters next to letters score; a decoded byte that lands on a symbol or a control between letters does not. */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const ch = text[i]!;
    if (c >= 0x80 && c < 0xa0)
      score -= 3; // C1 controls: never text
    else if (/\p{L}/u.test(ch)) {
      const near = (text[i - 1] ?? " ") + (text[i + 1] ?? " ");
      score += /\p{L}/u.test(near) ? 2 : 1;
    } else if (!/[\s€£¥§°±·«»¿¡–—’‘“”•…]/u.test(ch)) score -= 1;
  }
  return score;
}

/**
 * The encoding of a file from its first bytes: a byte-order mark if there is one (UTF-8, UTF-16LE,
 * UTF-16BE); UTF-16 without a mark from its zero bytes; UTF-8 when the sample is valid UTF-8;
 * otherwise the single-byte code page whose decoding reads most like text (Western European
 * Windows-1252, what Excel writes in those locales, unless Central European letters fit better).
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bomBytes: 3, how: "bom" };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2, how: "bom" };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2, how: "bom" };
  const n = Math.min(head.length, 64 * 1024);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  // ASCII text in UTF-16 has a zero in every other byte; a stray NUL or two does not.
  if (n >= 4 && oddZeros > n / 4 && evenZeros < n / 40)
    return { encoding: "utf-16le", bomBytes: 0, how: "detected" };
  if (n >= 4 && evenZeros > n / 4 && oddZeros < n / 40)
    return { encoding: "utf-16be", bomBytes: 0, how: "detected" };
  if (isValidUtf8(head, n)) return { encoding: "utf-8", bomBytes: 0, how: "detected" };
  const sample = head.subarray(0, n);
  let best: { encoding: TextEncoding; score: number } = { encoding: "windows-1252", score: -Infinity };
  for (const encoding of ["windows-1252", "windows-1250"] as const) {
    const score = plausibility(decodeBytes(sample, encoding));
    if (score > best.score) best = { encoding, score };
  }
  return { encoding: best.encoding, bomBytes: 0, how: "detected" };
}

/** The byte-order mark to skip when the person chose the encoding themselves. */
export function bomLength(head: Uint8Array, encoding: TextEncoding): number {
  const guess = detectEncoding(head);
  return guess.how === "bom" && guess.encoding === encoding ? guess.bomBytes : 0;
}
