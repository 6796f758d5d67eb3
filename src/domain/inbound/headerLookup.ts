import type { InboundHeader } from "./inboundEmail";

/** name → all values, case-insensitive, in order. */
export type HeaderLookup = (name: string) => string[];

export function headerLookup(headers: readonly InboundHeader[]): HeaderLookup {
  const byKey = new Map<string, string[]>();
  for (const h of headers) {
    const k = h.key.toLowerCase();
    byKey.set(k, [...(byKey.get(k) ?? []), h.value]);
  }
  return (name) => byKey.get(name.toLowerCase()) ?? [];
}

/** Headers from a name → value(s) record (channels that have no raw source: LinkedIn, PlusVibe, the sandbox). */
export function headersFromRecord(
  record: Readonly<Record<string, string | readonly string[] | null | undefined>>,
): InboundHeader[] {
  return Object.entries(record).flatMap(([key, v]) =>
    v === null || v === undefined
      ? []
      : (typeof v === "string" ? [v] : v).map((value) => ({ key: key.toLowerCase(), value })),
  );
}
