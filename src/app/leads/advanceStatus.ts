import { and, inArray } from "drizzle-orm";
import { automaticTransitionAllowed, type LeadStatus, leadStatuses } from "../../domain/leadStatus";
import { leads } from "../../db/schema";
import type { AppContext } from "../context";

/** Moves leads forward only (an "Email Sent" lead is not pulled back to "Audited"; outcomes stay). */
export async function advanceStatus(
  db: Pick<AppContext["db"], "update">,
  leadIds: string[],
  to: LeadStatus,
  now: Date,
) {
  if (!leadIds.length) return;
  const from = leadStatuses.filter((s) => automaticTransitionAllowed(s, to));
  await db
    .update(leads)
    .set({ status: to, updatedAt: now })
    .where(and(inArray(leads.id, leadIds), inArray(leads.status, from)));
}
