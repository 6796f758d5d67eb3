import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { DeferSendError, PermanentSendError, type SendRefusal } from "../../../channels/channel";
import { automaticTransitionAllowed, leadStatuses } from "../../../domain/leadStatus";
import { nextDueOnPath } from "../../../domain/sequence/branchPlan";
import { queryRows, sqlArray } from "../../../db/client";
import { enrollments, messages, senderAccounts } from "../../../db/schema";
import type { AppContext } from "../../context";
import { linkedinChannelOf } from "../../integrations/linkedinSender";
import { recordLeadEvents } from "../../leads/leadEvents";
import type { ChannelPool } from "../senderAccounts";
import { stepsOf } from "../sequences";
import { linkBaseFor } from "../../senders/trackingDomain";
import { composeEmail } from "./composeEmail";
import { groupCommit } from "./groupCommit";
import { recordRefusal } from "./recordRefusal";
import type { Claimed } from "./claimDueSends";
import { groupBy, schedulerActor } from "./schedulerShared";

/**
 * Sends claimed messages and records each outcome; then schedules each lead's next step in its own
 * zone. The claim carries everything a send needs, so delivery reads nothing. Up to `inFlight`
 * messages move at once, each through: fence (committed before the channel is called), send, record
 * outcome. Fences and outcomes are group-committed: whatever is waiting goes in one statement, so the
 * database work per message shrinks as load grows, while a process killed at any moment leaves at
 * most about `inFlight` messages 'uncertain' (attempted, outcome unknown), and never sends one twice.
 */
export async function deliver(
  ctx: AppContext,
  pool: ChannelPool,
  claimed: Claimed[],
  o: { inFlight?: number } = {},
) {
  const fence = groupCommit((cs: Claimed[]) => fenceMessages(ctx, cs));
  const record = groupCommit(async (outs: Outcome[]) => {
    await recordOutcomes(ctx, outs);
    return outs.map(() => true);
  });
  const queue = [...claimed];
  const recorded: Promise<unknown>[] = [];
  // Senders paused since the claim (by another worker, a bounce read meanwhile) or during this batch
  // (their health guard tripped on a refusal): the rest of their claims are released, not sent.
  const stopped = await pausedSenders(ctx, claimed);
  await Promise.all(
    Array.from({ length: Math.min(o.inFlight ?? ctx.config.sendInFlight, queue.length) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        if (c.sender && stopped.has(c.sender.id)) {
          recorded.push(record(senderStopped(ctx, c)));
          continue;
        }
        if (!(await fence(c))) continue;
        const out = await sendOne(ctx, pool, c);
        const done = record(out);
        recorded.push(done);
        // A refusal is a bounce: once it is committed, it is acted on before this worker sends again.
        if (!out.ok && "refusal" in out && out.refusal) {
          await done;
          if (await recordRefusal(ctx, c, out.refusal)) stopped.add(c.sender!.id);
        }
      }
    }),
  );
  await Promise.all(recorded);
}

async function pausedSenders(ctx: AppContext, claimed: Claimed[]) {
  const ids = [...new Set(claimed.flatMap((c) => (c.sender ? [c.sender.id] : [])))];
  if (!ids.length) return new Set<string>();
  const rows = await ctx.db
    .select({ id: senderAccounts.id })
    .from(senderAccounts)
    .where(and(inArray(senderAccounts.id, ids), isNotNull(senderAccounts.pausedAt)));
  return new Set(rows.map((r) => r.id));
}

const senderStopped = (ctx: AppContext, c: Claimed): Outcome => ({
  c,
  ok: false,
  defer: { at: ctx.clock.now(), reason: "the sender was paused while this batch was sent" },
});

type Outcome =
  | { c: Claimed; ok: true; skipped?: string }
  | { c: Claimed; ok: false; error: string; certain: boolean; refusal?: SendRefusal | null }
  | { c: Claimed; ok: false; defer: { at: Date; reason: string } };

