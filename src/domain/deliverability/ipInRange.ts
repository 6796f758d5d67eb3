/** An IPv4 address as 4 bytes, IPv6 as 16; null when it is neither. */
export function ipBytes(ip: string): number[] | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const parts = ip.split(".").map(Number);
    return parts.every((p) => p <= 255) ? parts : null;
  }
  if (!ip.includes(":")) return null;
  // An IPv4 tail ("::ffff:192.0.2.1") is two 16-bit groups.
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  let text = ip.toLowerCase();
  if (v4) {
    const b = ipBytes(v4[1]!);
    if (!b) return null;
    text = `${text.slice(0, -v4[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s ? s.split(":") : []);
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const all = [...head, ...Array<string>(fill).fill("0"), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
}

/** Whether `ip` lies in `network`/`prefix` (both of the same family; a prefix past the length is the whole address). */
export function ipInRange(ip: string, network: string, prefix?: number): boolean {
  const a = ipBytes(ip);
  const n = ipBytes(network);
  if (!a || !n || a.length !== n.length) return false;
  let bits = Math.min(prefix ?? a.length * 8, a.length * 8);
  for (let i = 0; i < a.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a[i]! & mask) !== (n[i]! & mask)) return false;
  }
  return true;
}

export const isIpv6 = (ip: string) => ipBytes(ip)?.length === 16;
