/**
 * Group commit: callers submit one item each and wait for its result; items that arrive while a
 * flush is running are written together by the next one. Under load every statement carries many
 * items; when idle, an item goes out at once — no timer, no added latency.
 */
export function groupCommit<T, R>(flush: (items: T[]) => Promise<R[]>) {
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (pending.length) {
      const group = pending;
      pending = [];
      try {
        const results = await flush(group.map((p) => p.item));
        group.forEach((p, i) => p.resolve(results[i]!));
      } catch (e) {
        for (const p of group) p.reject(e);
      }
    }
    running = false;
  };
  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
