import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { isBlocked } from "../../domain/blocking/isBlocked";
import { nextWindowStart, WindowCache } from "../../domain/schedule/sendingWindow";
import { assignSenders } from "../../domain/sequence/assignSenders";
import { nextDueOnPath } from "../../domain/sequence/branchPlan";
import { senderCapToday } from "../../domain/schedule/senderPacing";
import { queryRows } from "../../db/client";
import { enrollments, leads, runs, sequences, suppressions, workspaces } from "../../db/schema";
import { loadBlocklist } from "../blocklist/blocklist";
import type { Actor, AppContext } from "../context";
import { launchBlockers } from "../lab/messagingLab";
import { recordLeadEvents } from "../leads/leadEvents";
import { leadZone } from "../zones/leadZone";
import { rotationSenders } from "./sequenceSenders";
import { getSequence, stepsOf } from "./sequences";
import { sequenceWindow, windowFor } from "./sequenceWindow";

export async function workspaceWindow(ctx: AppContext, workspaceId: string) {
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return {
    ws: ws!,
    cache: new WindowCache({ start: ws!.windowStart, end: ws!.windowEnd, skipWeekends: ws!.skipWeekends }),
  };
}

/**
 * Enrolls every lead of the sequence's lists once (a lead in two of its lists is enrolled once; one
 * enrolled before is skipped). Blocklisted, suppressed and unreachable leads are enrolled in an ended
 * state so the dashboard can say why they will not be contacted. Starts the sequence (and its run).
 */
