const candidates = [",", ";", "\t", "|"] as const;

/** Counts a character outside double-quoted sections of one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * Picks the delimiter that splits the first lines most consistently (same non-zero count on most
 * lines, more fields breaking ties). European Excel writes semicolons, exports from tools tabs.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 20);
  let best: { d: string; score: number } = { d: ",", score: -1 };
  for (const d of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (!first) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 100 + Math.min(first, 50);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}
