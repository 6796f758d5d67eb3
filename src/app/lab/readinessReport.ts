import { assignVariant, variantText } from "../../domain/sequence/stepVariants";
import { and, eq, inArray, sql } from "drizzle-orm";
import { isBlocked } from "../../domain/blocking/isBlocked";
import { leadMergeVars, renderTemplate } from "../../domain/messages/renderTemplate";
import { spinKey } from "../../domain/messages/spintax";
import {
  type EmailStatus,
  leadReadiness,
  type ReadinessFinding,
  sequenceReadiness,
} from "../../domain/readiness";
import { queryRows } from "../../db/client";
import { leads, messageDrafts, strategyProfiles } from "../../db/schema";
import { isPlaceholderBody } from "../../domain/sequence/placeholderBodies";
import { senderDomainFindings } from "../senders/checkSenderDomain";
import { loadBlocklist } from "../blocklist/blocklist";
import { linkedinAccountOf } from "../integrations/linkedinAccount";
import type { Actor, AppContext } from "../context";
import { rotationSenders } from "../outreach/sequenceSenders";
import { getSequence } from "../outreach/sequences";

export type LabSequence = Awaited<ReturnType<typeof getSequence>>;
export type DraftRow = typeof messageDrafts.$inferSelect;
export type LabLead = typeof leads.$inferSelect;

