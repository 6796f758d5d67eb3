import { sql } from "drizzle-orm";
import { type Db, sqlArray } from "../../db/client";
import type { Actor } from "../context";

export type LeadEventInput = { leadId: string; type: string; data?: Record<string, unknown> };

/**
 * Timeline events are written in the same transaction as the change they describe. The rows travel
 * as three array parameters (unnest), so a thousand events cost one small statement to build and send.
 */
export async function recordLeadEvents(
  db: Pick<Db, "execute">,
  actor: Actor,
  now: Date,
  events: LeadEventInput[],
) {
  for (let i = 0; i < events.length; i += 5000) {
    const part = events.slice(i, i + 5000);
    await db.execute(sql`insert into lead_events (workspace_id, lead_id, type, actor, data, created_at)
      select ${actor.workspaceId}::uuid, u.lead_id, u.type, ${actor.label}, u.data, ${now.toISOString()}::timestamptz
      from unnest(${sqlArray(part.map((e) => e.leadId))}::uuid[], ${sqlArray(part.map((e) => e.type))}::text[],
                  ${sqlArray(part.map((e) => JSON.stringify(e.data ?? {})))}::jsonb[]) as u(lead_id, type, data)`);
  }
}
