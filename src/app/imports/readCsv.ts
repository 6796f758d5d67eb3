import iconv from "iconv-lite";
import { cleanCells } from "../../domain/imports/cleanCells";
import { CsvTokenizer } from "../../domain/imports/csvTokenizer";
import { detectDelimiter } from "../../domain/imports/detectDelimiter";
import { detectEncoding, type TextEncoding } from "../../domain/imports/detectEncoding";
import type { SheetRow } from "./sheetRow";

export type CsvOptions = { encoding?: TextEncoding | null; delimiter?: string | null };
export type CsvInfo = { encoding: TextEncoding; encodingDetected: boolean; delimiter: string };

const SNIFF_BYTES = 64 * 1024;

/**
 * Opens a CSV (or tab-separated "Unicode text") stream: the first 64 KiB are gathered to judge the
 * encoding (byte-order mark, then content) and the delimiter, unless the person chose them; then
 * rows stream through the tokenizer, which reports a broken line and reads on.
 */
export async function openCsv(
  chunks: AsyncIterable<Uint8Array>,
  o: CsvOptions = {},
): Promise<{ info: CsvInfo; rows: AsyncGenerator<SheetRow> }> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const n = await it.next();
    if (n.done) {
      done = true;
      break;
    }
    head.push(n.value);
    headBytes += n.value.length;
  }
  const headBuf = Buffer.concat(head);
  const encoding = o.encoding ?? detectEncoding(headBuf).encoding;
  // iconv-lite removes a byte-order mark of the encoding it decodes, and only that one.
  const decoder = iconv.getDecoder(encoding);
  let first = decoder.write(headBuf);
  // Old Mac exports end lines with CR alone; the tokenizer splits on LF.
  const crOnly = !first.includes("\n") && first.includes("\r");
  if (crOnly) first = first.replace(/\r/g, "\n");
  const delimiter = o.delimiter ?? detectDelimiter(first.slice(0, SNIFF_BYTES));
  const info: CsvInfo = { encoding, encodingDetected: !o.encoding, delimiter };

  async function* rows(): AsyncGenerator<SheetRow> {
    const tokenizer = new CsvTokenizer(delimiter);
    const label = encoding.startsWith("utf") ? encoding.toUpperCase() : encoding;
    const emit = function* (records: ReturnType<CsvTokenizer["push"]>) {
      for (const r of records) {
        if (!r.problem && r.cells.length === 1 && !r.cells[0]!.trim()) continue;
        const { cells, warnings } = cleanCells(r.cells, label);
        const all = [...(r.warnings ?? []), ...warnings];
        const row: SheetRow = { line: r.line, cells };
        if (r.problem) row.problem = r.problem;
        if (all.length) row.warnings = all;
        yield row;
      }
    };
    yield* emit(tokenizer.push(first));
    if (!done)
      for (;;) {
        const n = await it.next();
        if (n.done) break;
        const text = decoder.write(Buffer.from(n.value.buffer, n.value.byteOffset, n.value.byteLength));
        if (text) yield* emit(tokenizer.push(crOnly ? text.replace(/\r/g, "\n") : text));
      }
    const tail = decoder.end() ?? "";
    if (tail) yield* emit(tokenizer.push(crOnly ? tail.replace(/\r/g, "\n") : tail));
    yield* emit(tokenizer.end());
  }
  return { info, rows: rows() };
}
