import { and, desc, eq, lt } from "drizzle-orm";
import { auditEvents } from "../../db/schema";
import { AppError } from "../../domain/appError";
import { can } from "../../domain/roles";
import type { Actor, AppContext } from "../context";

/** The workspace's audit log, newest first, for owners and admins; `before` pages to older events. */
export async function listAuditEvents(
  ctx: AppContext,
  actor: Actor,
  q: { limit?: number; before?: Date } = {},
) {
  if (!can(actor.role, "manage_members"))
    throw new AppError("forbidden", "only owners and admins read the audit log");
  return ctx.db
    .select({
      id: auditEvents.id,
      actor: auditEvents.actor,
      action: auditEvents.action,
      target: auditEvents.target,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, actor.workspaceId),
        q.before ? lt(auditEvents.createdAt, q.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(q.limit ?? 100);
}
