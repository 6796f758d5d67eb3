import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { AppContext } from "../context";
import type { WebhookEvent } from "./webhooks";

/**
 * Queues an event for every active webhook of the workspace that asked for it; the delivery loop
 * sends it signed and retries (see deliverWebhooks). Pass the transaction that makes the change so
 * the event exists exactly when the change does. Lead events are queued by database triggers; this
 * is for events that are not on a lead's timeline.
 */
export async function queueWebhookEvent(
  ctx: Pick<AppContext, "db" | "clock">,
  workspaceId: string,
  event: WebhookEvent,
  payload: Record<string, unknown>,
  db: Db = ctx.db,
) {
  const now = ctx.clock.now().toISOString();
  await db.execute(
    // next_attempt_at keeps its default (due at once, whatever the clocks say), as the triggers' rows do.
    sql`insert into webhook_deliveries (workspace_id, webhook_id, event, payload, created_at)
        select w.workspace_id, w.id, ${event}, ${JSON.stringify(payload)}::jsonb, ${now}::timestamptz
        from webhooks w where w.workspace_id = ${workspaceId}::uuid and w.active and w.events ? ${event}`,
  );
}
