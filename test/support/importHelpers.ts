import { readFileSync } from "node:fs";
import path from "node:path";
import { type CsvOptions, openCsv } from "../../src/app/imports/readCsv";

/** Feeds a file to the importer in small pieces, the way an upload or a disk stream arrives. */
export async function* chunked(data: Uint8Array | string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures", name));

/** The rows of CSV bytes as the importer reads them, fed in small pieces. */
export async function csvRows(data: Uint8Array | string, size = 7, o: CsvOptions = {}) {
  return (await openCsv(chunked(data, size), o)).rows;
}
