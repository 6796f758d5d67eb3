import { eq } from "drizzle-orm";
import { senderAccounts, workspaces } from "../../db/schema";
import { AppError } from "../../domain/appError";
import {
  type DeliverabilitySettings,
  deliverabilitySettings,
  deliverabilitySettingsSchema,
} from "../../domain/deliverability/deliverabilitySettings";
import { senderHealth } from "../../domain/deliverability/senderHealth";
import { can } from "../../domain/roles";
import { senderHealthCounts } from "../../db/queries/senderHealthQueries";
import type { Actor, AppContext } from "../context";
import { workspaceDeliverability } from "./senderHealthGuard";

/** Every email sender's recent bounce and complaint rates, the limits, and whether it is paused. */
export async function senderHealthReport(ctx: AppContext, actor: Actor) {
  const settings = await workspaceDeliverability(ctx, actor.workspaceId);
  const senders = await ctx.db
    .select({
      id: senderAccounts.id,
      name: senderAccounts.name,
      fromEmail: senderAccounts.fromEmail,
      pausedAt: senderAccounts.pausedAt,
      pausedReason: senderAccounts.pausedReason,
    })
    .from(senderAccounts)
    .where(eq(senderAccounts.workspaceId, actor.workspaceId))
    .orderBy(senderAccounts.name);
  const report = [];
  for (const s of senders) {
    const h = senderHealth(await senderHealthCounts(ctx.db, s.id, settings.healthWindowSends), settings);
    report.push({
      senderAccountId: s.id,
      name: s.name,
      fromEmail: s.fromEmail,
      sends: h.sends,
      bounces: h.bounces,
      complaints: h.complaints,
      bounceRate: h.bounceRate,
      complaintRate: h.complaintRate,
      atRisk: h.verdict.pause ? h.verdict.reason : null,
      pausedAt: s.pausedAt,
      pausedReason: s.pausedReason,
    });
  }
  return { settings, senders: report };
}

export async function getDeliverabilitySettings(ctx: AppContext, actor: Actor) {
  return workspaceDeliverability(ctx, actor.workspaceId);
}

/** Owners and admins change the limits; values are merged over the stored ones and checked whole. */
export async function updateDeliverabilitySettings(
  ctx: AppContext,
  actor: Actor,
  patch: Partial<DeliverabilitySettings>,
) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins change deliverability limits");
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (!Object.keys(changes).length) throw new AppError("validation", "nothing to change");
  const current = await workspaceDeliverability(ctx, actor.workspaceId);
  const next = deliverabilitySettingsSchema.parse({ ...current, ...changes });
  if (next.healthMinSends > next.healthWindowSends)
    throw new AppError("validation", "healthMinSends must not exceed healthWindowSends", {
      field: "healthMinSends",
    });
  await ctx.db.update(workspaces).set({ deliverability: next }).where(eq(workspaces.id, actor.workspaceId));
  return deliverabilitySettings(next);
}
