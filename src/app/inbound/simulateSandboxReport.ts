import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type SandboxReportKind, sandboxReport } from "../../channels/sandbox/sandboxReports";
import { messages, senderAccounts } from "../../db/schema";
import { AppError } from "../../domain/appError";
import type { Actor, AppContext } from "../context";
import { recordInboundEmail } from "../outreach/recordFetchedEmail";

/**
 * "What if this message bounced?": the sandbox receives a real-shaped delivery report for one of its
 * sent emails, read through the same path as a sender's IMAP inbox (parse, classify, match, record,
 * act). Only sandbox mail: a report about a real send must come from the real receiving server.
 */
export async function simulateSandboxReport(
  ctx: AppContext,
  actor: Actor,
  messageId: string,
  kind: SandboxReportKind,
) {
  const [row] = await ctx.db
    .select({ m: messages, s: senderAccounts })
    .from(messages)
    .innerJoin(senderAccounts, eq(senderAccounts.id, messages.senderAccountId))
    .where(and(eq(messages.id, messageId), eq(messages.workspaceId, actor.workspaceId)));
  if (!row) throw new AppError("not_found", "no such email in this workspace");
  if (row.s.kind !== "sandbox")
    throw new AppError("validation", "only emails sent through the sandbox sender can be bounced on purpose");
  if (row.m.channel !== "email" || row.m.status !== "sent" || !row.m.messageId || !row.m.toAddress)
    throw new AppError("validation", "only a sent email can bounce");
  const raw = sandboxReport({
    kind,
    sender: row.s.fromEmail,
    recipient: row.m.toAddress,
    originalMessageId: row.m.messageId,
    originalSubject: row.m.subject,
    at: ctx.clock.now(),
    nonce: randomUUID(),
  });
  const r = await recordInboundEmail(ctx, row.s, Buffer.from(raw));
  return { kind: r.kind, reason: r.reason, recorded: r.recorded, matchedBy: r.matchedBy };
}
