import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "../../db/schema";
import { AppError } from "../../domain/appError";
import { can } from "../../domain/roles";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { Actor, AppContext } from "../context";
import { newToken, sha256 } from "../security/tokens";

function requireManage(actor: Actor) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins manage API keys");
}

/** The full key is returned once, at creation; only its hash and a short prefix are kept. */
export async function createApiKey(ctx: AppContext, actor: Actor, name: string) {
  requireManage(actor);
  const key = newToken("ovk");
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({
      workspaceId: actor.workspaceId,
      name: name.trim() || "API key",
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      createdBy: actor.userId,
    })
    .returning();
  await recordAuditEvent(ctx, actor, "api_key.created", row!.name, { prefix: row!.prefix });
  return { id: row!.id, name: row!.name, prefix: row!.prefix, createdAt: row!.createdAt, key };
}

export async function listApiKeys(ctx: AppContext, actor: Actor) {
  requireManage(actor);
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, actor.workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(ctx: AppContext, actor: Actor, id: string) {
  requireManage(actor);
  const rows = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, actor.workspaceId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  if (!rows.length) throw new AppError("not_found", "no active API key with this id in this workspace");
  await recordAuditEvent(ctx, actor, "api_key.revoked", rows[0]!.name, { prefix: rows[0]!.prefix });
}

/** API keys act with admin rights in their workspace (they cannot manage owners). */
export async function actorFromApiKey(ctx: AppContext, key: string): Promise<Actor | null> {
  const [row] = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const now = ctx.clock.now();
  // Recording use on every call would turn reads into writes; once a minute is enough to show "last used".
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await ctx.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  return {
    workspaceId: row.workspaceId,
    userId: row.createdBy,
    role: "admin",
    via: "api_key",
    label: `API key ${row.name}`,
  };
}
