import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { auditSite } from "../../domain/audit";
import { companyDomainOf } from "../../domain/identity/companyDomain";
import { isFreeMailDomain } from "../../domain/identity/isFreeMailDomain";
import { audits, leads } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { advanceStatus } from "../leads/advanceStatus";
import { getLeadRow } from "../leads/leadDetail";
import { recordLeadEvents } from "../leads/leadEvents";
import { observeSite } from "./observeSite";
import { writebackOutreachEmail } from "./writeback";

/** The site to audit: the company domain, else the domain of a work email address. */
export function auditDomainOf(lead: { companyDomain: string | null; email: string | null }): string | null {
  if (lead.companyDomain) return lead.companyDomain;
  return lead.email && !isFreeMailDomain(lead.email) ? companyDomainOf(lead.email) : null;
}

/** Marks leads as queued for an audit (status "Audit Queued") before the background job runs. */
export async function queueAudits(ctx: AppContext, actor: Actor, leadIds: string[]) {
  const rows = await ctx.db
    .select({ id: leads.id, companyDomain: leads.companyDomain, email: leads.email })
    .from(leads)
    .where(and(eq(leads.workspaceId, actor.workspaceId), inArray(leads.id, leadIds)));
  const auditable = rows.filter((r) => auditDomainOf(r)).map((r) => r.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await advanceStatus(tx, auditable, "audit_queued", now);
    await recordLeadEvents(
      tx,
      actor,
      now,
      auditable.map((leadId) => ({ leadId, type: "audit_queued" })),
    );
  });
  return {
    queued: auditable,
    skipped: rows.filter((r) => !auditDomainOf(r)).map((r) => ({ id: r.id, reason: "no company domain" })),
  };
}

/**
 * Audits the lead's company site and, on completion, runs the writeback: the outreach email is
 * written and the lead's merge variables filled in the same transaction as its "Email Ready" status.
 */
export async function auditLead(ctx: AppContext, actor: Actor, leadId: string) {
  const lead = await getLeadRow(ctx, actor, leadId);
  const domain = auditDomainOf(lead);
  if (!domain)
    throw new AppError("validation", "the lead has no company domain (or work email) to audit", {
      field: "companyDomain",
    });
  const [audit] = await ctx.db
    .insert(audits)
    .values({ workspaceId: actor.workspaceId, leadId, domain, status: "running", createdAt: ctx.clock.now() })
    .returning();
  let result: ReturnType<typeof auditSite>;
  let observations: Awaited<ReturnType<typeof observeSite>>;
  try {
    observations = await observeSite(ctx, domain);
    result = auditSite(observations);
  } catch (e) {
    await ctx.db
      .update(audits)
      .set({ status: "failed", error: (e as Error).message, completedAt: ctx.clock.now() })
      .where(eq(audits.id, audit!.id));
    throw e;
  }
  const now = ctx.clock.now();
  if (observations.fetchRefused) {
    // Not checked is not "unreachable, grade F": nothing is graded and no email tells the prospect
    // their site is down when we only declined to look at it.
    const why = `not checked: ${observations.fetchError}`;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(audits)
        .set({ status: "failed", error: why, completedAt: now })
        .where(eq(audits.id, audit!.id));
      await recordLeadEvents(tx, actor, now, [
        { leadId, type: "audit_not_checked", data: { auditId: audit!.id, reason: observations.fetchError } },
      ]);
    });
    throw new AppError(
      "conflict",
      `the website was not checked (${observations.fetchError}); no grade and no email were written`,
      { auditId: audit!.id },
    );
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(audits)
      .set({
        status: "complete",
        grade: result.grade,
        score: result.score,
        topIssue: result.topIssue,
        // The page itself is not kept (it can be large); what the checks saw is.
        observations: { ...observations, html: null } as unknown as Record<string, unknown>,
        result: result as unknown as Record<string, unknown>,
        completedAt: now,
      })
      .where(eq(audits.id, audit!.id));
    await tx
      .update(leads)
      .set({ auditId: audit!.id, auditGrade: result.grade, auditTopIssue: result.topIssue, updatedAt: now })
      .where(eq(leads.id, leadId));
    await advanceStatus(tx, [leadId], "audit_complete", now);
    await recordLeadEvents(tx, actor, now, [
      {
        leadId,
        type: "audit_completed",
        data: { auditId: audit!.id, grade: result.grade, topIssue: result.topIssue },
      },
    ]);
  });
  const email = await writebackOutreachEmail(ctx, actor, leadId, audit!.id);
  return {
    auditId: audit!.id,
    grade: result.grade,
    score: result.score,
    topIssue: result.topIssue,
    emailId: email.id,
  };
}

export async function getAudit(ctx: AppContext, actor: Actor, id: string) {
  const [a] = await ctx.db
    .select()
    .from(audits)
    .where(and(eq(audits.id, id), eq(audits.workspaceId, actor.workspaceId)));
  if (!a) throw new AppError("not_found", "no such audit in this workspace");
  return a;
}

export async function listLeadAudits(ctx: AppContext, actor: Actor, leadId: string) {
  await getLeadRow(ctx, actor, leadId); // 404 for a lead of another workspace, not an empty list
  return ctx.db
    .select({
      id: audits.id,
      domain: audits.domain,
      status: audits.status,
      grade: audits.grade,
      topIssue: audits.topIssue,
      createdAt: audits.createdAt,
    })
    .from(audits)
    .where(and(eq(audits.workspaceId, actor.workspaceId), eq(audits.leadId, leadId)))
    .orderBy(desc(audits.createdAt), asc(audits.id))
    .limit(20);
}
