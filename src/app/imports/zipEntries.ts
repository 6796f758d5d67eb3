import { Inflate } from "fflate";
import { AppError } from "../../domain/appError";
import type { ByteSource } from "./byteSource";

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; offset: number };

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const notXlsx = (why: string) =>
  new AppError(
    "validation",
    `this file is not a readable .xlsx workbook (${why}); save it again as .xlsx or .csv`,
    {
      field: "file",
    },
  );

/** The entries of a zip, from its central directory (the end of the file), without reading the rest. */
export async function readZipDirectory(src: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notXlsx("no zip directory");
  const count = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) throw notXlsx("a ZIP64 archive");
  if (dirOffset + dirSize > src.size) throw notXlsx("a damaged zip directory");
  const dir = await src.read(dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0, n = 0; n < count; n++) {
    if (u32(dir, i) !== 0x02014b50) throw notXlsx("a damaged zip directory");
    const nameLength = u16(dir, i + 28);
    const name = new TextDecoder().decode(dir.subarray(i + 46, i + 46 + nameLength));
    entries.set(name, {
      name,
      method: u16(dir, i + 10),
      compressedSize: u32(dir, i + 20),
      size: u32(dir, i + 24),
      offset: u32(dir, i + 42),
    });
    i += 46 + nameLength + u16(dir, i + 30) + u16(dir, i + 32);
  }
  return entries;
}

/** What inflating may cost one import: every byte inflated is counted against it, whatever the zip declares. */
export class InflateBudget {
  private used = 0;
  constructor(
    readonly maxBytes: number,
    readonly maxRatio: number,
  ) {}

  take(bytes: number, entry: ZipEntry, inflatedSoFar: number) {
    this.used += bytes;
    if (this.used > this.maxBytes)
      throw new AppError(
        "too_large",
        `this workbook holds more than ${Math.round(this.maxBytes / 2 ** 20)} MB of data once unzipped; save it as .csv (any size) and import that`,
        { field: "file" },
      );
    // A ratio far above what spreadsheets compress to is how a zip bomb looks (Apache POI refuses at 100x too).
    if (inflatedSoFar > 1 << 20 && inflatedSoFar > this.maxRatio * Math.max(entry.compressedSize, 1))
      throw new AppError(
        "too_large",
        `this workbook expands more than ${this.maxRatio} times when unzipped, which real spreadsheets never do; it was not read`,
        { field: "file" },
      );
  }
}

const READ_BYTES = 64 * 1024;
// Inflated output per push stays under ~1 MB even at deflate's maximum ratio (about 1,032:1).
const PUSH_BYTES = 1024;

/** Inflates one entry as UTF-8 text, piece by piece, each piece counted against the budget before it is kept. */
export async function* entryText(
  src: ByteSource,
  entry: ZipEntry,
  budget: InflateBudget,
): AsyncGenerator<string> {
  if (entry.method !== 0 && entry.method !== 8) throw notXlsx(`compression method ${entry.method}`);
  const local = await src.read(entry.offset, 30);
  if (u32(local, 0) !== 0x04034b50) throw notXlsx("a damaged zip entry");
  const dataStart = entry.offset + 30 + u16(local, 26) + u16(local, 28);
  const decoder = new TextDecoder("utf-8");
  const out: Uint8Array[] = [];
  const inflate = entry.method === 8 ? new Inflate((d) => void out.push(d)) : null;
  let inflated = 0;
  for (let off = 0; off < entry.compressedSize; off += READ_BYTES) {
    const piece = await src.read(dataStart + off, Math.min(READ_BYTES, entry.compressedSize - off));
    if (!piece.length) throw notXlsx("a truncated zip entry");
    for (let i = 0; i < piece.length; i += PUSH_BYTES) {
      const slice = piece.subarray(i, i + PUSH_BYTES);
      const last = off + i + slice.length >= entry.compressedSize;
      try {
        if (inflate) inflate.push(slice, last);
        else out.push(slice);
      } catch {
        throw notXlsx("damaged compressed data");
      }
      let text = "";
      for (const d of out) {
        inflated += d.length;
        budget.take(d.length, entry, inflated);
        text += decoder.decode(d, { stream: true });
      }
      out.length = 0;
      if (text) yield text;
    }
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
