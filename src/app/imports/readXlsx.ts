import { AppError } from "../../domain/appError";
import {
  firstSheetPath,
  lastElementEnd,
  parseSharedStrings,
  parseSheetRows,
} from "../../domain/imports/xlsxXml";
import type { ByteSource } from "./byteSource";
import type { SheetRow } from "./sheetRow";
import { entryText, InflateBudget, readZipDirectory, type ZipEntry } from "./zipEntries";

/**
 * What one XLSX import may read. Streaming keeps memory flat whatever the sheet's size, except for
 * the shared-string table, which a sheet refers into and so must be held (capped here); the rest
 * bounds the work a small file can ask for. Larger data imports as CSV, which has no limit.
 */
export const xlsxLimits = {
  inflatedBytes: 200 * 2 ** 20,
  inflateRatio: 100,
  sharedStringChars: 32 * 2 ** 20,
  rows: 1_048_576, // Excel's own maximum
  columns: 16_384, // likewise
  smallPartBytes: 4 * 2 ** 20,
};

const tooLarge = (what: string) =>
  new AppError("too_large", `this workbook has ${what}; save it as .csv (any size) and import that`, {
    field: "file",
  });

async function smallPart(src: ByteSource, e: ZipEntry | undefined, budget: InflateBudget) {
  if (!e) return "";
  if (e.size > xlsxLimits.smallPartBytes) throw tooLarge(`an oversized ${e.name}`);
  let s = "";
  for await (const t of entryText(src, e, budget)) {
    s += t;
    if (s.length > xlsxLimits.smallPartBytes) throw tooLarge(`an oversized ${e.name}`);
  }
  return s;
}

/** Yields the complete elements named `tag` of an entry, a segment at a time. */
async function* segments(src: ByteSource, e: ZipEntry, budget: InflateBudget, tag: string) {
  let pending = "";
  for await (const t of entryText(src, e, budget)) {
    pending += t;
    const end = lastElementEnd(pending, tag);
    if (end < 0) {
      if (pending.length > xlsxLimits.smallPartBytes) throw tooLarge(`a single ${tag} larger than 4 MB`);
      continue;
    }
    yield pending.slice(0, end);
    pending = pending.slice(end);
  }
  if (pending) yield pending;
}

async function sharedStrings(src: ByteSource, e: ZipEntry | undefined, budget: InflateBudget) {
  const strings: string[] = [];
  if (!e) return strings;
  let chars = 0;
  for await (const seg of segments(src, e, budget, "si"))
    for (const s of parseSharedStrings(seg)) {
      chars += s.length;
      if (chars > xlsxLimits.sharedStringChars) throw tooLarge("more than 32 million characters of text");
      strings.push(s);
    }
  return strings;
}

/**
 * The first visible sheet of an XLSX workbook, row by row. Each zip entry is inflated once, in
 * small pieces counted against the limits, so a zip bomb is refused after a few megabytes instead
 * of filling memory. `line` is the sheet's row number, as Excel shows it.
 */
export async function* readXlsxRows(src: ByteSource): AsyncGenerator<SheetRow> {
  const entries = await readZipDirectory(src);
  const budget = new InflateBudget(xlsxLimits.inflatedBytes, xlsxLimits.inflateRatio);
  const workbook = await smallPart(src, entries.get("xl/workbook.xml"), budget);
  const rels = await smallPart(src, entries.get("xl/_rels/workbook.xml.rels"), budget);
  const sheetPath = workbook ? firstSheetPath(workbook, rels) : null;
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet)
    throw new AppError("validation", "this file has no worksheet: is it an Excel workbook (.xlsx)?", {
      field: "file",
    });
  for (const e of [sheet, entries.get("xl/sharedStrings.xml")])
    if (e && e.size > xlsxLimits.inflatedBytes)
      throw tooLarge(`more than ${xlsxLimits.inflatedBytes / 2 ** 20} MB of data once unzipped`);
  const strings = await sharedStrings(src, entries.get("xl/sharedStrings.xml"), budget);
  const lookup = (i: number) => strings[i];
  let last = 0;
  for await (const seg of segments(src, sheet, budget, "row")) {
    for (const r of parseSheetRows(seg, lookup, last)) {
      last = r.row;
      if (r.row > xlsxLimits.rows) throw tooLarge(`more than ${xlsxLimits.rows.toLocaleString("en")} rows`);
      if (r.cells.length > xlsxLimits.columns)
        throw tooLarge(`more than ${xlsxLimits.columns.toLocaleString("en")} columns`);
      if (r.cells.every((c) => !c.trim())) continue;
      yield { line: r.row, cells: r.cells };
    }
  }
}
