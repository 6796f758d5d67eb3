import { and, asc, eq } from "drizzle-orm";
import {
  audits,
  imports,
  inboundMessages,
  inboxReplies,
  messageDrafts,
  messages,
  outreachEmails,
} from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { getLead, leadTimeline } from "./leadDetail";

/** Everything stored about one person, as one JSON document (GDPR access request). */
export async function exportLeadData(ctx: AppContext, actor: Actor, id: string) {
  const lead = await getLead(ctx, actor, id);
  const timeline = await leadTimeline(ctx, actor, id);
  const importIds = [
    ...new Set(timeline.map((e) => e.data?.importId).filter((x): x is string => typeof x === "string")),
  ];
  const sources = [];
  for (const importId of importIds) {
    const [imp] = await ctx.db
      .select({ id: imports.id, fileName: imports.fileName, createdAt: imports.createdAt })
      .from(imports)
      .where(and(eq(imports.id, importId), eq(imports.workspaceId, actor.workspaceId)));
    if (imp) sources.push(imp);
  }
  const mine = <T extends { workspaceId: unknown; leadId: unknown }>(t: T) =>
    and(eq(t.workspaceId as never, actor.workspaceId), eq(t.leadId as never, id));
  // What we sent them, what they sent us, messages written for them, our answers, and audits of their site.
  const [sent, received, drafts, siteAudits, labMessages, answers] = await Promise.all([
    ctx.db.select().from(messages).where(mine(messages)).orderBy(asc(messages.claimedAt)),
    ctx.db
      .select({
        id: inboundMessages.id,
        channel: inboundMessages.channel,
        kind: inboundMessages.kind,
        classification: inboundMessages.classification,
        fromAddress: inboundMessages.fromAddress,
        subject: inboundMessages.subject,
        text: inboundMessages.text,
        receivedAt: inboundMessages.receivedAt,
      })
      .from(inboundMessages)
      .where(mine(inboundMessages))
      .orderBy(asc(inboundMessages.receivedAt)),
    ctx.db.select().from(outreachEmails).where(mine(outreachEmails)).orderBy(asc(outreachEmails.createdAt)),
    ctx.db
      .select({
        id: audits.id,
        domain: audits.domain,
        grade: audits.grade,
        topIssue: audits.topIssue,
        createdAt: audits.createdAt,
      })
      .from(audits)
      .where(mine(audits)),
    ctx.db.select().from(messageDrafts).where(mine(messageDrafts)).orderBy(asc(messageDrafts.createdAt)),
    ctx.db.select().from(inboxReplies).where(mine(inboxReplies)).orderBy(asc(inboxReplies.createdAt)),
  ]);
  return {
    exportedAt: ctx.clock.now().toISOString(),
    lead,
    timeline,
    sources,
    messagesSent: sent,
    messagesReceived: received,
    outreachEmails: drafts,
    audits: siteAudits,
    sequenceMessages: labMessages,
    inboxReplies: answers,
  };
}
