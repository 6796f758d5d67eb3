import { assignVariant, variantText } from "../../domain/sequence/stepVariants";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { channelTouch } from "../../domain/compose/channelTouch";
import type { WriterChannel, WriterProfile } from "../../domain/compose";
import { leadMergeVars, renderTemplate } from "../../domain/messages/renderTemplate";
import { spinKey } from "../../domain/messages/spintax";
import { checkGeneratedMessage } from "../../domain/generation";
import { leads, messageDrafts, sequences } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { generateMessage } from "../generation/generateMessage";
import { latestAudit, writerLead, writerProfile } from "../generation/writerInput";
import { recordLeadEvents } from "../leads/leadEvents";
import { groupBy } from "../outreach/scheduler/schedulerShared";
import { getSequence } from "../outreach/sequences";
import {
  type LabLead,
  type LabSequence,
  loadLabLeads,
  readinessFor,
  sequenceLeadIds,
  stepReaches,
} from "./readinessReport";

export type GenerateSummary = {
  leads: number;
  written: number;
  kept: number;
  llm: number;
  builtin: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
};

/**
 * Writes the Messaging Lab's previews: one message per lead and step that can reach the lead.
 * By default only missing messages are written ("missing"); "unapproved" rewrites every message no
 * human has approved or edited. Approved and hand-edited messages are never overwritten in bulk.
 */
export async function generateDrafts(
  ctx: AppContext,
  actor: Actor,
  sequenceId: string,
  opts: { leadIds?: string[]; mode?: "missing" | "unapproved" } = {},
  progress?: (done: number, total: number) => Promise<void>,
): Promise<GenerateSummary> {
  const seq = await getSequence(ctx, actor, sequenceId);
  const all = await sequenceLeadIds(ctx, actor, sequenceId);
  const wanted = opts.leadIds ? new Set(opts.leadIds) : null;
  const ids = wanted ? all.filter((id) => wanted.has(id)) : all;
  const profile = await writerProfile(ctx, actor.workspaceId, seq.strategyProfileId);
  const summary: GenerateSummary = {
    leads: ids.length,
    written: 0,
    kept: 0,
    llm: 0,
    builtin: 0,
    fallbacks: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  };
  let done = 0;
  await progress?.(0, ids.length);
  const queue = [...ids];
  // A few leads at once: with an LLM each message waits on the model, not on us.
  const workers = Math.min(ctx.config.llm.provider === "none" ? 1 : 4, queue.length);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (queue.length) {
        const batch = queue.splice(0, 50);
        const { leads, drafts } = await loadLabLeads(ctx, actor, sequenceId, batch);
        const existing = new Map(drafts.map((d) => [`${d.leadId} ${d.stepIndex}`, d]));
        const rows: (typeof messageDrafts.$inferInsert)[] = [];
        for (const lead of leads) {
          const audit = await latestAudit(ctx, lead.id);
          const facts = writerLead(ctx, lead, audit);
          for (const step of seq.steps) {
            if (!stepReaches(step.channel, lead)) continue;
            const old = existing.get(`${lead.id} ${step.idx}`);
            const keep = old && (opts.mode !== "unapproved" || old.status === "approved" || old.edited);
            if (keep) {
              summary.kept++;
              continue;
            }
            const r = await generateMessage(
              ctx,
              {
                lead: facts,
                profile,
                channel: step.channel as WriterChannel,
                stepNumber: step.idx,
                ...stepFacts(seq.steps, step.idx, lead, profile),
                now: ctx.clock.now(),
                seed: lead.id,
              },
              { workspaceId: actor.workspaceId, runId: seq.runId },
            );
            summary.written++;
            summary[r.generator]++;
            if (r.fallbackReason) summary.fallbacks++;
            summary.inputTokens += r.usage?.inputTokens ?? 0;
            summary.outputTokens += r.usage?.outputTokens ?? 0;
            summary.costUsd += r.usage?.costUsd ?? 0;
            rows.push(draftValues(ctx, actor, seq.id, lead.id, step.idx, step.channel, r));
          }
        }
        await upsertDrafts(ctx, rows);
        done += batch.length;
        await progress?.(done, ids.length);
      }
    }),
  );
  summary.costUsd = Math.round(summary.costUsd * 1e6) / 1e6;
  return summary;
}

/**
 * What the step itself tells the writer: which email (or LinkedIn message) this is, so the first
 * email after a LinkedIn invite is written as a first email with a subject, and the subject set on
 * the step with the lead's merge variables filled (left to the writer when a variable is missing).
 */
