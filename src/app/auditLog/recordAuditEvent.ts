import { auditEvents } from "../../db/schema";
import type { Db } from "../../db/client";
import { uuidv7 } from "../../db/uuidv7";
import type { Actor, AppContext } from "../context";

export type AuditAction =
  | "sender.created"
  | "sender.credentials_changed"
  | "sender.deleted"
  | "sender.domain_check_overridden"
  | "sender.tracking_domain_set"
  | "sender.tracking_domain_removed"
  | "sender.paused"
  | "sender.resumed"
  | "sequence.variant_winner_set"
  | "integration.connected"
  | "integration.disconnected"
  | "member.added"
  | "member.role_changed"
  | "member.removed"
  | "api_key.created"
  | "api_key.revoked"
  | "sign_in.new_device";

/**
 * One line on the workspace's audit log. Callers pass the names of what changed, never a secret's
 * value: the log is readable by every owner and admin.
 */
export async function recordAuditEvent(
  ctx: AppContext,
  actor: Pick<Actor, "workspaceId" | "label">,
  action: AuditAction,
  target: string | null,
  details: Record<string, unknown> = {},
  db: Db = ctx.db,
) {
  await db.insert(auditEvents).values({
    // Time-ordered, so events of one injected-clock instant still list in the order they happened.
    id: uuidv7(),
    workspaceId: actor.workspaceId,
    actor: actor.label,
    action,
    target,
    details,
    createdAt: ctx.clock.now(),
  });
}