export async function launchSequence(
  ctx: AppContext,
  actor: Actor,
  id: string,
  opts: { skipBlocked?: boolean } = {},
) {
  const seq = await getSequence(ctx, actor, id);
  // Launch happens once: a second Launch (a double-click, a retry) answers what the first one did.
  if (seq.status !== "draft") return (seq.launchResult as LaunchResult | null) ?? enrolledSoFar(ctx, id);
  if (seq.archivedAt) throw new AppError("conflict", "this sequence is archived; it cannot be launched");
  if (!seq.senderAccountId && seq.steps.some((s) => s.channel === "email"))
    throw new AppError("not_ready", "select a sender account before launching a sequence with email steps", {
      field: "senderAccountId",
    });
  if (!seq.listIds.length)
    throw new AppError("not_ready", "add at least one list of leads to the sequence", { field: "listIds" });
  const { ws } = await workspaceWindow(ctx, actor.workspaceId);
  const cache = await windowFor(ws, seq);
  const blocklist = await loadBlocklist(ctx, actor.workspaceId);
  const steps = stepsOf(seq.steps);
  const now = ctx.clock.now();
  const candidates = await queryRows<{
    id: string;
    email: string | null;
    linkedin_url: string | null;
    company_domain: string | null;
    timezone: string | null;
    location: string | null;
    phone: string | null;
    status: string;
    suppressed: boolean;
  }>(
    ctx.db,
    sql`select distinct l.id, l.email, l.linkedin_url, l.company_domain, l.timezone, l.location, l.phone, l.status,
          exists (select 1 from suppressions s where s.workspace_id = l.workspace_id and s.email = l.email) as suppressed
        from leads l join list_members m on m.lead_id = l.id
        where l.workspace_id = ${actor.workspaceId}::uuid
          and m.list_id in (select list_id from sequence_sources where sequence_id = ${id}::uuid)
          and not exists (select 1 from enrollments e where e.sequence_id = ${id}::uuid and e.lead_id = l.id)
          and not exists (select 1 from sequence_exclusions x where x.sequence_id = ${id}::uuid and x.lead_id = l.id)`,
  );
  const zones = await Promise.all(candidates.map((l) => leadZone(l, ws.timezone)));
  const rows = candidates.map((l, i) => {
    const zone = zones[i]!;
    const block = isBlocked({ email: l.email, companyDomain: l.company_domain }, blocklist);
    const first = nextDueOnPath(
      steps,
      seq.branch,
      null,
      null,
      { hasUsableEmail: !!l.email && l.status !== "bounced", hasLinkedIn: !!l.linkedin_url },
      l.status === "replied",
      now.getTime(),
      zone.zone,
      cache,
    );
    const base = {
      workspaceId: actor.workspaceId,
      sequenceId: id,
      leadId: l.id,
      zone: zone.zone,
      zoneSource: zone.source,
      zoneConfidence: zone.confidence,
      zoneExplanation: zone.explanation,
      createdAt: now,
      updatedAt: now,
    };
    if (block.blocked) return { ...base, state: "blocked" as const, stateReason: block.reason };
    if (l.suppressed || l.status === "unsubscribed")
      return { ...base, state: "unsubscribed" as const, stateReason: "unsubscribed earlier" };
    if (first.done)
      return {
        ...base,
        state: "completed" as const,
        stateReason: first.reason === "replied" ? "already replied" : "no step can reach this lead",
      };
    return {
      ...base,
      state: "active" as const,
      stateReason: null,
      nextStepIndex: first.step.index,
      nextStepAt: new Date(first.at),
    };
  });
  // The readiness gate (Messaging Lab): nothing launches while a lead it would contact has a blocking
  // finding, unless the launch was asked to skip those leads; a finding on the sequence itself holds everyone.
  const blockers = await launchBlockers(
    ctx,
    actor,
    id,
    rows.filter((r) => r.state === "active").map((r) => r.leadId),
  );
  const onSequence = blockers.filter((b) => !b.leadId);
  const held = new Map<string, string>();
  for (const b of blockers) if (b.leadId && !held.has(b.leadId)) held.set(b.leadId, b.message);
  if (onSequence.length || (held.size && !opts.skipBlocked)) {
    const active = rows.filter((r) => r.state === "active").length;
    throw new AppError(
      "not_ready",
      `${blockers.length} blocking readiness finding(s)${held.size ? ` on ${held.size} lead(s)` : ""}: ${blockers[0]!.message} Open the Messaging Lab to fix them${!onSequence.length ? ", or launch skipping those leads" : ""}.`,
      {
        findings: blockers.slice(0, 50),
        // What "Launch N, skip M" would do: the leads it would set aside, each with its first reason.
        skippable: onSequence.length ? [] : await skippableLeads(ctx, held),
        launchable: onSequence.length ? 0 : active - held.size,
      },
    );
  }
  for (const r of rows)
    if (held.has(r.leadId))
      Object.assign(r, {
        state: "blocked" as const,
        stateReason: `skipped at launch: ${held.get(r.leadId)}`,
        nextStepIndex: null,
        nextStepAt: null,
      });
  const emailable = new Set(candidates.filter((l) => l.email && l.status !== "bounced").map((l) => l.id));
  const senderOf = await shareSenders(ctx, seq, now, rows, emailable);
  const count = (s: string) => rows.filter((r) => r.state === s).length;
  const result: LaunchResult = {
    enrolled: rows.length,
    active: count("active"),
    blocked: count("blocked"),
    skipped: held.size,
    unsubscribed: count("unsubscribed"),
    unreachable: count("completed"),
  };
  const first = await ctx.db.transaction(async (tx) => {
    // Only the launch that moves the sequence out of draft enrolls anyone; one that lost the race
    // (two requests at once) writes nothing and answers the winner's result.
    const won = await tx
      .update(sequences)
      .set({ status: "active", launchResult: result })
      .where(and(eq(sequences.id, id), eq(sequences.status, "draft")))
      .returning({ id: sequences.id });
    if (!won.length) return false;
    for (let i = 0; i < rows.length; i += 1000)
      await tx
        .insert(enrollments)
        .values(
          rows.slice(i, i + 1000).map((r) => ({ ...r, senderAccountId: senderOf.get(r.leadId) ?? null })),
        )
        .onConflictDoNothing();
    await tx
      .update(runs)
      .set({ status: "active", activatedAt: now })
      .where(and(eq(runs.id, seq.runId), eq(runs.status, "draft")));
    await recordLeadEvents(
      tx,
      actor,
      now,
      rows.map((r) => ({
        leadId: r.leadId,
        type: "enrolled",
        data: { sequenceId: id, sequenceName: seq.name, state: r.state, reason: r.stateReason ?? null },
      })),
    );
    return true;
  });
  if (first) return result;
  const again = await getSequence(ctx, actor, id);
  return (again.launchResult as LaunchResult | null) ?? result;
}

/**
 * The sender of each lead that launch makes active and an email step can reach: the rotation shared
 * by the senders' caps today (assignSenders), in the order the leads fall due, so the first day's
 * sends spread over every sender. Other leads get none (a LinkedIn-only lead sends no email).
 */