function stepFacts(
  steps: LabSequence["steps"],
  stepIndex: number,
  lead: LabLead,
  profile: WriterProfile,
): { touch: number; stepSubject?: string } {
  const found = steps.find((s) => s.idx === stepIndex);
  const touch = channelTouch(steps, stepIndex);
  // An A/B step: the lead's variant's subject is the one the writer is asked to use (the scheduler
  // records the same variant on the message, so the report compares the subjects as written).
  const step = found && {
    ...found,
    ...variantText(found, assignVariant(found.variants, lead.id, stepIndex, found.winner)),
  };
  if (!step?.subject.trim() || step.channel !== "email") return { touch };
  const r = renderTemplate(
    step.subject,
    { ...leadMergeVars(lead), sender_name: profile.senderName, sender_company: profile.senderCompany },
    spinKey(lead.id, stepIndex, "subject"),
  );
  return r.ok ? { touch, stepSubject: r.text } : { touch };
}

function draftValues(
  ctx: AppContext,
  actor: Actor,
  sequenceId: string,
  leadId: string,
  stepIndex: number,
  channel: string,
  r: Awaited<ReturnType<typeof generateMessage>>,
): typeof messageDrafts.$inferInsert {
  const now = ctx.clock.now();
  return {
    workspaceId: actor.workspaceId,
    sequenceId,
    leadId,
    stepIndex,
    channel: channel as WriterChannel,
    subject: r.subject,
    body: r.body,
    hook: r.hook as unknown as Record<string, unknown>,
    generator: r.generator,
    model: r.model,
    usage: r.usage as Record<string, unknown> | null,
    fallbackReason: r.fallbackReason,
    status: "draft",
    edited: false,
    approvedAt: null,
    approvedBy: null,
    createdAt: now,
    updatedAt: now,
  };
}

async function upsertDrafts(ctx: AppContext, rows: (typeof messageDrafts.$inferInsert)[]) {
  if (!rows.length) return;
  await ctx.db
    .insert(messageDrafts)
    .values(rows)
    .onConflictDoUpdate({
      target: [messageDrafts.sequenceId, messageDrafts.leadId, messageDrafts.stepIndex],
      set: Object.fromEntries(
        [
          "subject",
          "body",
          "hook",
          "generator",
          "model",
          "usage",
          "fallback_reason",
          "status",
          "edited",
          "approved_at",
          "approved_by",
          "updated_at",
        ].map((c) => [toCamel(c), sql.raw(`excluded.${c}`)]),
      ),
    });
}
const toCamel = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());

export async function getDraft(ctx: AppContext, actor: Actor, id: string) {
  const [d] = await ctx.db
    .select()
    .from(messageDrafts)
    .where(and(eq(messageDrafts.id, id), eq(messageDrafts.workspaceId, actor.workspaceId)));
  if (!d) throw new AppError("not_found", "no such message in this workspace");
  return d;
}

/** Rewrites one message whatever its state (the user asked for it); it needs approval again. */
export async function regenerateDraft(ctx: AppContext, actor: Actor, id: string) {
  const d = await getDraft(ctx, actor, id);
  const seq = await getSequence(ctx, actor, d.sequenceId);
  const { leads } = await loadLabLeads(ctx, actor, d.sequenceId, [d.leadId]);
  const lead = leads[0];
  if (!lead) throw new AppError("not_found", "the lead of this message no longer exists");
  const profile = await writerProfile(ctx, actor.workspaceId, seq.strategyProfileId);
  const r = await generateMessage(
    ctx,
    {
      lead: writerLead(ctx, lead, await latestAudit(ctx, lead.id)),
      profile,
      channel: d.channel,
      stepNumber: d.stepIndex,
      ...stepFacts(seq.steps, d.stepIndex, lead, profile),
      now: ctx.clock.now(),
      // A different seed, so the built-in writer picks other phrasings than last time.
      seed: `${lead.id}|${ctx.clock.now().getTime()}`,
    },
    { workspaceId: actor.workspaceId, runId: seq.runId },
  );
  await upsertDrafts(ctx, [draftValues(ctx, actor, d.sequenceId, d.leadId, d.stepIndex, d.channel, r)]);
  return getDraft(ctx, actor, id);
}