/** The leads a sequence would reach: members of its lists, each once, in a stable order, less those removed from it. */
export async function sequenceLeadIds(ctx: AppContext, actor: Actor, sequenceId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select distinct m.lead_id as id from list_members m
        join sequence_sources s on s.list_id = m.list_id
        join leads l on l.id = m.lead_id
        where s.sequence_id = ${sequenceId}::uuid and l.workspace_id = ${actor.workspaceId}::uuid
          and not exists (select 1 from sequence_exclusions x where x.sequence_id = s.sequence_id and x.lead_id = m.lead_id)
        order by m.lead_id`,
  );
  return rows.map((r) => r.id);
}

/** A step runs for a lead only on a channel that can reach them. */
export const stepReaches = (channel: string, lead: { email: string | null; linkedinUrl: string | null }) =>
  channel === "email" ? !!lead.email : !!lead.linkedinUrl;

/**
 * Readiness of a sequence and of each given lead: what would stop or weaken their messages,
 * checked on the messages exactly as they would go out (templates rendered with the lead's
 * variables, or the lead's own Messaging Lab drafts, which must be approved).
 */
export async function readinessFor(
  ctx: AppContext,
  actor: Actor,
  seq: LabSequence,
  leadRows: LabLead[],
  drafts: DraftRow[],
) {
  const blocklist = await loadBlocklist(ctx, actor.workspaceId);
  const [profile] = seq.strategyProfileId
    ? await ctx.db.select().from(strategyProfiles).where(eq(strategyProfiles.id, seq.strategyProfileId))
    : [];
  const emailSteps = seq.steps.filter((s) => s.channel === "email").map((s) => s.idx);
  const firstEmail = emailSteps[0];
  const personalised = seq.messageSource === "personalised";
  const linkedinConnected = seq.steps.some((s) => s.channel !== "email")
    ? !!(await linkedinAccountOf(ctx, actor.workspaceId))
    : true;
  const senders = (await rotationSenders(ctx.db, seq.id)).filter((s) => s.workspaceId === actor.workspaceId);
  // A rehearsal only when every sender is the sandbox: a lead could be given any of them.
  const rehearsal = senders.length > 0 && senders.every((s) => s.kind === "sandbox");
  const draftOf = new Map(drafts.map((d) => [`${d.leadId} ${d.stepIndex}`, d]));
  const sequenceFindings = sequenceReadiness({
    hasEmailStep: emailSteps.length > 0,
    senders: senders.map((s) => ({ name: s.name, paused: s.pausedAt !== null })),
    // Every email Overture sends carries the signed unsubscribe link and RFC 8058 headers.
    unsubscribeFooter: true,
    // Personalised sequences send the Lab's messages; their step texts are only the writer's brief.
    steps: personalised
      ? []
      : seq.steps.flatMap((s) => [
          s,
          // A variant's own texts; where it has none it sends the step's, checked just above.
          ...s.variants.map((v) => ({
            idx: s.idx,
            subject: v.subject ?? "",
            body: v.body ?? "",
            variant: v.label,
          })),
        ]),
  });
  // Every sender of the rotation sends some of the leads: each one's domain must pass.
  if (emailSteps.length)
    for (const sender of senders)
      sequenceFindings.push(...(await senderDomainFindings(ctx, actor.workspaceId, sender)));
  const perLead = new Map<string, ReadinessFinding[]>();
  for (const lead of leadRows) {
    const vars = {
      ...leadMergeVars(lead),
      sender_name: profile?.senderName ?? "",
      sender_company: profile?.senderCompany ?? "",
    };
    const extra: ReadinessFinding[] = [];
    const messages = [];
    for (const stepRow of seq.steps) {
      if (!stepReaches(stepRow.channel, lead)) continue;
      // The lead's A/B variant, as the scheduler will pick it: the preview is what is sent.
      const variant = assignVariant(stepRow.variants, lead.id, stepRow.idx, stepRow.winner);
      const step = { ...stepRow, ...variantText(stepRow, variant) };
      const draft = draftOf.get(`${lead.id} ${step.idx}`);
      if (personalised && !draft) {
        extra.push({
          code: "message_not_written",
          severity: "blocking",
          leadId: lead.id,
          stepIndex: step.idx,
          message: `Step ${step.idx} has no message for this lead yet. Generate previews, or remove the lead from the sequence's lists.`,
        });
        continue;
      }
      if (draft && draft.status !== "approved")
        extra.push({
          code: "message_not_approved",
          severity: "blocking",
          leadId: lead.id,
          stepIndex: step.idx,
          message: `Step ${step.idx} is waiting for approval. Read it, edit it if needed, and approve it.`,
        });
      const subjectText = step.idx === firstEmail ? (draft?.subject ?? step.subject) : "";
      // Broken spintax is the sequence's finding (sequenceReadiness); the lead's own checks then read
      // the merge fields alone rather than report the unrendered template as unfilled fields.
      // An approved per-lead message is sent as written (no spintax), as the scheduler sends it.
      const render = (text: string, part: "subject" | "body") => {
        const r = renderTemplate(text, vars, draft ? undefined : spinKey(lead.id, step.idx, part));
        return !r.ok && r.spintax ? renderTemplate(text, vars) : r;
      };
      const subject = render(subjectText, "subject");
      const body = render(draft?.body ?? step.body, "body");
      const missing = [subject, body].flatMap((r) => (r.ok ? [] : r.missing));
      messages.push({
        stepIndex: step.idx,
        channel: step.channel,
        subject: subject.ok ? subject.text : subjectText,
        body: body.ok ? body.text : (draft?.body ?? step.body),
        missingVariables: missing,
        variant: variant?.label ?? null,
        placeholder: !draft && isPlaceholderBody(step.channel, step.body),
      });
    }
    perLead.set(lead.id, [
      ...leadReadiness({
        leadId: lead.id,
        email: lead.email,
        emailStatus: (lead.emailStatus ?? null) as EmailStatus,
        hasLinkedIn: !!lead.linkedinUrl && seq.steps.some((s) => s.channel !== "email"),
        emailStepIndexes: emailSteps,
        blocked: isBlocked(lead, blocklist),
        messages,
        linkedinConnected,
        rehearsal,
        linkedinStepIndex: seq.steps.find((s) => s.channel !== "email" && stepReaches(s.channel, lead))?.idx,
      }),
      ...extra,
    ]);
  }
  return { sequenceFindings, perLead };
}

/** Loads the given leads of a sequence and their drafts. */
export async function loadLabLeads(ctx: AppContext, actor: Actor, sequenceId: string, leadIds: string[]) {
  const rows: LabLead[] = [];
  const drafts: DraftRow[] = [];
  for (let i = 0; i < leadIds.length; i += 5000) {
    const ids = leadIds.slice(i, i + 5000);
    rows.push(
      ...(await ctx.db
        .select()
        .from(leads)
        .where(and(eq(leads.workspaceId, actor.workspaceId), inArray(leads.id, ids)))),
    );
    drafts.push(
      ...(await ctx.db
        .select()
        .from(messageDrafts)
        .where(and(eq(messageDrafts.sequenceId, sequenceId), inArray(messageDrafts.leadId, ids)))),
    );
  }
  const order = new Map(leadIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { leads: rows, drafts };
}
