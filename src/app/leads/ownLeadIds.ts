import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { leads } from "../../db/schema";
import type { Actor, AppContext } from "../context";

/** The given ids that are this workspace's leads (others are dropped); none at all is a 404. */
export async function ownLeadIds(ctx: AppContext, actor: Actor, ids: string[]): Promise<string[]> {
  const own: string[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await ctx.db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.workspaceId, actor.workspaceId), inArray(leads.id, ids.slice(i, i + 5000))));
    own.push(...rows.map((r) => r.id));
  }
  if (!own.length) throw new AppError("not_found", "none of these leads are in this workspace");
  return own;
}