/** A human edit. It counts as unapproved again: approval is of the text that will be sent. */
export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { subject?: string; body?: string },
) {
  const d = await getDraft(ctx, actor, id);
  const next = { subject: patch.subject ?? d.subject, body: patch.body ?? d.body };
  if (!next.body.trim()) throw new AppError("validation", "the message text is empty", { field: "body" });
  if (d.channel === "linkedin_invite" && [...next.body].length > 300)
    throw new AppError(
      "validation",
      `a LinkedIn invite note is at most 300 characters (this one has ${[...next.body].length})`,
      {
        field: "body",
      },
    );
  await ctx.db
    .update(messageDrafts)
    .set({
      ...next,
      subject: d.channel === "email" ? next.subject : "",
      edited: true,
      status: "draft",
      approvedAt: null,
      approvedBy: null,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(messageDrafts.id, id));
  return getDraft(ctx, actor, id);
}

/**
 * Approves messages. One whose own text would not go out as written (a merge variable the lead
 * cannot fill, a note over the limit, an empty first subject) is refused with the reason; the others
 * are approved. Findings about the lead (blocklisted, unverified email) do not stop approval of the
 * text: they are launch findings.
 */
export async function approveDrafts(ctx: AppContext, actor: Actor, ids: string[]) {
  if (!ids.length) return { approved: [], refused: [] };
  const drafts = await ctx.db
    .select()
    .from(messageDrafts)
    .where(and(eq(messageDrafts.workspaceId, actor.workspaceId), inArray(messageDrafts.id, ids)));
  const found = new Set(drafts.map((d) => d.id));
  const refused: { id: string; reason: string }[] = ids
    .filter((id) => !found.has(id))
    .map((id) => ({ id, reason: "no such message in this workspace" }));
  const approved: string[] = [];
  const bySeq = groupBy(drafts, (d) => d.sequenceId);
  const now = ctx.clock.now();
  const events: { leadId: string; type: string; data: Record<string, unknown> }[] = [];
  for (const [sequenceId, list] of bySeq) {
    const seq = await getSequence(ctx, actor, sequenceId);
    const { leads } = await loadLabLeads(ctx, actor, sequenceId, [...new Set(list.map((d) => d.leadId))]);
    // Readiness of the messages as if approved: only the text's own findings count here.
    const asApproved = list.map((d) => ({ ...d, status: "approved" as const }));
    const { perLead } = await readinessFor(ctx, actor, seq, leads, asApproved);
    const textCodes = new Set(["unfilled_merge_variable", "note_too_long", "empty_body", "subject_missing"]);
    for (const d of list) {
      const problem = (perLead.get(d.leadId) ?? []).find(
        (f) => f.stepIndex === d.stepIndex && f.severity === "blocking" && textCodes.has(f.code),
      );
      const own = checkGeneratedMessage(d, d.channel, channelTouch(seq.steps, d.stepIndex)).filter(
        (p) => !p.includes("placeholder"),
      );
      if (problem) refused.push({ id: d.id, reason: problem.message });
      else if (own.length) refused.push({ id: d.id, reason: own.join("; ") });
      else {
        approved.push(d.id);
        if (d.status !== "approved")
          events.push({
            leadId: d.leadId,
            type: "message_approved",
            data: { sequenceId, sequenceName: seq.name, stepIndex: d.stepIndex, channel: d.channel },
          });
      }
    }
  }
  if (approved.length)
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(messageDrafts)
        .set({ status: "approved", approvedAt: now, approvedBy: actor.label })
        .where(and(inArray(messageDrafts.id, approved), eq(messageDrafts.status, "draft")));
      await recordLeadEvents(tx, actor, now, events);
    });
  return { approved, refused };
}

/** The email messages of personalised sequences, for the Emails queue: newest first, at most 500. */
export async function listSequenceEmails(ctx: AppContext, actor: Actor, status?: "draft" | "approved") {
  return ctx.db
    .select({
      id: messageDrafts.id,
      leadId: messageDrafts.leadId,
      sequenceId: messageDrafts.sequenceId,
      sequenceName: sequences.name,
      stepIndex: messageDrafts.stepIndex,
      toAddress: leads.email,
      subject: messageDrafts.subject,
      body: messageDrafts.body,
      hook: messageDrafts.hook,
      status: messageDrafts.status,
      edited: messageDrafts.edited,
      generator: messageDrafts.generator,
      model: messageDrafts.model,
      createdAt: messageDrafts.createdAt,
      updatedAt: messageDrafts.updatedAt,
      firstName: leads.firstName,
      lastName: leads.lastName,
      company: leads.company,
    })
    .from(messageDrafts)
    .innerJoin(leads, eq(leads.id, messageDrafts.leadId))
    .innerJoin(sequences, eq(sequences.id, messageDrafts.sequenceId))
    .where(
      and(
        eq(messageDrafts.workspaceId, actor.workspaceId),
        eq(messageDrafts.channel, "email"),
        status ? eq(messageDrafts.status, status) : undefined,
      ),
    )
    .orderBy(desc(messageDrafts.updatedAt), asc(messageDrafts.id))
    .limit(500);
}
