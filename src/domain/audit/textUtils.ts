/**
 * Small text helpers shared by the extractor and the checks. Lengths are counted in user-perceived
 * characters (grapheme clusters): "Café" is 4 whether the é is one code point or e + accent, and
 * a flag emoji is 1 — closer to what a search result shows than bytes or UTF-16 units.
 */
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

export function graphemeLength(s: string): number {
  let count = 0;
  for (const _ of graphemes.segment(s)) count++;
  return count;
}

/** Collapses runs of ASCII whitespace and trims them, as browsers do for document.title (nbsp stays). */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\t\n\f\r ]+/g, " ").replace(/^ | $/g, "");
}

/** At most `max` characters, with an ellipsis when cut, so evidence stays readable. */
export function shorten(s: string, max: number): string {
  if (graphemeLength(s) <= max) return s;
  return (
    [...graphemes.segment(s)]
      .slice(0, max - 1)
      .map((g) => g.segment)
      .join("") + "…"
  );
}

export const quoted = (s: string) => `“${shorten(s, 120)}”`;

/** "a, b and c" or "a, b, c and 4 more". */
export function listSome(items: string[], max = 3): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0];
  if (items.length <= max) return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Binary units (1 KB = 1024 bytes), matching how browsers' dev tools report sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
