import { open } from "node:fs/promises";

/** Random access to a stored file: a zip is read from its directory at the end, not front to back. */
export type ByteSource = { size: number; read(offset: number, length: number): Promise<Uint8Array> };

/** A file on disk (the CLI imports from one). */
export async function fileByteSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const fh = await open(path, "r");
  const { size } = await fh.stat();
  return {
    size,
    async read(offset, length) {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, offset + got);
        if (!bytesRead) break;
        got += bytesRead;
      }
      return buf.subarray(0, got);
    },
    close: () => fh.close(),
  };
}

/**
 * A file stored in fixed-size chunks (the upload table): reads fetch the chunks they touch, and
 * the last chunk read is kept, since a zip entry is read front to back in small pieces.
 */
export function chunkedByteSource(
  size: number,
  chunkBytes: number,
  readChunk: (seq: number) => Promise<Uint8Array>,
): ByteSource {
  let cached: { seq: number; data: Uint8Array } | null = null;
  const chunk = async (seq: number) => {
    if (cached?.seq !== seq) cached = { seq, data: await readChunk(seq) };
    return cached.data;
  };
  return {
    size,
    async read(offset, length) {
      const end = Math.min(offset + length, size);
      const parts: Uint8Array[] = [];
      for (let at = offset; at < end;) {
        const seq = Math.floor(at / chunkBytes);
        const data = await chunk(seq);
        const from = at - seq * chunkBytes;
        const piece = data.subarray(from, Math.min(data.length, from + (end - at)));
        if (!piece.length) break;
        parts.push(piece);
        at += piece.length;
      }
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    },
  };
}
