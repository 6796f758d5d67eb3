import { eq } from "drizzle-orm";
import { workspaces } from "../../db/schema";
import { AppError } from "../../domain/appError";
import { can } from "../../domain/roles";
import type { WorkspaceSettingsPatch } from "../../domain/sendingWindowSettings";
import type { Actor, AppContext } from "../context";

export async function getWorkspace(ctx: AppContext, actor: Actor) {
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  if (!ws) throw new AppError("not_found", "workspace not found");
  return ws;
}

export async function updateWorkspace(ctx: AppContext, actor: Actor, patch: WorkspaceSettingsPatch) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins change settings");
  const current = await getWorkspace(ctx, actor);
  const start = patch.windowStart ?? current.windowStart;
  const end = patch.windowEnd ?? current.windowEnd;
  if (start >= end)
    throw new AppError("validation", "windowEnd must be after windowStart", { field: "windowEnd" });
  const [ws] = await ctx.db
    .update(workspaces)
    .set(patch)
    .where(eq(workspaces.id, actor.workspaceId))
    .returning();
  return ws!;
}