/**
 * Marks the attempts (committed) before any channel is called. A claim that a sweep released
 * meanwhile (the row is gone or no longer 'sending') is not returned, and so not sent.
 */
async function fenceMessages(ctx: AppContext, cs: Claimed[]) {
  const fenced = new Set(
    (
      await queryRows<{ id: string }>(
        ctx.db,
        sql`update messages set attempted_at = ${ctx.clock.now().toISOString()}::timestamptz
            where id = any(${sqlArray(cs.map((c) => c.messageId))}::uuid[]) and status = 'sending' returning id`,
      )
    ).map((r) => r.id),
  );
  return cs.map((c) => fenced.has(c.messageId));
}

async function sendOne(ctx: AppContext, pool: ChannelPool, c: Claimed): Promise<Outcome> {
  const { message: m, lead, sender } = c;
  // A LinkedIn step goes through the workspace's account when one is connected, else the sandbox.
  const channel =
    c.linkedin && m.channel !== "email"
      ? linkedinChannelOf(ctx, c.linkedin, lead.workspaceId)
      : pool.for(sender ?? ({ id: "sandbox", kind: "sandbox" } as typeof senderAccounts.$inferSelect));
  const content =
    m.channel === "email"
      ? composeEmail(ctx, m, {
          trackOpens: c.track.opens,
          trackClicks: c.track.clicks,
          linkBase: linkBaseFor(ctx, sender),
        })
      : { text: m.body, html: null, unsubscribeUrl: null };
  try {
    const result = await channel.send({
      channel: m.channel as "email",
      messageId: m.messageId,
      from: { name: sender?.fromName ?? "", email: sender?.fromEmail ?? "sandbox@overture.local" },
      to: {
        name: [lead.firstName, lead.lastName].filter(Boolean).join(" "),
        email: lead.email,
        linkedinUrl: lead.linkedinUrl,
        leadId: lead.id,
      },
      subject: m.subject,
      text: content.text,
      html: content.html,
      inReplyTo: m.inReplyTo ?? null,
      references: c.references,
      unsubscribeUrl: content.unsubscribeUrl,
    });
    return result.skipped ? { c, ok: true, skipped: result.response } : { c, ok: true };
  } catch (err) {
    // Known not sent and worth another try later (a paused LinkedIn account): the claim is released.
    if (err instanceof DeferSendError)
      return { c, ok: false, defer: { at: err.retryAt, reason: err.message } };
    // A refusal we are sure about is 'failed'; anything else (timeout, dropped connection) may have
    // been delivered, so it is 'uncertain' and waits for a human rather than a blind retry.
    if (err instanceof PermanentSendError)
      return {
        c,
        ok: false,
        error: err.message,
        certain: true,
        refusal: m.channel === "email" ? err.refusal : null,
      };
    return { c, ok: false, error: (err as Error).message, certain: false };
  }
}

