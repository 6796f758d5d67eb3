import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { AppError } from "../../domain/appError";
import { type InferredZone, type LeadPlace } from "../../domain/schedule/inferTimezone";
import { planSchedule } from "../../domain/schedule/planSchedule";
import { holidaysSkipped, sendDaysOf } from "../../domain/schedule/sendingWindow";
import type { StepPath } from "../../domain/sequence/branchDecision";
import { pathLabel, type PathStep, stepsOnPath } from "../../domain/sequence/branchPlan";
import type { LeadReach, SequenceStep } from "../../domain/sequence/sequenceEngine";
import { enrollments, messages, senderAccounts } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { getLeadRow } from "../leads/leadDetail";
import { workspaceWindow } from "../outreach/enrollments";
import { windowFor } from "../outreach/sequenceWindow";
import { getSequence, stepsOf } from "../outreach/sequences";
import { leadZone } from "../zones/leadZone";
import { type PreviewMessage, previewMessages } from "./previewMessages";

export type PreviewQuery = {
  leadId?: string;
  asOf?: Date;
  /** A lead that does not exist yet: where they are and how they can be reached. */
  location?: string;
  phone?: string;
  timezone?: string;
  hasEmail?: boolean;
  hasLinkedIn?: boolean;
};

export type PreviewStep = {
  index: number;
  channel: SequenceStep["channel"];
  condition: SequenceStep["condition"];
  delayDays: number;
  status: "sent" | "scheduled" | "skipped" | "not_scheduled";
  at: Date | null;
  leadLocal: string | null;
  workspaceLocal: string | null;
  reason: string | null;
  /** A template sequence's step as this lead receives it (merge fields, spintax variant); null otherwise. */
  message: PreviewMessage | null;
  /** The branch path the step is on, and when it applies ("if opened"); null for a shared step. */
  path: StepPath | null;
  pathLabel: string | null;
};

const local = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ ccc");

/** "moved from Fri 25 Dec: Christmas Day (DE); Sat 26 Dec: St. Stephen's Day (DE)" */
const movedReason = (holidays: { date: string; holiday: string }[]) =>
  holidays.length
    ? `moved from ${holidays
        .map((h) => `${DateTime.fromISO(h.date).toFormat("ccc d LLL")}: ${h.holiday}`)
        .join("; ")}`
    : null;

const skipReason = (s: SequenceStep) =>
  s.channel === "email" ? "no usable email: the step is skipped" : "no LinkedIn profile: the step is skipped";

/**
 * When each step of the sequence would go for a lead, computed with the scheduler's own functions
 * (`nextDue`: `nextStep` and `dueInstant` over the workspace's sending window). An enrolled lead
 * is shown as the scheduler holds it (sent steps, the stored next instant and zone); any other lead
 * as if launched at `asOf`.
 */
