import { sql } from "drizzle-orm";
import { queryRows, sqlArray } from "../../db/client";
import { type AppContext, systemActor } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";

/** The reason an active enrollment shows while its LinkedIn message waits for the invitation. */
export const WAITING_FOR_ACCEPTANCE = "waiting for the LinkedIn invitation to be accepted";

/**
 * Records accepted invitations (from the webhook or from polling, whichever sees it first: the other
 * finds the event and does nothing) and wakes the enrollments whose LinkedIn message was waiting for
 * it, so the message goes at the next pass instead of at the next periodic re-check.
 */
export async function recordAcceptances(
  ctx: AppContext,
  workspaceId: string,
  accepted: { leadId: string; providerId: string }[],
  via: "webhook" | "polling" | "profile",
) {
  if (!accepted.length) return 0;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const known = new Set(
      (
        await queryRows<{ lead_id: string }>(
          tx,
          sql`select distinct lead_id from lead_events where lead_id = any(${sqlArray(accepted.map((a) => a.leadId))}::uuid[])
              and type = 'invitation_accepted'`,
        )
      ).map((r) => r.lead_id),
    );
    const fresh = accepted.filter(
      (a, i) => !known.has(a.leadId) && accepted.findIndex((b) => b.leadId === a.leadId) === i,
    );
    if (!fresh.length) return 0;
    await recordLeadEvents(
      tx,
      systemActor(workspaceId, "LinkedIn"),
      now,
      fresh.map((a) => ({
        leadId: a.leadId,
        type: "invitation_accepted",
        data: { providerId: a.providerId, via },
      })),
    );
    await tx.execute(sql`update enrollments set next_step_at = ${now.toISOString()}::timestamptz, state_reason = null,
        updated_at = ${now.toISOString()}::timestamptz
      where workspace_id = ${workspaceId}::uuid and lead_id = any(${sqlArray(fresh.map((a) => a.leadId))}::uuid[])
        and state = 'active' and state_reason = ${WAITING_FOR_ACCEPTANCE}`);
    return fresh.length;
  });
}
