import { addressOf } from "../../domain/inbound/addressOf";
import { classifyInbound } from "../../domain/inbound/classifyInbound";
import { headersFromRecord } from "../../domain/inbound/headerLookup";
import type { InboundHeader } from "../../domain/inbound/inboundEmail";
import { extractMessageIds, normaliseMessageId } from "../../domain/inbound/messageIds";
import type { AppContext } from "../context";
import { recordInbound } from "../inbound/recordInbound";

export type InboundInput = {
  workspaceId: string;
  leadId: string;
  enrollmentId?: string | null;
  channel: "email" | "linkedin";
  from: string;
  subject: string;
  text: string;
  headers?: Record<string, string | undefined> | InboundHeader[];
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
  // These channels have no raw source: the parsed form is built from what they do have.
  const facts = classifyInbound(
    {
      headers: Array.isArray(m.headers) ? m.headers : headersFromRecord(m.headers ?? {}),
      from: addressOf(m.from),
      fromName: "",
      returnPath: null,
      subject: m.subject,
      messageId: normaliseMessageId(m.messageId),
      inReplyTo: extractMessageIds(m.inReplyTo ?? null),
      references: [],
      text: m.text,
      parts: [],
    },
    { ourAddresses: m.ourAddresses ?? [], receivedAtMs: now.getTime() },
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
