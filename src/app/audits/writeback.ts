import { and, desc, eq } from "drizzle-orm";
import { audits, leads, outreachEmails } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { generateMessage } from "../generation/generateMessage";
import { writerLead, writerProfile } from "../generation/writerInput";
import { advanceStatus } from "../leads/advanceStatus";
import { getLeadRow } from "../leads/leadDetail";
import { recordLeadEvents } from "../leads/leadEvents";
import { publicBase } from "../security/signedToken";

/**
 * The writeback: writes the lead's outreach email (the configured LLM, else the built-in writer; hook
 * chosen from the lead's data and its latest audit) and, in ONE transaction, stores the draft, fills the lead's merge variables
 * (custom_audit_grade, custom_top_issue, custom_audit_url, custom_email_subject, custom_email_body)
 * and moves it to "Email Ready" — so a lead is never email_generated without its variables.
 */
export async function writebackOutreachEmail(
  ctx: AppContext,
  actor: Actor,
  leadId: string,
  auditId: string | null,
) {
  const lead = await getLeadRow(ctx, actor, leadId);
  const [audit] = auditId ? await ctx.db.select().from(audits).where(eq(audits.id, auditId)) : [];
  const auditUrl = audit ? `${publicBase(ctx)}/audits/${audit.id}` : null;
  const now = ctx.clock.now();
  const written = await generateMessage(
    ctx,
    {
      lead: writerLead(ctx, lead, audit ?? null),
      profile: await writerProfile(ctx, actor.workspaceId),
      channel: "email",
      stepNumber: 1,
      now,
      seed: lead.id,
    },
    { workspaceId: actor.workspaceId },
  );
  const variables: Record<string, string> = {
    email_subject: written.subject,
    email_body: written.body,
    ...(audit?.grade ? { audit_grade: audit.grade } : {}),
    ...(audit?.topIssue ? { top_issue: audit.topIssue } : {}),
    ...(auditUrl ? { audit_url: auditUrl } : {}),
  };
  return ctx.db.transaction(async (tx) => {
    // A new audit replaces the lead's unsent draft rather than stacking a second one in the queue.
    const [existing] = await tx
      .select({ id: outreachEmails.id })
      .from(outreachEmails)
      .where(and(eq(outreachEmails.leadId, leadId), eq(outreachEmails.status, "draft")))
      .orderBy(desc(outreachEmails.createdAt))
      .limit(1);
    const values = {
      auditId,
      toAddress: lead.email,
      subject: written.subject,
      body: written.body,
      hook: written.hook as unknown as Record<string, unknown>,
      generator: written.generator,
      model: written.model,
      usage: written.usage as Record<string, unknown> | null,
      variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [`custom_${k}`, v])),
      writebackStatus: "written" as const,
      updatedAt: now,
    };
    const [email] = existing
      ? await tx.update(outreachEmails).set(values).where(eq(outreachEmails.id, existing.id)).returning()
      : await tx
          .insert(outreachEmails)
          .values({ ...values, workspaceId: actor.workspaceId, leadId, createdAt: now })
          .returning();
    await tx
      .update(leads)
      .set({ customFields: { ...lead.customFields, ...variables }, updatedAt: now })
      .where(eq(leads.id, leadId));
    await advanceStatus(tx, [leadId], "email_generated", now);
    await recordLeadEvents(tx, actor, now, [
      {
        leadId,
        type: "email_generated",
        data: { emailId: email!.id, hook: written.hook.kind, subject: written.subject },
      },
    ]);
    return email!;
  });
}
