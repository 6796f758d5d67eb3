import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { enrollments, leads } from "../../db/schema";
import type { AppContext } from "../context";
import { publicBase, readToken, signToken } from "../security/signedToken";
import { recordLeadEvents } from "../leads/leadEvents";
import { suppressEmail } from "./enrollments";

/** An HMAC-signed token naming the workspace and lead; it cannot be forged or altered. */
export const unsubscribeToken = (ctx: AppContext, workspaceId: string, leadId: string) =>
  signToken(ctx, "unsub", [workspaceId, leadId]);

export const unsubscribeUrl = (
  ctx: AppContext,
  workspaceId: string,
  leadId: string,
  base = publicBase(ctx),
) => `${base}/unsubscribe/${unsubscribeToken(ctx, workspaceId, leadId)}`;

export function readUnsubscribeToken(ctx: AppContext, token: string) {
  const ids = readToken(ctx, "unsub", token, 2);
  if (!ids) throw new AppError("validation", "this unsubscribe link is not valid");
  return { workspaceId: ids[0]!, leadId: ids[1]! };
}

/** Takes effect at once: the address is suppressed and every sequence stops for this person. */
export async function unsubscribe(ctx: AppContext, token: string, via: string) {
  const { workspaceId, leadId } = readUnsubscribeToken(ctx, token);
  return unsubscribeLead(ctx, workspaceId, leadId, via);
}

/** The same, for a request that came another way (a reply asking to be removed). */
export async function unsubscribeLead(ctx: AppContext, workspaceId: string, leadId: string, via: string) {
  const [lead] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId)));
  if (!lead) return { ok: true as const };
  const now = ctx.clock.now();
  if (lead.email) await suppressEmail(ctx, workspaceId, lead.email, `unsubscribed (${via})`);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(enrollments)
      .set({ state: "unsubscribed", stateReason: `unsubscribed (${via})`, nextStepAt: null, updatedAt: now })
      .where(and(eq(enrollments.leadId, leadId), eq(enrollments.state, "active")));
    await tx
      .update(enrollments)
      .set({ state: "unsubscribed", stateReason: `unsubscribed (${via})`, nextStepAt: null, updatedAt: now })
      .where(and(eq(enrollments.leadId, leadId), eq(enrollments.state, "paused")));
    if (lead.status !== "unsubscribed")
      await tx.update(leads).set({ status: "unsubscribed", updatedAt: now }).where(eq(leads.id, leadId));
    await recordLeadEvents(
      tx,
      { workspaceId, userId: null, role: "admin", via: "system", label: "prospect" },
      now,
      [{ leadId, type: "unsubscribed", data: { via } }],
    );
  });
  return { ok: true as const };
}
