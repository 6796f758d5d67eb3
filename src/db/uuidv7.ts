import { randomBytes } from "node:crypto";

let lastMs = 0;
let seq = 0;

/**
 * Time-ordered UUIDs (RFC 9562 v7), generated here because PostgreSQL 15 has no uuidv7(). Bulk
 * imports insert millions of ids; ordered ids append to the primary-key and membership indexes
 * instead of touching random pages all over them. A 12-bit counter keeps ids from one millisecond
 * in order.
 */
export function uuidv7(nowMs = Date.now()): string {
  if (nowMs <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
  } else {
    lastMs = nowMs;
    seq = 0;
  }
  const b = randomBytes(16);
  const ts = lastMs;
  b[0] = Math.floor(ts / 2 ** 40) & 0xff;
  b[1] = Math.floor(ts / 2 ** 32) & 0xff;
  b[2] = (ts >>> 24) & 0xff;
  b[3] = (ts >>> 16) & 0xff;
  b[4] = (ts >>> 8) & 0xff;
  b[5] = ts & 0xff;
  b[6] = 0x70 | ((seq >>> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