export async function previewSchedule(ctx: AppContext, actor: Actor, sequenceId: string, q: PreviewQuery) {
  const seq = await getSequence(ctx, actor, sequenceId);
  const { ws } = await workspaceWindow(ctx, actor.workspaceId);
  const cache = await windowFor(ws, seq);
  const steps = stepsOf(seq.steps);
  const asOf = q.asOf ?? ctx.clock.now();
  let lead: { id: string | null; name: string | null } = { id: null, name: null };
  let place: LeadPlace = { location: q.location, phone: q.phone, timezone: q.timezone };
  let reach: LeadReach = { hasUsableEmail: q.hasEmail ?? true, hasLinkedIn: q.hasLinkedIn ?? true };
  let replied = false;
  let rendered = new Map<number, PreviewMessage>();
  const [enrollment] = q.leadId
    ? await ctx.db
        .select()
        .from(enrollments)
        .where(
          and(
            eq(enrollments.sequenceId, sequenceId),
            eq(enrollments.leadId, q.leadId),
            eq(enrollments.workspaceId, actor.workspaceId),
          ),
        )
    : [];
  // An enrolled lead's own sender; before launch the rotation's first stands in (launch shares them out).
  const senderId = enrollment?.senderAccountId ?? seq.senderAccountId;
  const [sender] = senderId
    ? await ctx.db
        .select()
        .from(senderAccounts)
        .where(and(eq(senderAccounts.id, senderId), eq(senderAccounts.workspaceId, actor.workspaceId)))
    : [];
  if (q.leadId) {
    const row = await getLeadRow(ctx, actor, q.leadId);
    rendered = await previewMessages(ctx, seq, row, sender);
    lead = { id: row.id, name: [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email };
    place = row;
    reach = { hasUsableEmail: !!row.email && row.status !== "bounced", hasLinkedIn: !!row.linkedinUrl };
    replied = row.status === "replied";
  } else if (!q.location && !q.phone && !q.timezone)
    throw new AppError(
      "validation",
      "give a leadId, or a location, phone or timezone for a lead not yet enrolled",
      {
        field: "leadId",
      },
    );
  const zone: InferredZone = enrollment
    ? {
        zone: enrollment.zone,
        source: enrollment.zoneSource as InferredZone["source"],
        confidence: enrollment.zoneConfidence,
        explanation: enrollment.zoneExplanation ?? "the zone stored when the lead was enrolled",
      }
    : await leadZone(place, ws.timezone);

  const out = new Map<number, PreviewStep>();
  const branch = seq.branch;
  const taken = enrollment?.branchPath ?? null;
  const put = (s: PathStep, v: Pick<PreviewStep, "status" | "reason"> & { at: number | null }) =>
    out.set(s.index, {
      index: s.index,
      channel: s.channel,
      condition: s.condition,
      delayDays: s.delayDays,
      status: v.status,
      at: v.at === null ? null : new Date(v.at),
      leadLocal: v.at === null ? null : local(v.at, zone.zone),
      workspaceLocal: v.at === null ? null : local(v.at, ws.timezone),
      reason: v.reason,
      message: rendered.get(s.index) ?? null,
      path: s.path ?? null,
      pathLabel: branch && s.path ? pathLabel(branch, s.path) : null,
    });
  // With a branch not yet decided, both paths are planned from the last shared step: each step says
  // which path it is on ("if opened") and when it would go if the lead takes that path.
  const paths: (StepPath | null)[] = branch && !taken ? ["yes", "no"] : [taken];
  const plan = (from: number, after: number | null) => {
    for (const p of paths.flatMap((path) =>
      planSchedule(stepsOnPath(steps, path), reach, from, zone.zone, cache, after),
    ))
      put(
        p.step,
        p.skipped
          ? { status: "skipped", at: null, reason: skipReason(p.step) }
          : { status: "scheduled", at: p.at, reason: movedReason(p.holidays) },
      );
  };

  if (enrollment) {
    const sent = await ctx.db
      .select({ stepIndex: messages.stepIndex, status: messages.status, sentAt: messages.sentAt })
      .from(messages)
      .where(eq(messages.enrollmentId, enrollment.id));
    for (const m of sent) {
      const s = steps.find((x) => x.index === m.stepIndex);
      if (s)
        put(s, {
          status: m.status === "sent" ? "sent" : m.status === "skipped" ? "skipped" : "not_scheduled",
          at: m.sentAt?.getTime() ?? null,
          reason: m.status === "sent" || m.status === "skipped" ? null : `the send is ${m.status}`,
        });
    }
    const next = steps.find((s) => s.index === enrollment.nextStepIndex);
    const nextAt = enrollment.state === "active" ? enrollment.nextStepAt : null;
    // Counted from the last send (or the launch, for the first step), as the scheduler counted it.
    const lastSent = Math.max(0, ...sent.map((m) => m.sentAt?.getTime() ?? 0));
    const from = lastSent || enrollment.createdAt.getTime();
    if (nextAt && next?.path && !taken)
      // Waiting at the branch: the path is not known yet, so both are planned from the last send.
      plan(from, enrollment.lastStepIndex);
    else if (nextAt && next) {
      const at = nextAt.getTime();
      const moved = holidaysSkipped(from, lastSent ? next.delayDays : 0, at, zone.zone, cache);
      put(next, { status: "scheduled", at, reason: movedReason(moved) });
      plan(at, next.index);
    }
  } else if (!replied) plan(asOf.getTime(), null);
  const why = enrollment
    ? enrollment.state === "active"
      ? "not scheduled"
      : `the enrollment is ${enrollment.state}${enrollment.stateReason ? `: ${enrollment.stateReason}` : ""}`
    : "the lead has replied: nothing more is sent";
  if (branch && taken)
    for (const s of steps)
      if (s.path && s.path !== taken && !out.has(s.index))
        put(s, {
          status: "not_scheduled",
          at: null,
          reason: `the lead took the ${taken === "yes" ? "Yes" : "No"} path (${pathLabel(branch, taken)})`,
        });
  for (const s of steps) if (!out.has(s.index)) put(s, { status: "not_scheduled", at: null, reason: why });

  return {
    asOf,
    sequenceId,
    lead,
    enrollment: enrollment ? { id: enrollment.id, state: enrollment.state } : null,
    sender: sender
      ? {
          id: sender.id,
          name: sender.name,
          fromEmail: sender.fromEmail,
          assigned: !!enrollment?.senderAccountId,
        }
      : null,
    zone,
    workspaceZone: ws.timezone,
    window: {
      start: cache.window.start,
      end: cache.window.end,
      skipWeekends: ws.skipWeekends,
      days: [...sendDaysOf(cache.window)],
      skipHolidays: seq.skipHolidays,
    },
    steps: steps.map((s) => out.get(s.index)!),
  };
}
