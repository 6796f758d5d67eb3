import { asc, desc, eq } from "drizzle-orm";
import type { WriterLead, WriterProfile } from "../../domain/compose";
import { audits, type leads, strategyProfiles, workspaces } from "../../db/schema";
import type { AppContext } from "../context";
import { publicBase } from "../security/signedToken";

/** A strategy profile as the writers take it: the given one, else the workspace's first, else one from its name. */
export async function writerProfile(
  ctx: AppContext,
  workspaceId: string,
  profileId?: string | null,
): Promise<WriterProfile> {
  const [p] = await ctx.db
    .select()
    .from(strategyProfiles)
    .where(profileId ? eq(strategyProfiles.id, profileId) : eq(strategyProfiles.workspaceId, workspaceId))
    .orderBy(asc(strategyProfiles.createdAt))
    .limit(1);
  if (p && p.workspaceId === workspaceId)
    return {
      senderName: p.senderName,
      senderCompany: p.senderCompany,
      offer: p.offer,
      proof: p.proofPoints.join("; "),
      tone: p.tone,
      callToAction: p.callToAction,
    };
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return {
    senderName: "",
    senderCompany: ws?.name ?? "",
    offer: "",
    proof: "",
    tone: "friendly",
    callToAction: "",
  };
}

export type AuditFacts = { id: string; grade: string | null; topIssue: string | null };

/** The lead's latest finished audit, if any. */
export async function latestAudit(ctx: AppContext, leadId: string): Promise<AuditFacts | null> {
  const [a] = await ctx.db
    .select({ id: audits.id, grade: audits.grade, topIssue: audits.topIssue })
    .from(audits)
    .where(eq(audits.leadId, leadId))
    .orderBy(desc(audits.createdAt))
    .limit(1);
  return a ?? null;
}

/** What a writer may know about a lead: its fields, its enrichment (posts, career, company signals) and its audit. */
export function writerLead(
  ctx: AppContext,
  lead: typeof leads.$inferSelect,
  audit: AuditFacts | null,
): WriterLead {
  const enrichment = lead.enrichment as Partial<WriterLead>;
  return {
    firstName: lead.firstName,
    lastName: lead.lastName,
    company: lead.company,
    companyDomain: lead.companyDomain,
    jobTitle: lead.jobTitle,
    industry: lead.industry,
    recentPosts: enrichment.recentPosts,
    experience: enrichment.experience,
    companySignals: enrichment.companySignals,
    audit: audit?.grade
      ? { grade: audit.grade, topIssue: audit.topIssue, url: `${publicBase(ctx)}/audits/${audit.id}` }
      : null,
  };
}
