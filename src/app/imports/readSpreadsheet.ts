import { AppError } from "../../domain/appError";
import type { TextEncoding } from "../../domain/imports/detectEncoding";
import type { ByteSource } from "./byteSource";
import { type CsvOptions, openCsv } from "./readCsv";
import { readXlsxRows } from "./readXlsx";
import type { SheetRow } from "./sheetRow";

export type { SheetRow } from "./sheetRow";
export type SpreadsheetFormat = "csv" | "xlsx";

const startsWith = (b: Uint8Array | undefined, sig: number[]) => !!b && sig.every((x, i) => b[i] === x);

/**
 * The format from the first bytes (a zip is "PK\x03\x04"), else the name. The old binary .xls
 * (an OLE2 file) is refused with a way forward: the npm builds of the libraries that read it
 * carry known, unfixed vulnerabilities (see docs/ARCHITECTURE.md).
 */
export function formatOf(fileName: string, firstBytes?: Uint8Array): SpreadsheetFormat {
  if (startsWith(firstBytes, [0x50, 0x4b, 3, 4])) return "xlsx";
  if (startsWith(firstBytes, [0xd0, 0xcf, 0x11, 0xe0]) || (!firstBytes && /\.xls$/i.test(fileName)))
    throw new AppError(
      "validation",
      "this is an old Excel .xls file, which Overture does not read: open it in Excel, LibreOffice or Google Sheets and save it as .xlsx or .csv",
      { field: "file" },
    );
  return /\.xlsx$/i.test(fileName) ? "xlsx" : "csv";
}

/** Where a stored file can be read from: front to back (CSV), or at random (XLSX, a zip). */
export type SheetSource = { stream(): AsyncIterable<Uint8Array>; bytes(): Promise<ByteSource> };

export type SheetInfo = {
  encoding: TextEncoding | null;
  encodingDetected: boolean;
  delimiter: string | null;
};

/** Opens a file for reading rows: what was detected (or chosen) and the rows themselves. */
export async function openSheet(
  format: SpreadsheetFormat,
  src: SheetSource,
  o: CsvOptions = {},
): Promise<{ info: SheetInfo; rows: AsyncGenerator<SheetRow> }> {
  if (format === "xlsx")
    return {
      info: { encoding: null, encodingDetected: false, delimiter: null },
      rows: readXlsxRows(await src.bytes()),
    };
  return openCsv(src.stream(), o);
}
