import { and, eq } from "drizzle-orm";
import { imports } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { getLead, leadTimeline } from "./leadDetail";

/** Everything stored about one person, as one JSON document (GDPR access request). */
export async function exportLeadData(ctx: AppContext, actor: Actor, id: string) {
  const lead = await getLead(ctx, actor, id);
  const timeline = await leadTimeline(ctx, actor, id);
  const importIds = [
    ...new Set(timeline.map((e) => e.data?.importId).filter((x): x is string => typeof x === "string")),
  ];
  const sources = [];
  for (const importId of importIds) {
    const [imp] = await ctx.db
      .select({ id: imports.id, fileName: imports.fileName, createdAt: imports.createdAt })
      .from(imports)
      .where(and(eq(imports.id, importId), eq(imports.workspaceId, actor.workspaceId)));
    if (imp) sources.push(imp);
  }
  return { exportedAt: ctx.clock.now().toISOString(), lead, timeline, sources };
}
