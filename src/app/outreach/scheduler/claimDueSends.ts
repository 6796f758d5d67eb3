import { deliverabilitySettings } from "../../../domain/deliverability/deliverabilitySettings";
import { limitedDomainOf } from "../../../domain/deliverability/sendLimits";
import { randomUUID } from "node:crypto";
import {
  type BatchLedger,
  decideDue,
  type DueDecision,
  type EndState,
} from "../../../domain/sequence/dueDecision";
import type { WindowCache } from "../../../domain/schedule/sendingWindow";
import * as q from "../../../db/queries/sendClaims";
import type { leads, senderAccounts, sequenceSteps } from "../../../db/schema";
import { loadBlocklist } from "../../blocklist/blocklist";
import type { AppContext } from "../../context";
import type { LinkedInAccount } from "../../integrations/linkedinAccount";
import { recordLeadEvents } from "../../leads/leadEvents";
import { usageLeft } from "../../usage/usage";
import { workspaceWindow } from "../enrollments";
import { windowFor } from "../sequenceWindow";
import { linkedinGate } from "./linkedinGate";
import { groupBy, schedulerActor } from "./schedulerShared";
import { decideBranches } from "./branchStep";
import { stepsOnPath } from "../../../domain/sequence/branchPlan";

/** A claimed send with everything delivery needs, read once in the claiming transaction. */
export type Claimed = {
  messageId: string;
  message: q.Claim & {
    id: string;
    messageId: string;
    stepIndex: number;
    channel: string;
    subject: string;
    body: string;
  };
  references: string[];
  lead: typeof leads.$inferSelect;
  sender: typeof senderAccounts.$inferSelect | undefined;
  enrollment: {
    id: string;
    sequenceId: string;
    zone: string;
    branch: q.DueRow["branch"];
    branchPath: q.DueRow["branch_path"];
  };
  steps: (typeof sequenceSteps.$inferSelect)[];
  cache: WindowCache;
  track: { opens: boolean; clicks: boolean };
  /** The workspace's LinkedIn account for a LinkedIn step, or null for the sandbox channel. */
  linkedin: LinkedInAccount | null;
};

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/**
 * Claims due steps in one transaction per batch: locks due enrollments (SKIP LOCKED, so several
 * workers share the work), reads everything the checks need for the whole batch at once
 * (`db/queries/sendClaims`), decides each enrollment in memory (`decideDue`: reply, unsubscribe,
 * bounce, blocklist, budgets, caps and gaps, rendering with no empty merge field) *in that
 * transaction*, so a reply that committed first always wins, and records the sends as 'sending' in
 * one insert under the unique (enrollment, step, attempt) key. Sending happens after the commit, in
 * `deliver`.
 */
