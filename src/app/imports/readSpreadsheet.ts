import { Readable } from "node:stream";
import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import { detectDelimiter } from "../../domain/imports/detectDelimiter";

export type SpreadsheetFormat = "csv" | "xlsx";
/** `line` is the spreadsheet row number: the header is line 1, the first data row line 2. */
export type SheetRow = { line: number; cells: string[] };

export function formatOf(fileName: string, firstBytes?: Uint8Array): SpreadsheetFormat {
  // XLSX is a zip: "PK\x03\x04".
  if (
    firstBytes &&
    firstBytes[0] === 0x50 &&
    firstBytes[1] === 0x4b &&
    firstBytes[2] === 3 &&
    firstBytes[3] === 4
  )
    return "xlsx";
  return /\.xlsx$/i.test(fileName) ? "xlsx" : "csv";
}

const SNIFF_BYTES = 64 * 1024;

/** UTF-8 (BOM or not) unless the start of the file is not valid UTF-8: then Windows-1252, which old Excel writes. */
function pickEncoding(head: Uint8Array): string {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/**
 * Decodes to text. The first 64 KiB are gathered before anything is emitted, so both the encoding
 * and the CSV delimiter are judged on a real sample rather than on whatever the first chunk was.
 */
async function* decodeText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  for await (const c of chunks) {
    if (!decoder) {
      head.push(c);
      headBytes += c.length;
      if (headBytes < SNIFF_BYTES) continue;
      const all = Buffer.concat(head);
      decoder = new TextDecoder(pickEncoding(all));
      yield decoder.decode(all, { stream: true });
      continue;
    }
    const s = decoder.decode(c, { stream: true });
    if (s) yield s;
  }
  if (!decoder) {
    const all = Buffer.concat(head);
    decoder = new TextDecoder(pickEncoding(all));
    const s = decoder.decode(all, { stream: true });
    if (s) yield s;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Streams CSV rows: delimiter detected (comma, semicolon, tab, pipe), quoted fields with embedded
 * newlines, CRLF or LF, BOM stripped. Blank rows are skipped but still counted for line numbers.
 */
export async function* readCsvRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const text = decodeText(chunks);
  const first = await text.next();
  const sample = first.done ? "" : first.value;
  const parser = (Papa.parse as unknown as (i: unknown, o: object) => NodeJS.ReadWriteStream)(
    Papa.NODE_STREAM_INPUT,
    {
      delimiter: detectDelimiter(sample.slice(0, SNIFF_BYTES)),
    },
  );
  const input = Readable.from(
    (async function* () {
      if (sample) yield sample;
      yield* text;
    })(),
  );
  input.on("error", (e) => parser.emit("error", e));
  input.pipe(parser);
  let line = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    line++;
    if (row.length === 1 && !row[0]?.trim()) continue;
    yield { line, cells: row };
  }
}

function cellText(v: unknown): string {
  if (v == null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** XLSX is a zip and must be read whole; its first sheet is imported. */
export async function* readXlsxRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const rows = await readSheet(Buffer.concat(parts));
  let line = 0;
  for (const row of rows) {
    line++;
    const cells = row.map(cellText);
    if (cells.every((c) => !c.trim())) continue;
    yield { line, cells };
  }
}

export function readRows(format: SpreadsheetFormat, chunks: AsyncIterable<Uint8Array>) {
  return format === "xlsx" ? readXlsxRows(chunks) : readCsvRows(chunks);
}
