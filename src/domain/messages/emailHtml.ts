/**
 * Outreach emails are written as plain text. When a sequence tracks opens or clicks, the same text
 * is also sent as minimal HTML (a pixel needs HTML; links are rewritten in both parts so the click is
 * seen whichever part the client shows). Nothing else changes: no styling, no images besides the pixel.
 */
const urlPattern = /https?:\/\/[^\s<>"']+/g;

/** A URL found in text, without the sentence punctuation that usually follows it. */
function splitTrailing(raw: string): [string, string] {
  const m = /[.,;:!?)\]]+$/.exec(raw);
  return m ? [raw.slice(0, m.index), m[0]] : [raw, ""];
}

export function rewriteLinks(text: string, rewrite: (url: string) => string, keep: (url: string) => boolean) {
  return text.replace(urlPattern, (raw) => {
    const [url, tail] = splitTrailing(raw);
    return (keep(url) ? url : rewrite(url)) + tail;
  });
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Paragraphs and line breaks kept; each URL becomes a link showing the real address, pointing at `href(url)`. */
export function textToHtml(
  text: string,
  o: { href: (url: string) => string; pixelUrl: string | null },
): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(urlPattern)) {
    const [url, tail] = splitTrailing(m[0]);
    parts.push(escapeHtml(text.slice(last, m.index)));
    parts.push(`<a href="${escapeHtml(o.href(url))}">${escapeHtml(url)}</a>${escapeHtml(tail)}`);
    last = m.index + m[0].length;
  }
  parts.push(escapeHtml(text.slice(last)));
  const body = parts
    .join("")
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const pixel = o.pixelUrl ? `\n<img src="${escapeHtml(o.pixelUrl)}" width="1" height="1" alt="">` : "";
  return `<!doctype html><html><body>${body}${pixel}</body></html>`;
}
