import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { isUniqueViolation } from "../../db/errors";
import { type NormalisedLead, validateLeadRow } from "../../domain/imports/validateLeadRow";
import type { LeadFieldKey, LeadInput } from "../../domain/leadFields";
import { type LeadStatus, leadStatusLabels } from "../../domain/leadStatus";
import { leads, listMembers } from "../../db/schema";
import { loadBlocklist } from "../blocklist/blocklist";
import type { Actor, AppContext } from "../context";
import { getList } from "../lists/lists";
import { getLeadRow } from "./leadDetail";
import { stopOutreachFor } from "../outreach/stopOutreach";
import { recordLeadEvents } from "./leadEvents";
import { presentLead } from "./presentLead";

const duplicateError = () =>
  new AppError("conflict", "another lead in this workspace already has this LinkedIn URL or email", {
    field: "identity",
  });

/** The row of a new lead from validated fields, created by the actor now. */
export function newLeadValues(lead: NormalisedLead, actor: Actor, now: Date) {
  const { customFields, linkedinKey, ...fields } = lead;
  return {
    ...fields,
    linkedinKey,
    customFields,
    workspaceId: actor.workspaceId,
    createdBy: actor.label,
    createdAt: now,
    updatedAt: now,
  };
}

/** Adds one person by hand (optionally to a list); the same person twice is refused with 409. */
export async function createLead(ctx: AppContext, actor: Actor, input: LeadInput & { listId?: string }) {
  const check = validateLeadRow(input);
  if (!check.ok) throw new AppError("validation", check.reason, { field: "linkedinUrl" });
  if (input.listId) await getList(ctx, actor, input.listId);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const [row] = await tx
        .insert(leads)
        .values(newLeadValues(check.lead, actor, now))
        .returning();
      if (input.listId) {
        await tx
          .insert(listMembers)
          .values({ listId: input.listId, leadId: row!.id, workspaceId: actor.workspaceId, addedAt: now });
        await recordLeadEvents(tx, actor, now, [
          { leadId: row!.id, type: "added_to_list", data: { listId: input.listId } },
        ]);
      }
      return row!;
    });
    return presentLead(row, await loadBlocklist(ctx, actor.workspaceId));
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateError();
    throw e;
  }
}

/** Edits fields; each change becomes a "field_changed" event with the old and new value. */
export async function updateLead(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: LeadInput & { status?: LeadStatus },
) {
  const current = await getLeadRow(ctx, actor, id);
  const { status, customFields, ...fields } = patch;
  const merged: LeadInput = { ...current, ...fields } as LeadInput;
  for (const k of Object.keys(merged))
    if ((merged as Record<string, unknown>)[k] === null) delete (merged as Record<string, unknown>)[k];
  // A lead is reached by email or LinkedIn: an edit that clears both would leave nothing to contact.
  if (!merged.email?.trim() && !merged.linkedinUrl?.trim())
    throw new AppError(
      "validation",
      "a lead needs an email address or a LinkedIn URL: keep one of them (or delete the lead)",
      { field: "email" in fields ? "email" : "linkedinUrl" },
    );
  const check = validateLeadRow({ ...merged, customFields: customFields ?? current.customFields });
  if (!check.ok) throw new AppError("validation", check.reason, { field: "email" });
  if (check.warnings.length)
    throw new AppError("validation", check.warnings.join("; "), { field: Object.keys(fields)[0] });
  const next: Record<string, unknown> = {};
  const events: { leadId: string; type: string; data: Record<string, unknown> }[] = [];
  for (const k of Object.keys(fields) as LeadFieldKey[]) {
    const to = (check.lead[k] as string | undefined) ?? null;
    const from = (current as Record<string, unknown>)[k] ?? null;
    if (to !== from) {
      next[k] = to;
      events.push({ leadId: id, type: "field_changed", data: { field: k, from, to } });
    }
  }
  if ("linkedinUrl" in next) next.linkedinKey = check.lead.linkedinKey ?? null;
  if (customFields && JSON.stringify(customFields) !== JSON.stringify(current.customFields)) {
    next.customFields = customFields;
    events.push({
      leadId: id,
      type: "field_changed",
      data: { field: "customFields", from: current.customFields, to: customFields },
    });
  }
  if (status && status !== current.status) {
    next.status = status;
    events.push({
      leadId: id,
      type: "status_changed",
      data: { from: current.status, to: status, label: leadStatusLabels[status] },
    });
  }
  if (!events.length) return presentLead(current, await loadBlocklist(ctx, actor.workspaceId));
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const [row] = await tx
        .update(leads)
        .set({ ...next, updatedAt: now })
        .where(and(eq(leads.id, id), eq(leads.workspaceId, actor.workspaceId)))
        .returning();
      await recordLeadEvents(tx, actor, now, events);
      if (status && status !== current.status) await stopOutreachFor(tx, actor, now, [id], status);
      return row!;
    });
    return presentLead(row, await loadBlocklist(ctx, actor.workspaceId));
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateError();
    throw e;
  }
}

/** Bulk status change by hand: every lead whose status actually changes gets a timeline event. */
export async function setLeadStatus(ctx: AppContext, actor: Actor, ids: string[], status: LeadStatus) {
  return ctx.db.transaction(async (tx) => {
    const before = await tx
      .select({ id: leads.id, status: leads.status })
      .from(leads)
      .where(and(eq(leads.workspaceId, actor.workspaceId), inArray(leads.id, ids)));
    const changing = before.filter((b) => b.status !== status);
    if (!changing.length) return { changed: 0 };
    const now = ctx.clock.now();
    await tx
      .update(leads)
      .set({ status, updatedAt: now })
      .where(
        and(
          eq(leads.workspaceId, actor.workspaceId),
          inArray(
            leads.id,
            changing.map((c) => c.id),
          ),
        ),
      );
    await recordLeadEvents(
      tx,
      actor,
      now,
      changing.map((c) => ({
        leadId: c.id,
        type: "status_changed",
        data: { from: c.status, to: status, label: leadStatusLabels[status] },
      })),
    );
    await stopOutreachFor(
      tx,
      actor,
      now,
      changing.map((c) => c.id),
      status,
    );
    return { changed: changing.length };
  });
}

/** Deletes leads for good, with their events, memberships and (later) messages: GDPR erasure. */
export async function deleteLeads(ctx: AppContext, actor: Actor, ids: string[]) {
  if (!ids.length) return { deleted: 0 };
  const gone = await ctx.db
    .delete(leads)
    .where(and(eq(leads.workspaceId, actor.workspaceId), inArray(leads.id, ids)))
    .returning({ id: leads.id });
  return { deleted: gone.length };
}
