/**
 * The parts of SpreadsheetML (ECMA-376) an import reads: rows and cells of a worksheet and the
 * shared-string table. The XML is machine-written, so complete elements are matched with regular
 * expressions over a segment that ends on an element boundary; the reader feeds segments as the
 * entry inflates, so nothing holds a whole sheet. Element names may carry a namespace prefix
 * (`<x:row>`), as some generators write them.
 */

const entity = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML entities, then OOXML's `_xHHHH_` escapes for characters XML cannot carry (e.g. `_x000D_`). */
export function decodeXmlText(s: string): string {
  let t = s.includes("&")
    ? s.replace(entity, (_, hex, dec, name) =>
        name ? named[name]! : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10)),
      )
    : s;
  if (t.includes("_x")) t = t.replace(/_x([0-9a-fA-F]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return t;
}

/** "A" → 0, "Z" → 25, "AA" → 26: the column of a cell reference such as "AB12". */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const attr = (attrs: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1]! : undefined;
};

/** The text of a string item (`<si>` or `<is>`): every run's `<t>`, without phonetic guides. */
function stringItemText(inner: string): string {
  const body = inner.includes("rPh")
    ? inner.replace(/<(?:[\w-]+:)?rPh\b[\s\S]*?<\/(?:[\w-]+:)?rPh>/g, "")
    : inner;
  let out = "";
  const t = /<(?:[\w-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w-]+:)?t>/g;
  for (let m = t.exec(body); m; m = t.exec(body)) out += m[1];
  return decodeXmlText(out);
}

/** Where the last complete element named `tag` ends in `xml`, or -1. */
export function lastElementEnd(xml: string, tag: string): number {
  const re = new RegExp(`</(?:[\\w-]+:)?${tag}>|<(?:[\\w-]+:)?${tag}\\b[^>]*/>`, "g");
  let end = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) end = m.index + m[0].length;
  return end;
}

/** The shared strings in a segment of `sharedStrings.xml` that ends on an element boundary. */
export function parseSharedStrings(segment: string): string[] {
  const out: string[] = [];
  const si = /<(?:[\w-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?si>)/g;
  for (let m = si.exec(segment); m; m = si.exec(segment)) out.push(m[1] ? stringItemText(m[1]) : "");
  return out;
}

export type XlsxRow = { row: number; cells: string[] };

/**
 * The rows of a worksheet segment that ends on a row boundary. `row` is the sheet's 1-based row
 * number (rows Excel leaves out are simply absent); cells are placed by their reference, so an
 * empty cell Excel omits stays an empty column.
 */
export function parseSheetRows(
  segment: string,
  sharedString: (i: number) => string | undefined,
  previousRow: number,
): XlsxRow[] {
  const out: XlsxRow[] = [];
  const rowRe = /<(?:[\w-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?row>)/g;
  let last = previousRow;
  for (let m = rowRe.exec(segment); m; m = rowRe.exec(segment)) {
    const r = Number(attr(m[1]!, "r")) || last + 1;
    last = r;
    if (!m[2]) continue;
    const cells: string[] = [];
    const cRe = /<(?:[\w-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?c>)/g;
    for (let c = cRe.exec(m[2]); c; c = cRe.exec(m[2])) {
      const ref = attr(c[1]!, "r");
      const index = ref ? columnIndex(ref) : cells.length;
      const type = attr(c[1]!, "t");
      const inner = c[2] ?? "";
      let value: string;
      if (type === "inlineStr") {
        const is = /<(?:[\w-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?is>/.exec(inner);
        value = is ? stringItemText(is[1]!) : "";
      } else {
        const v = /<(?:[\w-]+:)?v\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?v>/.exec(inner);
        const raw = v ? decodeXmlText(v[1]!) : "";
        if (type === "s") value = raw === "" ? "" : (sharedString(Number(raw)) ?? "");
        else if (type === "b") value = raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
        else value = raw;
      }
      while (cells.length < index) cells.push("");
      cells[index] = value;
    }
    out.push({ row: r, cells });
  }
  return out;
}

/** The worksheet a workbook opens on: its first sheet that is not hidden, as a path in the zip. */
export function firstSheetPath(workbookXml: string, relsXml: string): string | null {
  const sheets = [...workbookXml.matchAll(/<(?:[\w-]+:)?sheet\b([^>]*?)\/?>/g)].map((m) => m[1]!);
  const visible = sheets.find((a) => !/\sstate="(?:hidden|veryHidden)"/.test(` ${a}`)) ?? sheets[0];
  if (!visible) return null;
  const id = /(?:^|\s)[\w-]+:id="([^"]*)"/.exec(visible)?.[1];
  for (const m of relsXml.matchAll(/<(?:[\w-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    if (attr(m[1]!, "Id") !== id) continue;
    const target = attr(m[1]!, "Target");
    if (!target) return null;
    return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  }
  return null;
}
