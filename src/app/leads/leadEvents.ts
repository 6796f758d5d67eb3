import { leadEvents } from "../../db/schema";
import type { Db } from "../../db/client";
import type { Actor } from "../context";

export type LeadEventInput = { leadId: string; type: string; data?: Record<string, unknown> };

/** Timeline events are written in the same transaction as the change they describe. */
export async function recordLeadEvents(
  db: Pick<Db, "insert">,
  actor: Actor,
  now: Date,
  events: LeadEventInput[],
) {
  if (!events.length) return;
  for (let i = 0; i < events.length; i += 5000)
    await db.insert(leadEvents).values(
      events.slice(i, i + 5000).map((e) => ({
        workspaceId: actor.workspaceId,
        leadId: e.leadId,
        type: e.type,
        actor: actor.label,
        data: e.data ?? {},
        createdAt: now,
      })),
    );
}
