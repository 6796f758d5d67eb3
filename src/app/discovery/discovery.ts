import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { type DiscoveryFilters, describeFilters } from "../../domain/discovery/discoveryFilters";
import { validateLeadRow } from "../../domain/imports/validateLeadRow";
import { isUniqueViolation } from "../../db/errors";
import { discoverySearches, leads, listMembers, lists } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { newLeadValues } from "../leads/editLeads";
import { recordLeadEvents } from "../leads/leadEvents";
import { type DiscoveryProviderKey, discoveryProvider, type FoundPerson } from "./discoveryProviders";

export const PREVIEW_SIZE = 10;
export const MAX_RESULTS = 2500;

/** The first results and the total (when the provider knows it): a look before committing to a search. */
export async function previewDiscovery(
  ctx: AppContext,
  actor: Actor,
  i: { provider: DiscoveryProviderKey; filters: DiscoveryFilters },
) {
  const provider = await discoveryProvider(ctx, actor.workspaceId, i.provider);
  const page = await provider.search(i.filters, null, PREVIEW_SIZE);
  return {
    provider: i.provider,
    summary: describeFilters(i.filters),
    total: page.total,
    people: page.people,
  };
}

/** A list name that is free in the workspace: "Name", else "Name (2)", "Name (3)"… */
async function createDiscoveryList(ctx: AppContext, actor: Actor, name: string, description: string) {
  for (let n = 1; n < 50; n++) {
    try {
      const [l] = await ctx.db
        .insert(lists)
        .values({
          workspaceId: actor.workspaceId,
          name: n === 1 ? name : `${name} (${n})`,
          source: "discovery",
          description,
          createdAt: ctx.clock.now(),
        })
        .returning();
      return l!;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new AppError("conflict", `too many lists are named "${name}"`, { field: "name" });
}

/**
 * Saves a search and its list (source "discovery"); the caller queues the job that fills it. The
 * provider is checked now, so a missing LinkedIn account is an immediate 4xx, not a failed job.
 */
export async function createDiscoverySearch(
  ctx: AppContext,
  actor: Actor,
  i: {
    name?: string;
    query?: string;
    provider: DiscoveryProviderKey;
    filters: DiscoveryFilters;
    count: number;
  },
) {
  if (i.count < 1 || i.count > MAX_RESULTS)
    throw new AppError("validation", `the result count must be between 1 and ${MAX_RESULTS}`, {
      field: "count",
    });
  await discoveryProvider(ctx, actor.workspaceId, i.provider);
  const summary = describeFilters(i.filters);
  const name = (i.name?.trim() || `Discovery: ${summary}`).slice(0, 200);
  const list = await createDiscoveryList(
    ctx,
    actor,
    name,
    `${i.provider === "sandbox" ? "Sandbox directory (generated people)" : "LinkedIn search"}: ${summary}`,
  );
  const [row] = await ctx.db
    .insert(discoverySearches)
    .values({
      workspaceId: actor.workspaceId,
      name,
      query: i.query ?? "",
      filters: i.filters,
      provider: i.provider,
      targetCount: i.count,
      listId: list.id,
      createdBy: actor.label,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return presentSearch(row!);
}

export function presentSearch(r: typeof discoverySearches.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    filters: r.filters as DiscoveryFilters,
    summary: describeFilters(r.filters as DiscoveryFilters),
    provider: r.provider,
    targetCount: r.targetCount,
    found: r.found,
    added: r.added,
    duplicates: r.duplicates,
    status: r.status,
    error: r.error,
    listId: r.listId,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

export async function listDiscoverySearches(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select()
    .from(discoverySearches)
    .where(eq(discoverySearches.workspaceId, actor.workspaceId))
    .orderBy(desc(discoverySearches.createdAt))
    .limit(100);
  return rows.map(presentSearch);
}

export async function getDiscoverySearch(ctx: AppContext, actor: Actor, id: string) {
  const [row] = await ctx.db
    .select()
    .from(discoverySearches)
    .where(and(eq(discoverySearches.id, id), eq(discoverySearches.workspaceId, actor.workspaceId)));
  if (!row) throw new AppError("not_found", "no such discovery search");
  return row;
}

/**
 * Collects a saved search into its list, page by page, until the chosen count or the last result.
 * Progress (and the provider's cursor) is saved after every page, so a job that is retried after a
 * crash continues from the last saved page. A person already in the workspace is not created
 * again: they are added to the list and counted as a duplicate.
 */
export async function runDiscoverySearch(
  ctx: AppContext,
  actor: Actor,
  id: string,
  onProgress: (done: number, total: number) => Promise<void>,
  signal?: AbortSignal,
) {
  let s = await getDiscoverySearch(ctx, actor, id);
  if (s.status === "done") return presentSearch(s);
  const setRow = async (patch: Partial<typeof discoverySearches.$inferInsert>) => {
    [s] = (await ctx.db
      .update(discoverySearches)
      .set(patch)
      .where(eq(discoverySearches.id, id))
      .returning()) as [typeof s];
  };
  await setRow({ status: "running", error: null });
  try {
    const provider = await discoveryProvider(ctx, actor.workspaceId, s.provider);
    const pageSize = s.provider === "sandbox" ? 100 : 25;
    let cursor = s.cursor;
    while (s.found < s.targetCount && !signal?.aborted) {
      const page = await provider.search(
        s.filters as DiscoveryFilters,
        cursor,
        Math.min(pageSize, s.targetCount - s.found),
      );
      const people = page.people.slice(0, s.targetCount - s.found);
      const r = people.length
        ? await addFound(ctx, actor, s.listId!, s.id, s.provider, people)
        : { added: 0, duplicates: 0 };
      cursor = page.nextCursor;
      await setRow({
        found: s.found + people.length,
        added: s.added + r.added,
        duplicates: s.duplicates + r.duplicates,
        cursor,
      });
      await onProgress(s.found, s.targetCount);
      if (!cursor || !page.people.length) break;
    }
    if (!signal?.aborted) await setRow({ status: "done", finishedAt: ctx.clock.now() });
  } catch (e) {
    await setRow({ status: "failed", error: (e as Error).message, finishedAt: ctx.clock.now() });
    throw e;
  }
  return presentSearch(s);
}

/** One page of people into the workspace and the search's list, in one transaction. */
async function addFound(
  ctx: AppContext,
  actor: Actor,
  listId: string,
  searchId: string,
  provider: string,
  people: FoundPerson[],
) {
  const now = ctx.clock.now();
  const rows = people.flatMap((p) => {
    const c = validateLeadRow(p);
    return c.ok ? [newLeadValues(c.lead, actor, now)] : [];
  });
  if (!rows.length) return { added: 0, duplicates: 0 };
  return ctx.db.transaction(async (tx) => {
    const inserted = await tx.insert(leads).values(rows).onConflictDoNothing().returning({ id: leads.id });
    const keys = rows.map((r) => r.linkedinKey).filter((k): k is string => !!k);
    const emails = rows.map((r) => r.email).filter((e): e is string => !!e);
    const all = await tx
      .select({ id: leads.id })
      .from(leads)
      .where(
        and(
          eq(leads.workspaceId, actor.workspaceId),
          or(
            keys.length ? inArray(leads.linkedinKey, keys) : sql`false`,
            emails.length ? inArray(leads.email, emails) : sql`false`,
          ),
        ),
      );
    const fresh = new Set(inserted.map((r) => r.id));
    const members = await tx
      .insert(listMembers)
      .values(all.map((l) => ({ listId, leadId: l.id, workspaceId: actor.workspaceId, addedAt: now })))
      .onConflictDoNothing()
      .returning({ leadId: listMembers.leadId });
    await recordLeadEvents(tx, actor, now, [
      ...inserted.map((l) => ({ leadId: l.id, type: "discovered", data: { searchId, provider, listId } })),
      ...members
        .filter((m) => !fresh.has(m.leadId))
        .map((m) => ({ leadId: m.leadId, type: "added_to_list", data: { listId, searchId } })),
    ]);
    return { added: inserted.length, duplicates: people.length - inserted.length };
  });
}
