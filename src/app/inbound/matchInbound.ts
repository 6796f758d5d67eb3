import type { Db } from "../../db/client";
import {
  lastMessageTo,
  leadIdByEmail,
  type SentMessageRef,
  sentMessageByIds,
} from "../../db/queries/inboundQueries";
import type { InboundFacts, InboundMessageInput, ReportRecipient } from "./inboundFacts";

export type InboundMatch = {
  leadId: string;
  enrollmentId: string | null;
  /** The sent message the inbound one is about, when known. */
  message: SentMessageRef | null;
  matchedBy: "reference" | "recipient" | "sender" | "channel";
  /** For delivery reports: the recipient entry that concerns this lead. */
  recipient: ReportRecipient | null;
};

const isReport = (f: InboundFacts) => f.kind === "bounce" || f.kind === "complaint";

/**
 * Who an inbound message is about, most reliable first: our Message-ID in its references (or in
 * the returned message of a report); for reports without references, the failed recipient and
 * the last message sent to it (from this mailbox's sender when known); for anything else, the
 * sender's address. A delivery report's From is the mail system, never the lead.
 */
export async function matchInbound(
  db: Pick<Db, "execute">,
  m: InboundMessageInput,
  facts: InboundFacts,
): Promise<InboundMatch | null> {
  const report = isReport(facts) ? (facts as Extract<InboundFacts, { report: unknown }>).report : null;
  const pickRecipient = (address: string | null | undefined) =>
    report
      ? (report.recipients.find((r) => address && r.address === address.toLowerCase()) ??
        report.recipients.find((r) => r.class !== "delivered") ??
        report.recipients[0] ??
        null)
      : null;

  if (m.known) {
    const message = report ? await sentMessageByIds(db, m.workspaceId, refsOf(m, report)) : null;
    return { ...m.known, message, matchedBy: "channel", recipient: pickRecipient(message?.toAddress) };
  }
  const byRef = await sentMessageByIds(db, m.workspaceId, refsOf(m, report));
  if (byRef)
    return {
      leadId: byRef.leadId,
      enrollmentId: byRef.enrollmentId,
      message: byRef,
      matchedBy: "reference",
      recipient: pickRecipient(byRef.toAddress),
    };
  if (report) {
    for (const r of report.recipients) {
      if (!r.address) continue;
      const sent = await lastMessageTo(db, m.workspaceId, r.address, m.senderAccountId);
      if (sent)
        return {
          leadId: sent.leadId,
          enrollmentId: sent.enrollmentId,
          message: sent,
          matchedBy: "recipient",
          recipient: r,
        };
    }
    for (const r of report.recipients) {
      const leadId = r.address ? await leadIdByEmail(db, m.workspaceId, r.address) : null;
      if (leadId) return { leadId, enrollmentId: null, message: null, matchedBy: "recipient", recipient: r };
    }
    return null;
  }
  const leadId = m.from ? await leadIdByEmail(db, m.workspaceId, m.from) : null;
  return leadId ? { leadId, enrollmentId: null, message: null, matchedBy: "sender", recipient: null } : null;
}

const refsOf = (m: InboundMessageInput, report: { originalMessageId: string | null } | null) =>
  [...m.references, report?.originalMessageId].filter((x): x is string => !!x);