export async function claimDueSends(ctx: AppContext, limit = 50): Promise<Claimed[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const due = await q.lockDueEnrollments(tx, now, limit);
    if (!due.length) return [];
    const wsIds = uniq(due.map((e) => e.workspace_id));
    const windows = new Map(
      await Promise.all(wsIds.map(async (id) => [id, await workspaceWindow(txCtx, id)] as const)),
    );
    // Each sequence's calendar over its workspace's window: one cache per sequence in the batch.
    const caches = new Map<string, WindowCache>();
    for (const e of due)
      if (!caches.has(e.sequence_id))
        caches.set(
          e.sequence_id,
          await windowFor(windows.get(e.workspace_id)!.ws, {
            sendDays: e.send_days,
            windowStart: e.window_start,
            windowEnd: e.window_end,
            skipHolidays: e.skip_holidays,
          }),
        );
    const blocklists = new Map(
      await Promise.all(wsIds.map(async (id) => [id, await loadBlocklist(txCtx, id)] as const)),
    );
    const leadById = new Map((await q.leadsByIds(tx, uniq(due.map((e) => e.lead_id)))).map((l) => [l.id, l]));
    const stepsBySeq = groupBy(
      await q.stepsOfSequences(tx, uniq(due.map((e) => e.sequence_id))),
      (s) => s.sequenceId,
    );
    const suppressed = await q.suppressedKeys(tx, uniq([...leadById.values()].map((l) => l.email)));
    // Company domains where someone already replied, for workspaces that stop the whole company.
    const repliedDomains = await q.repliedDomainKeys(
      tx,
      wsIds.filter((id) => windows.get(id)!.ws.stopCompanyOnReply),
      uniq([...leadById.values()].map((l) => l.companyDomain)),
    );
    // Each sender is locked once for the batch; its 24 h count and last send are then kept in memory.
    const senderIds = uniq(due.map((e) => e.sender_account_id)).sort();
    const senders = new Map((await q.lockSenders(tx, senderIds)).map((s) => [s.id, s]));
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const limits = new Map(
      wsIds.map((id) => {
        const d = deliverabilitySettings(windows.get(id)!.ws.deliverability);
        return [
          id,
          { perDomainDaily: d.perDomainDailyLimit, workspaceDaily: d.workspaceDailyLimit },
        ] as const;
      }),
    );
    const ledger: BatchLedger = {
      sentToday: await q.emailsClaimedSince(tx, senderIds, dayAgo),
      lastSentMs: new Map([...senders.values()].map((s) => [s.id, s.lastSentAt?.getTime() ?? null])),
      emailsLeft: new Map(),
      limitCounts: await q.emailsByWorkspaceAndDomainSince(
        tx,
        wsIds.filter((id) => limits.get(id)!.perDomainDaily > 0 || limits.get(id)!.workspaceDaily > 0),
        uniq([...leadById.values()].map((l) => limitedDomainOf(l.email))),
        dayAgo,
      ),
    };
    const profiles = new Map(
      (await q.profilesByIds(tx, uniq(due.map((e) => e.strategy_profile_id)))).map((p) => [p.id, p]),
    );
    const threads = groupBy(
      await q.sentThreads(
        tx,
        due.map((e) => e.id),
      ),
      (m) => m.enrollment_id,
    );
    // Workspaces with a monthly email limit: emails are claimed only while some is left; past it, the
    // email steps wait (the enrollment paused, saying why) for a higher limit or the next month.
    for (const id of wsIds)
      if (windows.get(id)!.ws.usageLimits?.emailsSent !== undefined) {
        const u = await usageLeft(txCtx, id, "emailsSent");
        if (u.left !== null) ledger.emailsLeft.set(id, { left: u.left, message: u.message });
      }
    // Personalised sequences send only messages a human approved in the Messaging Lab.
    const personal = due.filter((e) => e.message_source === "personalised");
    const approved = await q.approvedDrafts(
      tx,
      uniq(personal.map((e) => e.sequence_id)),
      uniq(personal.map((e) => e.lead_id)),
    );
    // LinkedIn steps go through the workspace's account, within its shared budgets.
    const withLinkedIn = due.filter((e) =>
      (stepsBySeq.get(e.sequence_id) ?? []).some((st) => st.channel !== "email"),
    );
    const gate = withLinkedIn.length
      ? await linkedinGate(
          txCtx,
          now,
          uniq(withLinkedIn.map((e) => e.lead_id)),
          uniq(withLinkedIn.map((e) => e.workspace_id)),
        )
      : null;

    // Leads past the shared steps of a branched sequence: which path each takes (or when to ask again).
    const isSuppressed = (e: q.DueRow, email: string | null) =>
      !!email && suppressed.has(`${e.workspace_id} ${email}`);
    const branches = await decideBranches(tx, now, due, (e) => {
      const lead = leadById.get(e.lead_id);
      if (!lead || !e.branch) return null;
      return {
        steps: stepsBySeq.get(e.sequence_id) ?? [],
        reach: {
          hasUsableEmail: !!lead.email && lead.status !== "bounced" && !isSuppressed(e, lead.email),
          hasLinkedIn: !!lead.linkedinUrl,
        },
        emailStatus: lead.emailStatus,
        cache: caches.get(e.sequence_id)!,
        // A reply or unsubscribe is decided by decideDue first: no branch is taken for a stopped lead.
        stopped: ["replied", "converted", "unsubscribed"].includes(lead.status),
      };
    });
    const taken: { e: q.DueRow; path: "yes" | "no"; reason: string }[] = [];

    const ends: { e: q.DueRow; state: EndState; reason: string }[] = [];
    const defers: { id: string; at: Date; reason?: string }[] = [];
    const notes: { e: q.DueRow; type: string; data: Record<string, unknown> }[] = [];
    const failedRenders: q.Claim[] = [];
    const claims: q.Claim[] = [];
    const prepared = new Map<string, Claimed>();
    const sendingSenders = new Set<string>();
    for (const e of due) {
      const lead = leadById.get(e.lead_id);
      if (!lead) continue;
      const b = branches.get(e.id);
      if (b?.kind === "defer") {
        defers.push({ id: e.id, at: b.at, reason: b.reason });
        continue;
      }
      const path = b?.kind === "taken" ? b.path : e.branch_path;
      if (b?.kind === "taken") {
        taken.push({ e, path: b.path, reason: b.reason });
        if (b.due && b.due.at > now) {
          defers.push({ id: e.id, at: b.due.at });
          continue;
        }
      }
      // Only the shared steps and the lead's path (none of a path while it is undecided).
      const stepRows = stepsOnPath(stepsBySeq.get(e.sequence_id) ?? [], path);
      const senderRow = e.sender_account_id ? senders.get(e.sender_account_id) : undefined;
      const d: DueDecision<LinkedInAccount> = decideDue({
        nowMs: now.getTime(),
        workspaceId: e.workspace_id,
        zone: e.zone,
        lastStepIndex: e.last_step_index,
        lead,
        steps: stepRows,
        suppressed: isSuppressed(e, lead.email),
        colleagueReplied:
          !!lead.companyDomain && repliedDomains.has(`${e.workspace_id} ${lead.companyDomain}`),
        blocklist: blocklists.get(e.workspace_id)!,
        draft: (idx) =>
          e.message_source === "personalised" ? approved.get(`${e.sequence_id} ${e.lead_id} ${idx}`) : null,
        sender: senderRow && {
          ...senderRow,
          createdAtMs: senderRow.createdAt.getTime(),
          paused: senderRow.pausedAt !== null,
        },
        linkedin: gate && ((channel, wantsNote) => gate(e.workspace_id, e.lead_id, channel, wantsNote)),
        profile: e.strategy_profile_id ? profiles.get(e.strategy_profile_id) : undefined,
        previous: (threads.get(e.id) ?? []).map((t) => ({ subject: t.subject, messageId: t.message_id })),
        cache: caches.get(e.sequence_id)!,
        ledger,
        limits: limits.get(e.workspace_id)!,
        random: Math.random,
      });
      if (d.kind === "wait") continue;
      if (d.kind === "end") {
        ends.push({ e, state: d.state, reason: d.reason });
        continue;
      }
      if (d.kind === "defer") {
        defers.push({ id: e.id, at: d.at, reason: d.reason });
        continue;
      }
      const sender = d.step.channel === "email" ? senderRow : undefined;
      const id = randomUUID();
      const base = {
        id,
        workspaceId: e.workspace_id,
        enrollmentId: e.id,
        leadId: e.lead_id,
        senderAccountId: sender?.id ?? null,
        stepIndex: d.step.idx,
        attempt: e.step_attempt,
        channel: d.step.channel,
        toAddress: d.step.channel === "email" ? lead.email : lead.linkedinUrl,
        claimedAt: now,
      };
      if (d.kind === "fail") {
        failedRenders.push({ ...base, status: "failed", error: d.error });
        ends.push({ e, state: "paused", reason: d.reason });
        continue;
      }
      if (d.noteDropped)
        notes.push({
          e,
          type: "invitation_note_dropped",
          data: { step: d.step.idx, reason: "the free LinkedIn account's notes for this month are used" },
        });
      if (sender) sendingSenders.add(sender.id);
      const domain = (sender?.fromEmail ?? "sandbox.overture.local").split("@").pop();
      const message = {
        ...base,
        status: "sending" as const,
        subject: d.subject,
        body: d.body,
        messageId: `<${id}@${domain}>`,
        inReplyTo: d.inReplyTo,
        variant: d.variant,
      };
      claims.push(message);
      prepared.set(e.id, {
        messageId: id,
        message,
        references: d.references,
        lead,
        sender,
        enrollment: { id: e.id, sequenceId: e.sequence_id, zone: e.zone, branch: e.branch, branchPath: path },
        steps: stepsBySeq.get(e.sequence_id) ?? [],
        cache: caches.get(e.sequence_id)!,
        track: { opens: e.track_opens, clicks: e.track_clicks },
        linkedin: d.linkedin,
      });
    }

    await q.insertFailedRenders(tx, failedRenders);
    const inserted = await q.insertClaims(tx, claims, now);
    const got = new Set(inserted.map((r) => r.enrollmentId));
    for (const c of claims)
      if (!got.has(c.enrollmentId))
        ends.push({
          e: due.find((d) => d.id === c.enrollmentId)!,
          state: "paused",
          reason: `step ${c.stepIndex} was already attempted; check it before resuming`,
        });
    await q.clearNextStep(tx, [...got], now);
    await q.markSendersUsed(tx, sendingSenders, now);
    await q.setBranchPaths(
      tx,
      taken.map(({ e, path }) => ({ id: e.id, path })),
      now,
    );
    await q.deferEnrollments(tx, defers, now);
    await q.endEnrollments(
      tx,
      ends.map(({ e, state, reason }) => ({ id: e.id, state, reason })),
      now,
    );
    for (const [wsId, group] of groupBy(ends, (x) => x.e.workspace_id))
      await recordLeadEvents(
        tx,
        schedulerActor(wsId),
        now,
        group.map(({ e, state, reason }) => ({
          leadId: e.lead_id,
          type: "sequence_stopped",
          data: { sequenceId: e.sequence_id, state, reason },
        })),
      );
    for (const [wsId, group] of groupBy(taken, (x) => x.e.workspace_id))
      await recordLeadEvents(
        tx,
        schedulerActor(wsId),
        now,
        group.map(({ e, path, reason }) => ({
          leadId: e.lead_id,
          type: "branch_taken",
          data: {
            sequenceId: e.sequence_id,
            question: e.branch!.on,
            withinDays: e.branch!.withinDays,
            path,
            reason,
          },
        })),
      );
    for (const [wsId, group] of groupBy(notes, (x) => x.e.workspace_id))
      await recordLeadEvents(
        tx,
        schedulerActor(wsId),
        now,
        group.map(({ e, type, data }) => ({ leadId: e.lead_id, type, data })),
      );
    return inserted.map((r) => prepared.get(r.enrollmentId)!);
  });
}
