import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { enrollments, leads, sequenceExclusions } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { getSequence } from "../outreach/sequences";

/**
 * Takes a lead out of one sequence without touching its lists (the lists feed other sequences too).
 * A lead already enrolled and still due a step is stopped, with a timeline event; one that has
 * finished keeps its history. Removing twice is a no-op.
 */
export async function excludeLead(ctx: AppContext, actor: Actor, sequenceId: string, leadId: string) {
  const seq = await getSequence(ctx, actor, sequenceId);
  const [lead] = await ctx.db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, actor.workspaceId)));
  if (!lead) throw new AppError("not_found", "no such lead in this workspace", { field: "leadId" });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const added = await tx
      .insert(sequenceExclusions)
      .values({ sequenceId, leadId, excludedBy: actor.label, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!added.length) return;
    const stopped = await tx
      .update(enrollments)
      .set({
        state: "completed",
        stateReason: `removed from the sequence by ${actor.label}`,
        nextStepAt: null,
        nextStepIndex: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(enrollments.sequenceId, sequenceId),
          eq(enrollments.leadId, leadId),
          inArray(enrollments.state, ["active", "paused"]),
        ),
      )
      .returning({ id: enrollments.id });
    await recordLeadEvents(tx, actor, now, [
      {
        leadId,
        type: "removed_from_sequence",
        data: { sequenceId, sequenceName: seq.name, stoppedEnrollment: stopped.length > 0 },
      },
    ]);
  });
  return { ok: true as const };
}

/** Puts a removed lead back; it is enrolled at launch (or not at all once the sequence has launched). */
export async function includeLead(ctx: AppContext, actor: Actor, sequenceId: string, leadId: string) {
  await getSequence(ctx, actor, sequenceId);
  await ctx.db
    .delete(sequenceExclusions)
    .where(and(eq(sequenceExclusions.sequenceId, sequenceId), eq(sequenceExclusions.leadId, leadId)));
  return { ok: true as const };
}

/** The leads removed from a sequence, newest first. */
export async function listExclusions(ctx: AppContext, actor: Actor, sequenceId: string) {
  await getSequence(ctx, actor, sequenceId);
  return ctx.db
    .select({
      leadId: sequenceExclusions.leadId,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      excludedBy: sequenceExclusions.excludedBy,
      createdAt: sequenceExclusions.createdAt,
    })
    .from(sequenceExclusions)
    .innerJoin(leads, eq(leads.id, sequenceExclusions.leadId))
    .where(eq(sequenceExclusions.sequenceId, sequenceId));
}
