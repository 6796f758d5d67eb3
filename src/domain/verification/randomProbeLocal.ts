const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 16;

/**
 * A local part nobody has, for the catch-all probe ("does the server accept anything?").
 * Deterministic in the seed, so that a retry after greylisting sends the same recipient:
 * greylisting whitelists the (client IP, sender, recipient) triple it saw, and a fresh random
 * address would be greylisted all over again. Starts with a letter and uses only [a-z0-9] so
 * no server rejects it on syntax rather than on existence.
 */
export function randomProbeLocal(seed: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // cyrb53-style string hash: two 32-bit lanes mixed together.
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);

  // mulberry32 seeded from the hash draws the characters.
  let state = (h1 ^ h2) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let out = ALPHABET[Math.floor(next() * 26)]!;
  while (out.length < LENGTH) out += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  return out;
}
