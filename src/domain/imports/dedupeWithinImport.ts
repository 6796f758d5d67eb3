import type { NormalisedLead } from "./validateLeadRow";

/**
 * Within one file the first row of a person wins. Keeps only the keys seen so far (a Map of strings),
 * so a million-row file stays well inside memory.
 */
export class ImportDeduper {
  private seen = new Map<string, number>();

  /** Returns the line of the earlier row this one duplicates, or null and remembers it. */
  check(line: number, lead: NormalisedLead): number | null {
    const keys = [lead.linkedinKey, lead.email ? `em:${lead.email}` : undefined].filter(
      (k): k is string => !!k,
    );
    for (const k of keys) {
      const first = this.seen.get(k);
      if (first !== undefined) return first;
    }
    for (const k of keys) this.seen.set(k, line);
    return null;
  }
}
