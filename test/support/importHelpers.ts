import { readFileSync } from "node:fs";
import path from "node:path";

/** Feeds a file to the importer in small pieces, the way an upload or a disk stream arrives. */
export async function* chunked(data: Uint8Array | string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures", name));
