import { and, asc, desc, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { imports, leadEvents, leads, listMembers, lists, workspaces } from "../../db/schema";
import { loadBlocklist } from "../blocklist/blocklist";
import type { Actor, AppContext } from "../context";
import { leadZone } from "../zones/leadZone";
import { presentLead } from "./presentLead";

export async function getLeadRow(ctx: AppContext, actor: Actor, id: string) {
  const [row] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), eq(leads.workspaceId, actor.workspaceId)));
  if (!row) throw new AppError("not_found", "no such lead in this workspace");
  return row;
}

export async function getLead(ctx: AppContext, actor: Actor, id: string) {
  const row = await getLeadRow(ctx, actor, id);
  const memberOf = await ctx.db
    .select({ id: lists.id, name: lists.name, addedAt: listMembers.addedAt })
    .from(listMembers)
    .innerJoin(lists, eq(lists.id, listMembers.listId))
    .where(eq(listMembers.leadId, id))
    .orderBy(asc(lists.name));
  const [ws] = await ctx.db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspaceId));
  return {
    ...presentLead(row, await loadBlocklist(ctx, actor.workspaceId)),
    lists: memberOf,
    enrichment: row.enrichment,
    zone: await leadZone(row, ws?.timezone ?? "UTC"),
  };
}

/**
 * Newest first. Explicit events are stored; the creation event is derived from the lead row (and
 * the import it came from), so importing a million leads writes no million event rows.
 */
export async function leadTimeline(ctx: AppContext, actor: Actor, id: string) {
  const row = await getLeadRow(ctx, actor, id);
  const events = await ctx.db
    .select()
    .from(leadEvents)
    .where(and(eq(leadEvents.leadId, id), eq(leadEvents.workspaceId, actor.workspaceId)))
    .orderBy(desc(leadEvents.createdAt), desc(leadEvents.id));
  let created: { type: string; actor: string; data: Record<string, unknown> } = {
    type: "created",
    actor: row.createdBy ?? "unknown",
    data: {},
  };
  if (row.sourceImportId) {
    const [imp] = await ctx.db
      .select({ fileName: imports.fileName, listId: imports.listId, listName: lists.name })
      .from(imports)
      .leftJoin(lists, eq(lists.id, imports.listId))
      .where(eq(imports.id, row.sourceImportId));
    created = {
      type: "imported",
      actor: row.createdBy ?? "import",
      data: { importId: row.sourceImportId, fileName: imp?.fileName, listName: imp?.listName },
    };
  }
  return [
    ...events.map((e) => ({ id: String(e.id), type: e.type, actor: e.actor, data: e.data, at: e.createdAt })),
    { id: `created-${row.id}`, ...created, at: row.createdAt },
  ];
}
