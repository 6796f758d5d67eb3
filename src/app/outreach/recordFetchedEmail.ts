import type { senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";
import { readInboundEmail } from "../inbound/readInboundEmail";
import { type RecordedInbound, recordInbound } from "../inbound/recordInbound";

/**
 * One message read from a sender's inbox: parsed once, classified, matched (our Message-ID in its
 * references; for a bounce without them, its failed recipient; else its sender) and recorded —
 * unmatched mail too, for the inbox's "unmatched" view. Returns 1 when a new row was recorded.
 */
export async function recordFetchedEmail(
  ctx: AppContext,
  acc: typeof senderAccounts.$inferSelect,
  source: Buffer,
): Promise<number> {
  return (await recordInboundEmail(ctx, acc, source)).recorded ? 1 : 0;
}

/** The same, returning what was concluded (the sandbox's simulated reports show it). */
export async function recordInboundEmail(
  ctx: AppContext,
  acc: typeof senderAccounts.$inferSelect,
  source: Buffer,
): Promise<RecordedInbound> {
  const now = ctx.clock.now();
  const mail = await readInboundEmail(source, { ourAddresses: [acc.fromEmail], receivedAtMs: now.getTime() });
  return recordInbound(
    ctx,
    {
      workspaceId: acc.workspaceId,
      channel: "email",
      senderAccountId: acc.id,
      from: mail.from,
      subject: mail.subject,
      text: mail.text.slice(0, 20_000),
      messageId: mail.messageId,
      references: mail.references,
      receivedAt: now,
    },
    mail.facts,
  );
}
