import { classifyInbound } from "../../domain/inbound/classifyInbound";
import type { AppContext } from "../context";
import { classifiedFacts } from "../inbound/classifiedFacts";
import { recordInbound } from "../inbound/recordInbound";

export type InboundInput = {
  workspaceId: string;
  leadId: string;
  enrollmentId?: string | null;
  channel: "email" | "linkedin";
  from: string;
  subject: string;
  text: string;
  headers?: Record<string, string | undefined> | import("../../domain/inbound").HeaderField[];
  messageId?: string | null;
  inReplyTo?: string | null;
  ourAddresses?: string[];
};

/**
 * What a prospect sent us through a channel that already knows who they are (LinkedIn, PlusVibe,
 * the sandbox): classified, then recorded by the same path as mail read from an inbox.
 */
export async function recordInboundMessage(ctx: AppContext, m: InboundInput) {
  const now = ctx.clock.now();
  const facts = classifiedFacts(
    classifyInbound({
      headers: m.headers ?? {},
      from: m.from,
      subject: m.subject,
      text: m.text,
      ourAddresses: m.ourAddresses ?? [],
      receivedAtMs: now.getTime(),
      messageId: m.messageId,
    }),
  );
  return recordInbound(
    ctx,
    {
      workspaceId: m.workspaceId,
      channel: m.channel,
      senderAccountId: null,
      from: m.from,
      subject: m.subject,
      text: m.text,
      messageId: m.messageId ?? null,
      references: m.inReplyTo ? [m.inReplyTo] : [],
      receivedAt: now,
      known: { leadId: m.leadId, enrollmentId: m.enrollmentId ?? null },
    },
    facts,
  );
}
