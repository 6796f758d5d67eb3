import type { ReadinessFinding } from "../../domain/readiness";
import type { Actor, AppContext } from "../context";
import { getSequence } from "../outreach/sequences";
import { loadLabLeads, readinessFor, sequenceLeadIds } from "./readinessReport";

export type LabFilter = "all" | "blocking" | "warnings" | "unapproved";

/** Launch sets blocklisted leads aside itself (they are never contacted), so they do not hold it up. */
export const holdsLaunch = (f: ReadinessFinding) => f.severity === "blocking" && f.code !== "blocklisted";

const worst = (fs: ReadinessFinding[]): "blocking" | "warning" | "ready" =>
  fs.some((f) => f.severity === "blocking") ? "blocking" : fs.length ? "warning" : "ready";

/**
 * The Messaging Lab of a sequence: counts over all its leads (ready, with warnings, blocked; messages
 * written and approved), the sequence's own findings, and one page of leads with their messages and
 * findings. Readiness is computed on read, so it always reflects the leads as they are now.
 */
export async function getMessagingLab(
  ctx: AppContext,
  actor: Actor,
  sequenceId: string,
  opts: { offset?: number; limit?: number; filter?: LabFilter } = {},
) {
  const seq = await getSequence(ctx, actor, sequenceId);
  const ids = await sequenceLeadIds(ctx, actor, sequenceId);
  const { leads, drafts } = await loadLabLeads(ctx, actor, sequenceId, ids);
  const { sequenceFindings, perLead } = await readinessFor(ctx, actor, seq, leads, drafts);
  const draftsByLead = new Map<string, typeof drafts>();
  for (const d of drafts) draftsByLead.set(d.leadId, [...(draftsByLead.get(d.leadId) ?? []), d]);
  const state = new Map(leads.map((l) => [l.id, worst(perLead.get(l.id) ?? [])]));
  const filter = opts.filter ?? "all";
  const shown = leads.filter((l) =>
    filter === "blocking"
      ? state.get(l.id) === "blocking"
      : filter === "warnings"
        ? state.get(l.id) === "warning"
        : filter === "unapproved"
          ? (draftsByLead.get(l.id) ?? []).some((d) => d.status !== "approved")
          : true,
  );
  const offset = Math.max(0, opts.offset ?? 0);
  const limit = Math.min(Math.max(1, opts.limit ?? 25), 200);
  const count = (s: string) => [...state.values()].filter((v) => v === s).length;
  return {
    sequence: {
      id: seq.id,
      name: seq.name,
      status: seq.status,
      messageSource: seq.messageSource,
      senderAccountId: seq.senderAccountId,
      senderAccountIds: seq.senderAccountIds,
      strategyProfileId: seq.strategyProfileId,
      steps: seq.steps.map((s) => ({ idx: s.idx, channel: s.channel, delayDays: s.delayDays })),
    },
    llm:
      ctx.config.llm.provider === "none"
        ? null
        : { provider: ctx.config.llm.provider, model: ctx.config.llm.model },
    sequenceFindings,
    counts: {
      leads: leads.length,
      ready: count("ready"),
      warnings: count("warning"),
      blocking: count("blocking"),
      messages: drafts.length,
      approved: drafts.filter((d) => d.status === "approved").length,
    },
    canLaunch:
      seq.status === "draft" &&
      leads.length > 0 &&
      !sequenceFindings.some(holdsLaunch) &&
      ![...perLead.values()].some((fs) => fs.some(holdsLaunch)),
    total: shown.length,
    offset,
    limit,
    leads: shown.slice(offset, offset + limit).map((l) => ({
      id: l.id,
      name: [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || l.linkedinUrl || "(no name)",
      email: l.email,
      emailStatus: l.emailStatus,
      company: l.company,
      jobTitle: l.jobTitle,
      state: state.get(l.id) ?? worst([]),
      findings: perLead.get(l.id) ?? [],
      messages: (draftsByLead.get(l.id) ?? [])
        .sort((a, b) => a.stepIndex - b.stepIndex)
        .map((d) => ({
          id: d.id,
          stepIndex: d.stepIndex,
          channel: d.channel,
          subject: d.subject,
          body: d.body,
          hook: d.hook,
          generator: d.generator,
          model: d.model,
          usage: d.usage,
          fallbackReason: d.fallbackReason,
          status: d.status,
          edited: d.edited,
          approvedAt: d.approvedAt,
          approvedBy: d.approvedBy,
        })),
    })),
  };
}

/**
 * The launch gate: blocking findings of the sequence, or of any lead launch would contact, refuse the
 * launch. Leads launch itself sets aside (blocklisted, unsubscribed, unreachable) do not count here.
 */
export async function launchBlockers(ctx: AppContext, actor: Actor, sequenceId: string, leadIds: string[]) {
  const seq = await getSequence(ctx, actor, sequenceId);
  const { leads, drafts } = await loadLabLeads(ctx, actor, sequenceId, leadIds);
  const { sequenceFindings, perLead } = await readinessFor(ctx, actor, seq, leads, drafts);
  return [...sequenceFindings, ...[...perLead.values()].flat()].filter(holdsLaunch);
}
