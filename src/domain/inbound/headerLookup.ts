import { type HeaderField, headersToRecord } from "./parseHeaders";

export type HeaderInput =
  readonly HeaderField[] | Readonly<Record<string, string | readonly string[] | null | undefined>>;

/** name → all values, case-insensitive, over parsed fields or a plain record (e.g. from mailparser). */
export type HeaderLookup = (name: string) => string[];

export function headerLookup(headers: HeaderInput): HeaderLookup {
  const record = Array.isArray(headers)
    ? headersToRecord(headers as readonly HeaderField[])
    : (headers as Readonly<Record<string, string | readonly string[] | null | undefined>>);
  const lower = new Map<string, string[]>();
  for (const [k, v] of Object.entries(record)) {
    if (v === null || v === undefined) continue;
    const list = lower.get(k.toLowerCase()) ?? [];
    list.push(...(typeof v === "string" ? [v] : v));
    lower.set(k.toLowerCase(), list);
  }
  return (name) => lower.get(name.toLowerCase()) ?? [];
}
