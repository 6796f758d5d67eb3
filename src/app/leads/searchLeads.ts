import { AppError } from "../../domain/appError";
import {
  type LeadFilter,
  type LeadSortKey,
  leadSortColumns,
  searchLeadRows,
} from "../../db/queries/leadSearch";
import { loadBlocklist } from "../blocklist/blocklist";
import type { Actor, AppContext } from "../context";
import { presentLead } from "./presentLead";

export type LeadQuery = Omit<LeadFilter, "workspaceId" | "ids"> & {
  sort?: string;
  limit?: number;
  cursor?: string | null;
};

/** "-createdAt" = newest first. Unknown keys are a 400 naming the allowed ones. */
export function parseSort(sort: string | undefined): { key: LeadSortKey; desc: boolean } {
  const s = sort?.trim() || "-createdAt";
  const desc = s.startsWith("-");
  const key = s.replace(/^[-+]/, "");
  // Own keys only: `in` also finds "__proto__", "constructor", "toString" on the prototype.
  if (!Object.hasOwn(leadSortColumns, key))
    throw new AppError(
      "validation",
      `sort must be one of ${Object.keys(leadSortColumns).join(", ")} (prefix - for descending)`,
      { field: "sort" },
    );
  return { key: key as LeadSortKey, desc };
}

const encodeCursor = (v: unknown, id: string) =>
  Buffer.from(JSON.stringify([v instanceof Date ? v.toISOString() : v, id])).toString("base64url");

function decodeCursor(c: string): [unknown, string] {
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === "string" && /^[0-9a-f-]{36}$/.test(v[1]))
      return v as [unknown, string];
  } catch {}
  throw new AppError("validation", "cursor is not one this API returned", { field: "cursor" });
}

/** A page of leads in keyset order, with the cursor of the next page (null on the last). */
export async function searchLeads(ctx: AppContext, actor: Actor, q: LeadQuery) {
  const { key, desc } = parseSort(q.sort);
  const limit = Math.min(Math.max(q.limit ?? 25, 1), 200);
  const rows = await searchLeadRows(ctx.db, {
    ...q,
    workspaceId: actor.workspaceId,
    sort: key,
    desc,
    limit: limit + 1,
    after: q.cursor ? decodeCursor(q.cursor) : null,
  });
  const page = rows.slice(0, limit);
  const blocklist = await loadBlocklist(ctx, actor.workspaceId);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentLead(r, blocklist)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sort_value, last.id) : null,
  };
}
