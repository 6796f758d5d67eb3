import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { and, desc, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { isPrivateAddress } from "../../domain/net/isPrivateAddress";
import { can } from "../../domain/roles";
import { webhookDeliveries, webhookEvents, webhooks } from "../../db/schema";
import type { Actor, AppContext } from "../context";

export type WebhookEvent = (typeof webhookEvents)[number];

/** Webhooks send the workspace's data to another system: owners and admins decide where. */
function mayManage(actor: Actor) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins manage webhooks");
}

const present = (w: typeof webhooks.$inferSelect) => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: w.events,
  active: w.active,
  createdAt: w.createdAt,
});

/**
 * Only http(s), and not a private or loopback address written as an IP (host names are checked
 * again at every delivery, after DNS, by the SSRF-guarded fetcher).
 */
function checkUrl(ctx: AppContext, raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new AppError("validation", "the URL is not valid", { field: "url" });
  }
  if (u.protocol !== "https:" && u.protocol !== "http:")
    throw new AppError("validation", "the URL must start with https:// or http://", { field: "url" });
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const allowed = ctx.config.fetchAllowPrivate.includes(host);
  if (!allowed && (host === "localhost" || (isIP(host) && isPrivateAddress(host))))
    throw new AppError("validation", `${host} is a private or loopback address; webhooks go to public URLs`, {
      field: "url",
    });
  return u.toString();
}

/** Registers a URL for events; the signing secret is shown this once (it is stored encrypted). */
export async function createWebhook(
  ctx: AppContext,
  actor: Actor,
  input: { url: string; events: WebhookEvent[]; description?: string },
) {
  mayManage(actor);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const [w] = await ctx.db
    .insert(webhooks)
    .values({
      workspaceId: actor.workspaceId,
      url: checkUrl(ctx, input.url),
      events: [...new Set(input.events)],
      description: input.description ?? "",
      secretEnc: ctx.secrets.encrypt(secret),
      createdAt: ctx.clock.now(),
    })
    .returning();
  return { ...present(w!), secret };
}

export async function listWebhooks(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select()
    .from(webhooks)
    .where(eq(webhooks.workspaceId, actor.workspaceId))
    .orderBy(desc(webhooks.createdAt));
  return rows.map(present);
}

async function getWebhookRow(ctx: AppContext, actor: Actor, id: string) {
  const [w] = await ctx.db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.workspaceId, actor.workspaceId)));
  if (!w) throw new AppError("not_found", "no such webhook in this workspace");
  return w;
}

export async function updateWebhook(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { url?: string; events?: WebhookEvent[]; description?: string; active?: boolean },
) {
  mayManage(actor);
  await getWebhookRow(ctx, actor, id);
  await ctx.db
    .update(webhooks)
    .set({
      ...patch,
      ...(patch.url ? { url: checkUrl(ctx, patch.url) } : {}),
      ...(patch.events ? { events: [...new Set(patch.events)] } : {}),
    })
    .where(eq(webhooks.id, id));
  return present(await getWebhookRow(ctx, actor, id));
}

export async function deleteWebhook(ctx: AppContext, actor: Actor, id: string) {
  mayManage(actor);
  await getWebhookRow(ctx, actor, id);
  await ctx.db.delete(webhooks).where(eq(webhooks.id, id));
  return { ok: true as const };
}

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(ctx: AppContext, actor: Actor, webhookId: string, limit = 50) {
  await getWebhookRow(ctx, actor, webhookId);
  return ctx.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(Math.min(Math.max(limit, 1), 200));
}

/** Sends a delivery again soon (after a fix on the receiving side), whatever its state. */
export async function redeliver(ctx: AppContext, actor: Actor, deliveryId: string) {
  mayManage(actor);
  const [d] = await ctx.db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: ctx.clock.now(), lastError: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.workspaceId, actor.workspaceId)))
    .returning();
  if (!d) throw new AppError("not_found", "no such delivery in this workspace");
  return d;
}

/** Queues a `ping` to check the receiver (the same signing and delivery path as real events). */
export async function pingWebhook(ctx: AppContext, actor: Actor, id: string) {
  mayManage(actor);
  const w = await getWebhookRow(ctx, actor, id);
  const [d] = await ctx.db
    .insert(webhookDeliveries)
    .values({
      workspaceId: actor.workspaceId,
      webhookId: w.id,
      event: "ping",
      payload: { message: "A test event from Overture." },
      nextAttemptAt: ctx.clock.now(),
      createdAt: ctx.clock.now(),
    })
    .returning();
  return d!;
}
