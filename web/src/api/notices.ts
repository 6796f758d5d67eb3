import { useSyncExternalStore } from "react";

/** The errors shown in the notices region: a tiny store so query callbacks can reach the UI. */
export type Notice = { id: number; text: string };
let notices: Notice[] = [];
let next = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function notify(text: string) {
  // The same failure from several queries at once is one notice.
  if (notices.some((n) => n.text === text)) return;
  notices = [...notices, { id: next++, text }].slice(-4);
  emit();
}
export function dismiss(id: number) {
  notices = notices.filter((n) => n.id !== id);
  emit();
}
export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notices,
  );
}
