import { and, asc, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { strategyProfiles } from "../../db/schema";
import type { Actor, AppContext } from "../context";

export type StrategyInput = {
  name: string;
  senderName?: string;
  senderCompany?: string;
  offer?: string;
  proofPoints?: string[];
  tone?: string;
  callToAction?: string;
};

export async function createStrategyProfile(ctx: AppContext, actor: Actor, input: StrategyInput) {
  const [p] = await ctx.db
    .insert(strategyProfiles)
    .values({ ...input, workspaceId: actor.workspaceId, createdAt: ctx.clock.now() })
    .returning();
  return p!;
}

export async function listStrategyProfiles(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(strategyProfiles)
    .where(eq(strategyProfiles.workspaceId, actor.workspaceId))
    .orderBy(asc(strategyProfiles.name));
}

export async function getStrategyProfile(ctx: AppContext, actor: Actor, id: string) {
  const [p] = await ctx.db
    .select()
    .from(strategyProfiles)
    .where(and(eq(strategyProfiles.id, id), eq(strategyProfiles.workspaceId, actor.workspaceId)));
  if (!p)
    throw new AppError("not_found", "no such strategy profile in this workspace", {
      field: "strategyProfileId",
    });
  return p;
}
