import { eq } from "drizzle-orm";
import { deliverabilitySettings } from "../../domain/deliverability/deliverabilitySettings";
import { senderHealth } from "../../domain/deliverability/senderHealth";
import { workspaces } from "../../db/schema";
import { pauseSender, senderHealthCounts } from "../../db/queries/senderHealthQueries";
import type { AppContext } from "../context";

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
 */
export async function guardSenderHealth(ctx: AppContext, workspaceId: string, senderAccountId: string) {
  const health = await readSenderHealth(ctx, workspaceId, senderAccountId);
  if (!health.verdict.pause) return { health, paused: false };
  const paused = await pauseSender(
    ctx.db,
    senderAccountId,
    `Paused automatically: ${health.verdict.reason}.`,
    ctx.clock.now(),
  );
  if (paused)
    ctx.log.warn(
      { sender: senderAccountId, reason: health.verdict.reason },
      "sender paused by its health guard",
    );
  return { health, paused };
}
