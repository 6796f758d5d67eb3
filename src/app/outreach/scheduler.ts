import { and, desc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { PermanentSendError } from "../../channels/channel";
import { isBlocked } from "../../domain/blocking/isBlocked";
import { automaticTransitionAllowed, isLeadStatus } from "../../domain/leadStatus";
import { leadMergeVars, renderTemplate } from "../../domain/messages/renderTemplate";
import { effectiveDailyCap, nextSendSlot } from "../../domain/schedule/senderPacing";
import { dueInstant, nextWindowStart } from "../../domain/schedule/sendingWindow";
import { nextStep } from "../../domain/sequence/sequenceEngine";
import { queryRows } from "../../db/client";
import {
  enrollments,
  leads,
  messages,
  senderAccounts,
  sequenceSteps,
  strategyProfiles,
} from "../../db/schema";
import { loadBlocklist } from "../blocklist/blocklist";
import type { AppContext } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { workspaceWindow } from "./enrollments";
import type { ChannelPool } from "./senderAccounts";
import { stepsOf } from "./sequences";
import { unsubscribeUrl } from "./unsubscribe";

type Claimed = { messageId: string };
const system = (workspaceId: string) => ({
  workspaceId,
  userId: null,
  role: "admin" as const,
  via: "system" as const,
  label: "scheduler",
});

/**
 * Claims due steps in one transaction per batch: locks due enrollments (SKIP LOCKED, so several
 * workers share the work), re-checks reply, unsubscribe, bounce and blocklist state *in that
 * transaction* (a reply that committed first always wins), applies sender caps and gaps, renders the
 * message (refusing empty merge fields), and records it as 'sending' under the unique
 * (enrollment, step) key. Sending happens after the commit, in `deliver`.
 */
export async function claimDueSends(ctx: AppContext, limit = 50): Promise<Claimed[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await queryRows<{
      id: string;
      workspace_id: string;
      sequence_id: string;
      lead_id: string;
      next_step_index: number;
      last_step_index: number | null;
      zone: string;
      sender_account_id: string | null;
      strategy_profile_id: string | null;
    }>(
      tx,
      sql`select e.id, e.workspace_id, e.sequence_id, e.lead_id, e.next_step_index, e.last_step_index, e.zone, s.sender_account_id, s.strategy_profile_id
          from enrollments e join sequences s on s.id = e.sequence_id join runs r on r.id = s.run_id
          where e.state = 'active' and e.next_step_at <= ${now.toISOString()}::timestamptz
            and s.status = 'active' and r.status = 'active'
          order by e.next_step_at limit ${limit}
          for update of e skip locked`,
    );
    const claimed: Claimed[] = [];
    const caches = new Map<string, Awaited<ReturnType<typeof workspaceWindow>>>();
    const blocklists = new Map<string, Awaited<ReturnType<typeof loadBlocklist>>>();
    for (const e of due) {
      let w = caches.get(e.workspace_id);
      if (!w) caches.set(e.workspace_id, (w = await workspaceWindow({ ...ctx, db: tx }, e.workspace_id)));
      let bl = blocklists.get(e.workspace_id);
      if (!bl) blocklists.set(e.workspace_id, (bl = await loadBlocklist({ ...ctx, db: tx }, e.workspace_id)));
      const end = async (
        state: "replied" | "unsubscribed" | "bounced" | "blocked" | "completed" | "paused" | "failed",
        reason: string,
      ) => {
        await tx
          .update(enrollments)
          .set({ state, stateReason: reason, nextStepAt: null, updatedAt: now })
          .where(eq(enrollments.id, e.id));
        await recordLeadEvents(tx, system(e.workspace_id), now, [
          { leadId: e.lead_id, type: "sequence_stopped", data: { sequenceId: e.sequence_id, state, reason } },
        ]);
      };
      const [lead] = await tx.select().from(leads).where(eq(leads.id, e.lead_id));
      if (!lead) continue;
      if (lead.status === "replied" || lead.status === "converted") {
        await end("replied", "the lead replied");
        continue;
      }
      if (lead.status === "unsubscribed") {
        await end("unsubscribed", "the lead unsubscribed");
        continue;
      }
      if (w.ws.stopCompanyOnReply && lead.companyDomain) {
        const [colleague] = await queryRows<{ id: string }>(
          tx,
          sql`select id from leads where workspace_id = ${e.workspace_id}::uuid and company_domain = ${lead.companyDomain} and status in ('replied','converted') and id <> ${lead.id}::uuid limit 1`,
        );
        if (colleague) {
          await end("replied", "a colleague at the same company replied");
          continue;
        }
      }
      const block = isBlocked(lead, bl);
      if (block.blocked) {
        await end("blocked", block.reason);
        continue;
      }
      const stepRows = await tx
        .select()
        .from(sequenceSteps)
        .where(eq(sequenceSteps.sequenceId, e.sequence_id));
      const suppressed = lead.email
        ? (
            await queryRows(
              tx,
              sql`select 1 from suppressions where workspace_id = ${e.workspace_id}::uuid and email = ${lead.email}`,
            )
          ).length > 0
        : false;
      const reach = {
        hasUsableEmail: !!lead.email && lead.status !== "bounced" && !suppressed,
        hasLinkedIn: !!lead.linkedinUrl,
      };
      // The lead may have changed since enrollment (email removed, bounced): re-resolve the step.
      const next = nextStep(stepsOf(stepRows), e.last_step_index, reach, false);
      if (next.done) {
        await end(
          suppressed ? "unsubscribed" : "completed",
          suppressed ? "the address is suppressed" : "no further step can reach this lead",
        );
        continue;
      }
      const step = stepRows.find((s) => s.idx === next.step.index)!;
      let senderRow: typeof senderAccounts.$inferSelect | undefined;
      if (step.channel === "email") {
        if (!e.sender_account_id) {
          await end("paused", "the sequence has no sender account");
          continue;
        }
        [senderRow] = await tx
          .select()
          .from(senderAccounts)
          .where(eq(senderAccounts.id, e.sender_account_id))
          .for("update");
        const [{ n }] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from messages where sender_account_id = ${senderRow!.id}::uuid and channel = 'email' and claimed_at >= ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`,
        );
        const cap = effectiveDailyCap(
          {
            dailyCap: senderRow!.dailyCap,
            minGapSeconds: senderRow!.minGapSeconds,
            jitterSeconds: senderRow!.jitterSeconds,
            rampUp: senderRow!.rampStartCap
              ? { startCap: senderRow!.rampStartCap, perDay: senderRow!.rampPerDay ?? 5 }
              : null,
          },
          (now.getTime() - senderRow!.createdAt.getTime()) / 86_400_000,
        );
        const slot = nextSendSlot(
          {
            dueMs: now.getTime(),
            lastSentMs: senderRow!.lastSentAt?.getTime() ?? null,
            sentToday: n,
            cap,
            minGapSeconds: senderRow!.minGapSeconds,
            jitterSeconds: senderRow!.jitterSeconds,
          },
          Math.random,
        );
        if (slot === null || slot > now.getTime()) {
          // Not this sender's turn yet (gap) or its cap is used up (rolling 24 h): wait, never burst.
          const later = slot ?? nextWindowStart(now.getTime() + 3_600_000, e.zone, w.cache);
          await tx
            .update(enrollments)
            .set({ nextStepAt: new Date(later), updatedAt: now })
            .where(eq(enrollments.id, e.id));
          continue;
        }
      }
      const [profile] = e.strategy_profile_id
        ? await tx.select().from(strategyProfiles).where(eq(strategyProfiles.id, e.strategy_profile_id))
        : [];
      const vars = {
        ...leadMergeVars(lead),
        sender_name: profile?.senderName ?? senderRow?.fromName ?? "",
        sender_company: profile?.senderCompany ?? "",
      };
      const previous = await tx
        .select()
        .from(messages)
        .where(
          and(eq(messages.enrollmentId, e.id), eq(messages.channel, "email"), eq(messages.status, "sent")),
        )
        .orderBy(desc(messages.stepIndex));
      const thread = step.channel === "email" && previous.length > 0;
      const subjectTemplate = thread
        ? `Re: ${previous[previous.length - 1]!.subject.replace(/^(re:\s*)+/i, "")}`
        : step.subject;
      const subject =
        step.channel === "email"
          ? renderTemplate(subjectTemplate || "{{first_name|Hello}}", vars)
          : { ok: true as const, text: "" };
      const body = renderTemplate(step.body, vars);
      const failedRender = [subject, body].find((r) => !r.ok) as { ok: false; missing: string[] } | undefined;
      const base = {
        workspaceId: e.workspace_id,
        enrollmentId: e.id,
        leadId: e.lead_id,
        senderAccountId: senderRow?.id ?? null,
        stepIndex: step.idx,
        channel: step.channel,
        toAddress: step.channel === "email" ? lead.email : lead.linkedinUrl,
        claimedAt: now,
      };
      if (failedRender) {
        await tx
          .insert(messages)
          .values({
            ...base,
            status: "failed",
            error: `empty merge field: ${failedRender.missing.join(", ")}`,
          })
          .onConflictDoNothing();
        await end(
          "paused",
          `step ${step.idx} has an empty merge field (${failedRender.missing.join(", ")}); fix the lead or the template and resume`,
        );
        continue;
      }
      const inserted = await tx
        .insert(messages)
        .values({
          ...base,
          status: "sending",
          subject: subject.ok ? subject.text : "",
          body: body.ok ? body.text : "",
          inReplyTo: thread ? previous[0]!.messageId : null,
        })
        .onConflictDoNothing()
        .returning({ id: messages.id });
      if (!inserted.length) {
        await end("paused", `step ${step.idx} was already attempted; check it before resuming`);
        continue;
      }
      const domain = (senderRow?.fromEmail ?? "sandbox.overture.local").split("@").pop();
      await tx
        .update(messages)
        .set({ messageId: `<${inserted[0]!.id}@${domain}>` })
        .where(eq(messages.id, inserted[0]!.id));
      await tx.update(enrollments).set({ nextStepAt: null, updatedAt: now }).where(eq(enrollments.id, e.id));
      if (senderRow)
        await tx.update(senderAccounts).set({ lastSentAt: now }).where(eq(senderAccounts.id, senderRow.id));
      claimed.push({ messageId: inserted[0]!.id });
    }
    return claimed;
  });
}

/** Sends claimed messages and records the outcome; then schedules each lead's next step in its own zone. */
export async function deliver(ctx: AppContext, pool: ChannelPool, claimed: Claimed[], concurrency = 4) {
  // A few sends in flight at once, like the SMTP connection pool they go through; order does not matter.
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await deliverOne(ctx, pool, c);
    }),
  );
}

async function deliverOne(ctx: AppContext, pool: ChannelPool, c: Claimed) {
  {
    const [m] = await ctx.db.select().from(messages).where(eq(messages.id, c.messageId));
    if (!m || m.status !== "sending") return;
    const [lead] = await ctx.db.select().from(leads).where(eq(leads.id, m.leadId));
    const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.id, m.enrollmentId));
    const [sender] = m.senderAccountId
      ? await ctx.db.select().from(senderAccounts).where(eq(senderAccounts.id, m.senderAccountId))
      : [];
    const refs = m.inReplyTo
      ? (
          await ctx.db
            .select({ id: messages.messageId })
            .from(messages)
            .where(
              and(
                eq(messages.enrollmentId, m.enrollmentId),
                eq(messages.status, "sent"),
                eq(messages.channel, "email"),
              ),
            )
        )
          .map((r) => r.id!)
          .filter(Boolean)
      : [];
    // Fence: mark the attempt (committed) before the channel is called. If a sweep released this
    // claim meanwhile (the row is gone or no longer 'sending'), nothing is sent.
    const fenced = await ctx.db
      .update(messages)
      .set({ attemptedAt: ctx.clock.now() })
      .where(and(eq(messages.id, m.id), eq(messages.status, "sending")))
      .returning({ id: messages.id });
    if (!fenced.length) return;
    const channel = pool.for(
      sender ?? ({ id: "sandbox", kind: "sandbox" } as typeof senderAccounts.$inferSelect),
    );
    let outcome: { ok: true } | { ok: false; error: string };
    try {
      await channel.send({
        channel: m.channel as "email",
        messageId: m.messageId!,
        from: { name: sender?.fromName ?? "", email: sender?.fromEmail ?? "sandbox@overture.local" },
        to: {
          name: [lead!.firstName, lead!.lastName].filter(Boolean).join(" "),
          email: lead!.email,
          linkedinUrl: lead!.linkedinUrl,
        },
        subject: m.subject,
        text:
          m.channel === "email"
            ? `${m.body}\n\n--\nNot interested? Unsubscribe: ${unsubscribeUrl(ctx, m.workspaceId, m.leadId)}`
            : m.body,
        inReplyTo: m.inReplyTo,
        references: refs,
        unsubscribeUrl: m.channel === "email" ? unsubscribeUrl(ctx, m.workspaceId, m.leadId) : null,
      });
      outcome = { ok: true };
    } catch (err) {
      // A refusal we are sure about is 'failed'; anything else (timeout, dropped connection) may have
      // been delivered, so it is 'uncertain' and waits for a human rather than a blind retry.
      if (err instanceof PermanentSendError) outcome = { ok: false, error: err.message };
      else {
        await ctx.db
          .update(messages)
          .set({ status: "uncertain", error: (err as Error).message })
          .where(eq(messages.id, m.id));
        await ctx.db
          .update(enrollments)
          .set({
            state: "paused",
            stateReason: "the last send's outcome is unknown; check it before resuming",
            updatedAt: ctx.clock.now(),
          })
          .where(eq(enrollments.id, m.enrollmentId));
        return;
      }
    }
    await recordOutcome(ctx, m, e!, lead!, outcome);
  }
}

async function recordOutcome(
  ctx: AppContext,
  m: typeof messages.$inferSelect,
  e: typeof enrollments.$inferSelect,
  lead: typeof leads.$inferSelect,
  outcome: { ok: true } | { ok: false; error: string },
) {
  const now = ctx.clock.now();
  const { cache } = await workspaceWindow(ctx, m.workspaceId);
  await ctx.db.transaction(async (tx) => {
    if (!outcome.ok) {
      await tx.update(messages).set({ status: "failed", error: outcome.error }).where(eq(messages.id, m.id));
      await tx
        .update(enrollments)
        .set({ state: "failed", stateReason: outcome.error, updatedAt: now })
        .where(eq(enrollments.id, e.id));
      return;
    }
    await tx.update(messages).set({ status: "sent", sentAt: now }).where(eq(messages.id, m.id));
    const stepRows = await tx.select().from(sequenceSteps).where(eq(sequenceSteps.sequenceId, e.sequenceId));
    const [fresh] = await tx.select().from(enrollments).where(eq(enrollments.id, e.id)).for("update");
    const next = nextStep(
      stepsOf(stepRows),
      m.stepIndex,
      { hasUsableEmail: !!lead.email, hasLinkedIn: !!lead.linkedinUrl },
      false,
    );
    const still = fresh!.state === "active";
    await tx
      .update(enrollments)
      .set({
        lastStepIndex: m.stepIndex,
        nextStepIndex: next.done ? null : next.step.index,
        nextStepAt:
          next.done || !still ? null : new Date(dueInstant(now.getTime(), next.delayDays, e.zone, cache)),
        ...(still && next.done ? { state: "completed" as const, stateReason: "all steps sent" } : {}),
        updatedAt: now,
      })
      .where(eq(enrollments.id, e.id));
    const target = m.channel === "email" ? "email_sent" : "outreach_active";
    const [cur] = await tx.select({ status: leads.status }).from(leads).where(eq(leads.id, lead.id));
    if (cur && isLeadStatus(cur.status) && automaticTransitionAllowed(cur.status, target))
      await tx.update(leads).set({ status: target, updatedAt: now }).where(eq(leads.id, lead.id));
    await recordLeadEvents(tx, system(m.workspaceId), now, [
      {
        leadId: lead.id,
        type: "message_sent",
        data: { channel: m.channel, step: m.stepIndex, subject: m.subject, messageId: m.messageId },
      },
    ]);
  });
}

/**
 * Sends left 'sending' by a process that died. One that was never attempted is known not to have
 * left: it is released and the step is due again. One that was attempted may or may not have been
 * delivered: 'uncertain', and the lead is paused for a human.
 */
export async function markStaleSendsUncertain(ctx: AppContext) {
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - ctx.config.sendLeaseSeconds * 1000);
  const released = await ctx.db
    .delete(messages)
    .where(and(eq(messages.status, "sending"), isNull(messages.attemptedAt), lte(messages.claimedAt, cutoff)))
    .returning({ enrollmentId: messages.enrollmentId });
  for (const r of released)
    await ctx.db
      .update(enrollments)
      .set({ nextStepAt: now, updatedAt: now })
      .where(and(eq(enrollments.id, r.enrollmentId), eq(enrollments.state, "active")));
  const stale = await ctx.db
    .update(messages)
    .set({ status: "uncertain", error: "the sending process stopped before the outcome was known" })
    .where(
      and(eq(messages.status, "sending"), isNotNull(messages.attemptedAt), lte(messages.attemptedAt, cutoff)),
    )
    .returning({ enrollmentId: messages.enrollmentId });
  for (const s of stale)
    await ctx.db
      .update(enrollments)
      .set({
        state: "paused",
        stateReason: "a send's outcome is unknown; check it before resuming",
        updatedAt: now,
      })
      .where(eq(enrollments.id, s.enrollmentId));
  return stale.length;
}

/** Out-of-office pauses end by themselves. */
export async function resumeExpiredPauses(ctx: AppContext) {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .update(enrollments)
    .set({ state: "active", stateReason: null, pausedUntil: null, nextStepAt: now, updatedAt: now })
    .where(
      and(
        eq(enrollments.state, "paused"),
        isNotNull(enrollments.pausedUntil),
        lte(enrollments.pausedUntil, now),
      ),
    )
    .returning({ id: enrollments.id });
  return rows.length;
}

/** One scheduler pass: recover, claim, send — until nothing is due. */
export async function runSchedulerOnce(ctx: AppContext, pool: ChannelPool, batch = 50) {
  await markStaleSendsUncertain(ctx);
  await resumeExpiredPauses(ctx);
  let total = 0;
  for (;;) {
    const claimed = await claimDueSends(ctx, batch);
    if (!claimed.length) return total;
    await deliver(ctx, pool, claimed);
    total += claimed.length;
  }
}
