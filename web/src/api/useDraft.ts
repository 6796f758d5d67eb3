import { useState } from "react";

/**
 * A form over loaded data: the user's edits on top of what the server answered, so the form shows
 * fresh data until someone types, and `reset()` (after a save) shows the saved answer again.
 */
export function useDraft<T extends object>(loaded: T): Draft<T, T>;
export function useDraft<T extends object>(loaded: T | undefined): Draft<T, T | undefined>;
export function useDraft<T extends object>(loaded: T | undefined): Draft<T, T | undefined> {
  const [edits, setEdits] = useState<Partial<T>>({});
  return {
    value: loaded && ({ ...loaded, ...edits } as T),
    set: <K extends keyof T>(k: K, v: T[K]) => setEdits((e) => ({ ...e, [k]: v })),
    reset: () => setEdits({}),
  };
}

type Draft<T, V> = { value: V; set: <K extends keyof T>(k: K, v: T[K]) => void; reset: () => void };
