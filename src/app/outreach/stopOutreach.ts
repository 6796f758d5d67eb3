import { and, eq, inArray } from "drizzle-orm";
import { enrollmentEndFor, type LeadStatus, leadStatusLabels } from "../../domain/leadStatus";
import type { Db } from "../../db/client";
import { enrollments, sequences } from "../../db/schema";
import type { Actor } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";

/**
 * A person set these leads to a status that ends outreach (converted, replied, unsubscribed, bounced,
 * completed): every enrollment still due a step stops, in the same transaction as the status change,
 * with one timeline event per stopped sequence. Without this the next email went out to a customer.
 */
export async function stopOutreachFor(
  tx: Pick<Db, "update" | "execute" | "select">,
  actor: Actor,
  now: Date,
  leadIds: string[],
  status: LeadStatus,
) {
  const end = enrollmentEndFor(status);
  if (!end || !leadIds.length) return 0;
  const reason = `lead marked ${leadStatusLabels[status]} by ${actor.label}`;
  const stopped = await tx
    .update(enrollments)
    .set({ state: end, stateReason: reason, nextStepAt: null, nextStepIndex: null, updatedAt: now })
    .where(
      and(
        eq(enrollments.workspaceId, actor.workspaceId),
        inArray(enrollments.leadId, leadIds),
        inArray(enrollments.state, ["active", "paused"]),
      ),
    )
    .returning({ leadId: enrollments.leadId, sequenceId: enrollments.sequenceId });
  if (!stopped.length) return 0;
  const names = new Map(
    (
      await tx
        .select({ id: sequences.id, name: sequences.name })
        .from(sequences)
        .where(inArray(sequences.id, [...new Set(stopped.map((s) => s.sequenceId))]))
    ).map((s) => [s.id, s.name]),
  );
  await recordLeadEvents(
    tx,
    actor,
    now,
    stopped.map((s) => ({
      leadId: s.leadId,
      type: "outreach_stopped",
      data: { sequenceId: s.sequenceId, sequenceName: names.get(s.sequenceId) ?? null, reason },
    })),
  );
  return stopped.length;
}