/** Outcomes in one transaction, set-based: a few statements whatever the chunk size. */
async function recordOutcomes(ctx: AppContext, outcomes: Outcome[]) {
  if (!outcomes.length) return;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const done = outcomes.filter((o) => o.ok);
  const sent = done.map((o) => o.c);
  const skipped = new Set(done.filter((o) => o.skipped).map((o) => o.c.messageId));
  const delivered = sent.filter((c) => !skipped.has(c.messageId));
  await ctx.db.transaction(async (tx) => {
    for (const o of outcomes) {
      if (o.ok) continue;
      if ("defer" in o) {
        await tx.delete(messages).where(eq(messages.id, o.c.messageId));
        await tx
          .update(enrollments)
          .set({ nextStepAt: o.defer.at, stateReason: o.defer.reason, updatedAt: now })
          .where(and(eq(enrollments.id, o.c.enrollment.id), eq(enrollments.state, "active")));
        continue;
      }
      await tx
        .update(messages)
        .set({ status: o.certain ? "failed" : "uncertain", error: o.error })
        .where(eq(messages.id, o.c.messageId));
      await tx
        .update(enrollments)
        .set(
          o.certain
            ? { state: "failed", stateReason: o.error, updatedAt: now }
            : {
                state: "paused",
                stateReason: "the last send's outcome is unknown; check it before resuming",
                updatedAt: now,
              },
        )
        .where(eq(enrollments.id, o.c.enrollment.id));
    }
    if (!sent.length) return;
    // LinkedIn steps without a connected account went to the sandbox channel: not delivered to anyone.
    const sandboxed = sent
      .filter((c) => c.message.channel !== "email" && !c.linkedin)
      .map((c) => c.messageId);
    await tx.execute(
      sql`update messages set status = case when id = any(${sqlArray([...skipped])}::uuid[]) then 'skipped' else 'sent' end,
            sandbox = id = any(${sqlArray(sandboxed)}::uuid[]),
            sent_at = ${at}::timestamptz where id = any(${sqlArray(sent.map((c) => c.messageId))}::uuid[])`,
    );
    const plans = sent.map(({ message: m, enrollment: e, lead, steps, cache }) => {
      const next = nextDueOnPath(
        stepsOf(steps),
        e.branch,
        e.branchPath,
        m.stepIndex,
        { hasUsableEmail: !!lead.email, hasLinkedIn: !!lead.linkedinUrl },
        false,
        now.getTime(),
        e.zone,
        cache,
      );
      return {
        id: e.id,
        last: m.stepIndex,
        next: next.done ? null : next.step.index,
        at: next.done ? null : new Date(next.at).toISOString(),
        done: next.done,
      };
    });
    // Decided on each row as it is now: a reply or pause that landed while the message was in flight
    // keeps the enrollment stopped (SET expressions see the row before the update).
    await tx.execute(sql`update enrollments e set
        last_step_index = v.last,
        next_step_index = v.next,
        step_attempt = 1,
        next_step_at = case when e.state = 'active' then v.at else null end,
        state_reason = case when e.state = 'active' and v.done then 'all steps sent'
                            when e.state = 'active' then null else e.state_reason end,
        state = case when e.state = 'active' and v.done then 'completed' else e.state end,
        updated_at = ${at}::timestamptz
      from unnest(${sqlArray(plans.map((p) => p.id))}::uuid[], ${sqlArray(plans.map((p) => p.last))}::int[],
                  ${sqlArray(plans.map((p) => p.next))}::int[], ${sqlArray(plans.map((p) => p.at))}::timestamptz[],
                  ${sqlArray(plans.map((p) => p.done))}::bool[]) as v(id, last, next, at, done)
      where e.id = v.id`);
    for (const target of ["email_sent", "outreach_active"] as const) {
      const ids = delivered
        .filter((c) => (c.message.channel === "email") === (target === "email_sent"))
        .map((c) => c.lead.id);
      if (!ids.length) continue;
      const from = leadStatuses.filter((s) => automaticTransitionAllowed(s, target));
      await tx.execute(
        sql`update leads set status = ${target}, updated_at = ${at}::timestamptz
            where id = any(${sqlArray(ids)}::uuid[]) and status = any(${sqlArray(from)}::text[])`,
      );
    }
    for (const [wsId, group] of groupBy(sent, (c) => c.lead.workspaceId))
      await recordLeadEvents(
        tx,
        schedulerActor(wsId),
        now,
        group.map(({ message: m }) =>
          skipped.has(m.id)
            ? {
                leadId: m.leadId,
                type: "step_skipped",
                data: {
                  channel: m.channel,
                  step: m.stepIndex,
                  reason: done.find((o) => o.c.messageId === m.id)?.skipped,
                },
              }
            : {
                leadId: m.leadId,
                type: "message_sent",
                data: { channel: m.channel, step: m.stepIndex, subject: m.subject, messageId: m.messageId },
              },
        ),
      );
  });
}
