import { csvLine } from "../../domain/csvExport";
import { leadFieldKeys, leadFieldLabels } from "../../domain/leadFields";
import type { Actor, AppContext } from "../context";
import { type LeadQuery, searchLeads } from "./searchLeads";

/**
 * Streams the leads matching a query (or the given ids) as CSV, page by page in keyset order, so
 * exporting a million leads needs no more memory than one page. Custom fields become custom_* columns
 * (discovered from the first page).
 */
export async function* exportLeadsCsv(
  ctx: AppContext,
  actor: Actor,
  q: LeadQuery & { ids?: string[] },
): AsyncGenerator<string> {
  let cursor: string | null = null;
  let customKeys: string[] | null = null;
  const ids = q.ids ? new Set(q.ids) : null;
  do {
    const page: Awaited<ReturnType<typeof searchLeads>> = await searchLeads(ctx, actor, {
      ...q,
      limit: 200,
      cursor,
    });
    const items = ids ? page.items.filter((i) => ids.has(i.id)) : page.items;
    if (!customKeys) {
      customKeys = [...new Set(page.items.flatMap((i) => Object.keys(i.customFields)))].sort();
      yield (
        "\uFEFF" +
        csvLine([
          ...leadFieldKeys.map((k) => leadFieldLabels[k]),
          "Status",
          "Email status",
          "Blocked",
          ...customKeys.map((k) => `custom_${k}`),
          "Created",
        ])
      );
    }
    for (const l of items)
      yield csvLine([
        ...leadFieldKeys.map((k) => l[k]),
        l.statusLabel,
        l.emailStatus,
        l.blocked ? "yes" : "",
        ...customKeys.map((k) => l.customFields[k] ?? ""),
        l.createdAt.toISOString(),
      ]);
    cursor = page.nextCursor;
  } while (cursor);
}
