/**
 * A small deterministic generator (mulberry32). The gap after an account's last action is drawn from
 * it, seeded by that action's time: every pass that looks at the same last action sees the same gap,
 * instead of re-drawing until a short one comes up (which would pull gaps towards the minimum).
 */
export function seededRng(seed: number): () => number {
  let a = Math.floor(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
