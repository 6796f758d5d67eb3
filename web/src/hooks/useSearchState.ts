import { useSearchParams } from "wouter";

/**
 * Filters, search, page and tab live in the URL, so Back and reload bring them back. Typing replaces
 * the entry (no history entry per key); choosing a filter or a page pushes one.
 */
export function useSearchState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>;
  const set = (patch: Partial<Record<K, string>>, opts: { replace?: boolean } = {}) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch) as [K, string | undefined][]) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: opts.replace },
    );
  return [values, set] as const;
}
