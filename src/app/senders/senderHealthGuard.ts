import { eq } from "drizzle-orm";
import { deliverabilitySettings } from "../../domain/deliverability/deliverabilitySettings";
import { senderHealth } from "../../domain/deliverability/senderHealth";
import { senderAccounts, workspaces } from "../../db/schema";
import { pauseSender, senderHealthCounts } from "../../db/queries/senderHealthQueries";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import { type AppContext, systemActor } from "../context";
import { queueWebhookEvent } from "../webhooks/queueWebhookEvent";

export async function workspaceDeliverability(ctx: Pick<AppContext, "db">, workspaceId: string) {
  const [ws] = await ctx.db
    .select({ deliverability: workspaces.deliverability })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return deliverabilitySettings(ws?.deliverability);
}

/** The sender's bounce and complaint rates over its recent sends, against the workspace's limits. */
export async function readSenderHealth(
  ctx: Pick<AppContext, "db">,
  workspaceId: string,
  senderAccountId: string,
) {
  const settings = await workspaceDeliverability(ctx, workspaceId);
  return senderHealth(
    await senderHealthCounts(ctx.db, senderAccountId, settings.healthWindowSends),
    settings,
  );
}

/**
 * Run after a bounce or complaint counted against a sender: past the workspace's limits the sender
 * pauses itself with the reason, and its sequences wait (the claim skips paused senders) until a
 * person resumes it. The pause is a column, so it holds across restarts and for every worker.
 * Owners are told: the audit log, a `sender.paused` webhook event and the home page's notice.
 */
export async function guardSenderHealth(ctx: AppContext, workspaceId: string, senderAccountId: string) {
  const health = await readSenderHealth(ctx, workspaceId, senderAccountId);
  if (!health.verdict.pause) return { health, paused: false };
  const reason = `Paused automatically: ${health.verdict.reason}.`;
  const at = ctx.clock.now();
  // The pause, its audit line and its webhook event commit together: owners hear of every pause once.
  const paused = await ctx.db.transaction(async (tx) => {
    if (!(await pauseSender(tx, senderAccountId, reason, at))) return false;
    const [s] = await tx
      .select({ name: senderAccounts.name, fromEmail: senderAccounts.fromEmail })
      .from(senderAccounts)
      .where(eq(senderAccounts.id, senderAccountId));
    const details = {
      senderAccountId,
      name: s?.name ?? "",
      fromEmail: s?.fromEmail ?? "",
      reason,
      automatic: true,
    };
    await recordAuditEvent(
      ctx,
      systemActor(workspaceId, "Overture (health guard)"),
      "sender.paused",
      s?.name ?? null,
      details,
      tx,
    );
    await queueWebhookEvent(
      ctx,
      workspaceId,
      "sender.paused",
      { ...details, pausedAt: at.toISOString() },
      tx,
    );
    return true;
  });
  if (paused)
    ctx.log.warn(
      { sender: senderAccountId, reason: health.verdict.reason },
      "sender paused by its health guard",
    );
  return { health, paused };
}
