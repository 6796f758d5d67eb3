import type { Query } from "@tanstack/react-query";

const seen = new WeakMap<object, { data: unknown; at: number; unchanged: number }>();

/**
 * `refetchInterval` for a page that follows progress: every `base` ms while `running(data)`, and
 * half as often again each time an answer (or a failure) brings nothing new, up to `max`; any change
 * goes back to `base`. Structural sharing keeps the same data object when nothing changed.
 */
export function pollWhile<T>(running: (data: T) => boolean, base = 1000, max = 15_000) {
  return (q: Query<T, Error, T, readonly unknown[]>): number | false => {
    const d = q.state.data;
    if (d === undefined || !running(d)) {
      seen.delete(q);
      return false;
    }
    const at = q.state.dataUpdatedAt;
    const prev = seen.get(q);
    // Called on every render too: only a new answer counts.
    const unchanged = !prev ? 0 : prev.at === at ? prev.unchanged : prev.data === d ? prev.unchanged + 1 : 0;
    seen.set(q, { data: d, at, unchanged });
    return Math.min(max, Math.round(base * 1.5 ** (unchanged + q.state.fetchFailureCount)));
  };
}