async function shareSenders(
  ctx: AppContext,
  seq: { id: string; steps: { channel: string }[] },
  now: Date,
  rows: { leadId: string; state: string; nextStepAt?: Date | null }[],
  emailable: Set<string>,
) {
  const out = new Map<string, string>();
  if (!seq.steps.some((s) => s.channel === "email")) return out;
  const entering = rows
    .filter((r) => r.state === "active" && emailable.has(r.leadId))
    .sort(
      (a, b) =>
        (a.nextStepAt?.getTime() ?? 0) - (b.nextStepAt?.getTime() ?? 0) || (a.leadId < b.leadId ? -1 : 1),
    );
  const senders = (await rotationSenders(ctx.db, seq.id)).map((s) => ({
    id: s.id,
    position: s.position,
    capToday: senderCapToday({ ...s, createdAtMs: s.createdAt.getTime() }, now.getTime()),
    paused: s.pausedAt !== null,
  }));
  assignSenders(senders, entering.length).forEach((id, i) => out.set(entering[i]!.leadId, id));
  return out;
}

/** For a sequence launched before launch results were kept: its enrollments as they are now. */
async function enrolledSoFar(ctx: AppContext, sequenceId: string): Promise<LaunchResult> {
  const rows = await queryRows<{ state: string; n: number }>(
    ctx.db,
    sql`select state, count(*)::int as n from enrollments where sequence_id = ${sequenceId}::uuid group by state`,
  );
  const of = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
  return {
    enrolled: rows.reduce((n, r) => n + r.n, 0),
    active: of("active") + of("paused"),
    blocked: of("blocked"),
    skipped: 0,
    unsubscribed: of("unsubscribed"),
    unreachable: of("completed"),
  };
}

export type LaunchResult = {
  enrolled: number;
  active: number;
  blocked: number;
  skipped: number;
  unsubscribed: number;
  unreachable: number;
};

/** The leads a launch would skip, named for the Launch dialog (at most 200: the count says the rest). */
async function skippableLeads(ctx: AppContext, held: Map<string, string>) {
  const ids = [...held.keys()].slice(0, 200);
  if (!ids.length) return [];
  const rows = await ctx.db
    .select({
      id: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      linkedinUrl: leads.linkedinUrl,
    })
    .from(leads)
    .where(inArray(leads.id, ids));
  return rows.map((l) => ({
    leadId: l.id,
    name: [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || l.linkedinUrl || "(no name)",
    reason: held.get(l.id)!,
  }));
}

/** Pause or resume a whole sequence; resuming recomputes nobody's schedule: due steps go out at the next window. */
export async function setSequencePaused(ctx: AppContext, actor: Actor, id: string, paused: boolean) {
  const seq = await getSequence(ctx, actor, id);
  if (seq.status === "draft") throw new AppError("conflict", "launch the sequence first");
  await ctx.db
    .update(sequences)
    .set({ status: paused ? "paused" : "active" })
    .where(eq(sequences.id, id));
  return getSequence(ctx, actor, id);
}

export async function setEnrollmentPaused(
  ctx: AppContext,
  actor: Actor,
  enrollmentId: string,
  paused: boolean,
) {
  const [e] = await ctx.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.workspaceId, actor.workspaceId)));
  if (!e) throw new AppError("not_found", "no such enrollment in this workspace");
  if (paused && e.state !== "active")
    throw new AppError("conflict", `only an active enrollment can be paused (this one is ${e.state})`);
  if (!paused && e.state !== "paused")
    throw new AppError("conflict", `only a paused enrollment can resume (this one is ${e.state})`);
  const now = ctx.clock.now();
  let nextAt = e.nextStepAt;
  if (!paused) {
    const { cache } = await sequenceWindow(ctx, actor.workspaceId, e.sequenceId);
    nextAt = e.nextStepIndex
      ? new Date(Math.max(nextAt?.getTime() ?? 0, nextWindowStart(now.getTime(), e.zone, cache)))
      : null;
  }
  await ctx.db
    .update(enrollments)
    .set({
      state: paused ? "paused" : "active",
      stateReason: paused ? `paused by ${actor.label}` : null,
      pausedUntil: null,
      nextStepAt: nextAt,
      updatedAt: now,
    })
    .where(eq(enrollments.id, enrollmentId));
  return { ok: true as const };
}

export async function suppressEmail(ctx: AppContext, workspaceId: string, email: string, reason: string) {
  await ctx.db
    .insert(suppressions)
    .values({ workspaceId, email, reason, createdAt: ctx.clock.now() })
    .onConflictDoNothing();
}
