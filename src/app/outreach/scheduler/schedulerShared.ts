/** The actor the scheduler's timeline events are recorded under. */
export const schedulerActor = (workspaceId: string) => ({
  workspaceId,
  userId: null,
  role: "admin" as const,
  via: "system" as const,
  label: "scheduler",
});

export function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
