import { and, asc, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { type Blocklist, parseBlocklistEntry, parseBlocklistFile } from "../../domain/blocking/isBlocked";
import { can } from "../../domain/roles";
import { blocklistEntries } from "../../db/schema";
import type { Actor, AppContext } from "../context";

export async function loadBlocklist(ctx: AppContext, workspaceId: string): Promise<Blocklist> {
  const rows = await ctx.db
    .select({ kind: blocklistEntries.kind, value: blocklistEntries.value })
    .from(blocklistEntries)
    .where(eq(blocklistEntries.workspaceId, workspaceId));
  return {
    domains: new Set(rows.filter((r) => r.kind === "domain").map((r) => r.value)),
    emails: new Set(rows.filter((r) => r.kind === "email").map((r) => r.value)),
  };
}

export async function listBlocklist(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(blocklistEntries)
    .where(eq(blocklistEntries.workspaceId, actor.workspaceId))
    .orderBy(asc(blocklistEntries.kind), asc(blocklistEntries.value));
}

function requireManage(actor: Actor) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins change the blocklist");
}

async function insertEntries(
  ctx: AppContext,
  actor: Actor,
  entries: { kind: "domain" | "email"; value: string }[],
  reason: string,
) {
  if (!entries.length) return 0;
  const rows = await ctx.db
    .insert(blocklistEntries)
    .values(
      entries.map((e) => ({ ...e, workspaceId: actor.workspaceId, reason, createdAt: ctx.clock.now() })),
    )
    .onConflictDoNothing()
    .returning({ id: blocklistEntries.id });
  return rows.length;
}

export async function addBlocklistEntry(ctx: AppContext, actor: Actor, value: string, reason = "") {
  requireManage(actor);
  const parsed = parseBlocklistEntry(value);
  if ("error" in parsed) throw new AppError("validation", parsed.error, { field: "value" });
  const added = await insertEntries(ctx, actor, [parsed], reason);
  return { ...parsed, added: added === 1 };
}

/** A file of domains/emails: good lines are added, bad ones reported with their line numbers. */
export async function importBlocklist(ctx: AppContext, actor: Actor, text: string) {
  requireManage(actor);
  const { entries, errors } = parseBlocklistFile(text);
  const added = await insertEntries(ctx, actor, entries, "imported from file");
  return { added, alreadyListed: entries.length - added, errors };
}

export async function removeBlocklistEntries(ctx: AppContext, actor: Actor, ids: string[]) {
  requireManage(actor);
  const gone = await ctx.db
    .delete(blocklistEntries)
    .where(and(eq(blocklistEntries.workspaceId, actor.workspaceId), inArray(blocklistEntries.id, ids)))
    .returning({ id: blocklistEntries.id });
  if (!gone.length) throw new AppError("not_found", "no such blocklist entry in this workspace");
  return { removed: gone.length };
}
