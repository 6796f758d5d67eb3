import { decodeEntities } from "./decodeEntities";

/**
 * A small, tolerant HTML tokenizer: enough of the WHATWG tokenizer to read real-world homepages
 * (uppercase tags, unquoted or reordered attributes, comments, doctype, scripts) without a parser
 * dependency. It never throws and runs in one linear pass, because page HTML is untrusted input.
 *
 * What it deliberately gets right, because the audit depends on it:
 * - <script>, <style>, <noscript>, <iframe>… bodies are raw text, so a "<title>" or "<img>" inside a
 *   script string or a tracking-pixel <noscript> (invisible when scripts run) is never seen as a tag;
 * - <title> and <textarea> are text with character references decoded;
 * - inside <svg>/<math>, <title> is an ordinary element (an icon's tooltip, not the page title);
 * - a tag cut off by the end of the input (the fetcher may truncate) is dropped, not half-read;
 * - the first of duplicated attributes wins, names are lower-cased, values decoded.
 */
export type HtmlToken =
  | {
      kind: "start";
      name: string;
      attrs: Map<string, string>;
      selfClosing: boolean;
      /** Inside <svg> or <math>, where HTML semantics (title, img) do not apply. */
      foreign: boolean;
    }
  | { kind: "end"; name: string }
  | { kind: "text"; text: string };

const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]);
const ESCAPABLE_RAW_TEXT = new Set(["title", "textarea"]);
const FOREIGN_ROOTS = new Set(["svg", "math"]);
const CLOSING_TAG = new Map(
  [...RAW_TEXT, ...ESCAPABLE_RAW_TEXT].map((name) => [
    name,
    new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, "gi"),
  ]),
);

const isSpace = (c: string) => c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\f";
const isAsciiAlpha = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");

type Tag = { name: string; attrs: Map<string, string>; selfClosing: boolean; end: number };

/** Reads a tag whose name starts at `pos`; null when the input ends before its ">". */
function readTag(html: string, pos: number): Tag | null {
  const n = html.length;
  let i = pos;
  while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">") i++;
  const name = html.slice(pos, i).toLowerCase();
  const attrs = new Map<string, string>();
  let selfClosing = false;
  while (i < n) {
    const c = html[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === ">") return { name, attrs, selfClosing, end: i + 1 };
    if (c === "/") {
      // Only "/>" marks self-closing; a stray "/" elsewhere is treated like whitespace.
      i++;
      selfClosing = html[i] === ">";
      continue;
    }
    selfClosing = false;
    // The spec lets an attribute name start with "=", so the first character is always taken.
    const nameStart = i++;
    while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">" && html[i] !== "=") i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    while (i < n && isSpace(html[i])) i++;
    let value = "";
    if (html[i] === "=") {
      i++;
      while (i < n && isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const start = i;
        while (i < n && !isSpace(html[i]) && html[i] !== ">") i++;
        value = html.slice(start, i);
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
  }
  return null;
}

/** Index just past a comment whose body starts at `from` (after "<!--"), or the input length. */
function endOfComment(html: string, from: number): number {
  // "<!-->" and "<!--->" are complete (empty) comments.
  if (html[from] === ">") return from + 1;
  if (html.startsWith("->", from)) return from + 2;
  const dashes = html.indexOf("-->", from);
  const bang = html.indexOf("--!>", from);
  if (dashes === -1 && bang === -1) return html.length;
  if (bang === -1 || (dashes !== -1 && dashes < bang)) return dashes + 3;
  return bang + 4;
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const n = html.length;
  let i = 0;
  let textStart = 0;
  let foreignDepth = 0;

  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ kind: "text", text: decodeEntities(html.slice(textStart, end)) });
  };
  const skipTo = (next: number) => {
    i = next;
    textStart = next;
  };
  const afterNextGt = (from: number) => {
    const gt = html.indexOf(">", from);
    return gt === -1 ? n : gt + 1;
  };

  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    const next = html[lt + 1] ?? "";

    if (html.startsWith("<!--", lt)) {
      flushText(lt);
      skipTo(endOfComment(html, lt + 4));
      continue;
    }
    if (next === "!" || next === "?") {
      // Doctype, CDATA outside foreign content, processing instructions: nothing the audit reads.
      flushText(lt);
      skipTo(afterNextGt(lt));
      continue;
    }
    if (next === "/") {
      flushText(lt);
      if (!isAsciiAlpha(html[lt + 2] ?? "")) {
        skipTo(afterNextGt(lt)); // "</>" or a bogus comment like "</ 3>"
        continue;
      }
      const tag = readTag(html, lt + 2);
      if (!tag) return tokens;
      if (FOREIGN_ROOTS.has(tag.name) && foreignDepth > 0) foreignDepth--;
      tokens.push({ kind: "end", name: tag.name });
      skipTo(tag.end);
      continue;
    }
    if (!isAsciiAlpha(next)) {
      i = lt + 1; // a literal "<" in text, e.g. "a < b"
      continue;
    }

    flushText(lt);
    const tag = readTag(html, lt + 1);
    if (!tag) return tokens;
    const foreign = foreignDepth > 0 || FOREIGN_ROOTS.has(tag.name);
    if (FOREIGN_ROOTS.has(tag.name) && !tag.selfClosing) foreignDepth++;
    tokens.push({ kind: "start", name: tag.name, attrs: tag.attrs, selfClosing: tag.selfClosing, foreign });
    skipTo(tag.end);

    if (tag.name === "plaintext" && !foreign) {
      tokens.push({ kind: "text", text: html.slice(i) });
      return tokens;
    }
    const raw = RAW_TEXT.has(tag.name);
    if (foreign || (!raw && !ESCAPABLE_RAW_TEXT.has(tag.name))) continue;
    // Raw text runs to the matching end tag, whatever it contains (even "</div>" or "<title>").
    const closing = CLOSING_TAG.get(tag.name)!;
    closing.lastIndex = i;
    const close = closing.exec(html)?.index ?? n;
    if (close > i) {
      const body = html.slice(i, close);
      tokens.push({ kind: "text", text: raw ? body : decodeEntities(body) });
    }
    if (close === n) return tokens;
    const end = readTag(html, close + 2);
    if (!end) return tokens;
    tokens.push({ kind: "end", name: end.name });
    skipTo(end.end);
  }
  flushText(n);
  return tokens;
}
