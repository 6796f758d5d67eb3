import { eq } from "drizzle-orm";
import type { SendRefusal } from "../../../channels/channel";
import { refusalReport } from "../../../domain/deliverability/refusalReport";
import { senderAccounts } from "../../../db/schema";
import type { AppContext } from "../../context";
import { recordInbound } from "../../inbound/recordInbound";
import type { Claimed } from "./claimDueSends";

/**
 * A refusal at send time is a delivery report given at once. It is recorded and acted on exactly
 * like a bounce read from the inbox: the same classes, the address invalidated only for a permanent
 * failure, the lead's timeline, the inbox's list of reports, and the sender's health guard. It runs
 * after the failed send is committed. Returns whether the sender is now paused, so the batch stops
 * sending from it at once.
 */
export async function recordRefusal(ctx: AppContext, c: Claimed, refusal: SendRefusal) {
  const m = c.message;
  const report = refusalReport(refusal, c.lead.email, m.messageId);
  await recordInbound(
    ctx,
    {
      workspaceId: c.lead.workspaceId,
      channel: "email",
      senderAccountId: c.sender?.id ?? null,
      from: refusal.host,
      subject: `Refused when sent: ${m.subject}`,
      text: `The SMTP server ${refusal.host} refused this email at ${refusal.command}:\n\n${refusal.response}`,
      // One report per refused message, however often this runs.
      messageId: `<refused.${m.id}@overture.invalid>`,
      references: [m.messageId],
      receivedAt: ctx.clock.now(),
    },
    { kind: "bounce", reason: `refused by ${refusal.host} at ${refusal.command}`, report },
  );
  if (!c.sender) return false;
  const [s] = await ctx.db
    .select({ pausedAt: senderAccounts.pausedAt })
    .from(senderAccounts)
    .where(eq(senderAccounts.id, c.sender.id));
  return !!s?.pausedAt;
}
