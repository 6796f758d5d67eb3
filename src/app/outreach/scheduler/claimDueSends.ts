import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { isBlocked } from "../../../domain/blocking/isBlocked";
import { leadMergeVars, renderTemplate } from "../../../domain/messages/renderTemplate";
import { effectiveDailyCap, nextSendSlot } from "../../../domain/schedule/senderPacing";
import { nextWindowStart, type WindowCache } from "../../../domain/schedule/sendingWindow";
import { nextStep } from "../../../domain/sequence/sequenceEngine";
import { type Db, queryRows, sqlArray } from "../../../db/client";
import {
  enrollments,
  leads,
  messages,
  senderAccounts,
  sequenceSteps,
  strategyProfiles,
} from "../../../db/schema";
import { loadBlocklist } from "../../blocklist/blocklist";
import type { AppContext } from "../../context";
import { recordLeadEvents } from "../../leads/leadEvents";
import { usageLeft } from "../../usage/usage";
import { workspaceWindow } from "../enrollments";
import { stepsOf } from "../sequences";
import type { LinkedInAccount } from "../../integrations/linkedinAccount";
import { linkedinGate } from "./linkedinGate";
import { groupBy, schedulerActor } from "./schedulerShared";

/** A claimed send with everything delivery needs, read once in the claiming transaction. */
export type Claimed = {
  messageId: string;
  message: Claim & {
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
  enrollment: { id: string; sequenceId: string; zone: string };
  steps: (typeof sequenceSteps.$inferSelect)[];
  cache: WindowCache;
  track: { opens: boolean; clicks: boolean };
  /** The workspace's LinkedIn account for a LinkedIn step, or null for the sandbox channel. */
  linkedin: LinkedInAccount | null;
};
type Claim = typeof messages.$inferInsert;
type EndState = "replied" | "unsubscribed" | "blocked" | "completed" | "paused";
type DueRow = {
  id: string;
  workspace_id: string;
  sequence_id: string;
  lead_id: string;
  last_step_index: number | null;
  zone: string;
  sender_account_id: string | null;
  strategy_profile_id: string | null;
  track_opens: boolean;
  track_clicks: boolean;
  message_source: "template" | "personalised";
};

/**
 * Claims due steps in one transaction per batch: locks due enrollments (SKIP LOCKED, so several
 * workers share the work), re-checks reply, unsubscribe, bounce and blocklist state *in that
 * transaction* (a reply that committed first always wins), applies sender caps and gaps, renders the
 * message (refusing empty merge fields), and records it as 'sending' under the unique
 * (enrollment, step) key. Sending happens after the commit, in `deliver`.
 *
 * Everything the checks need is read for the whole batch at once (a handful of queries, not a handful
 * per lead) and the claims are written in one insert: per-lead round trips were what held sending
 * back to a tenth of the SMTP server's pace.
 */
export async function claimDueSends(ctx: AppContext, limit = 50): Promise<Claimed[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const due = await queryRows<DueRow>(
      tx,
      sql`select e.id, e.workspace_id, e.sequence_id, e.lead_id, e.last_step_index, e.zone, s.sender_account_id, s.strategy_profile_id, s.track_opens, s.track_clicks, s.message_source
          from enrollments e join sequences s on s.id = e.sequence_id join runs r on r.id = s.run_id
          where e.state = 'active' and e.next_step_at <= ${now.toISOString()}::timestamptz
            and s.status = 'active' and r.status = 'active'
          order by e.next_step_at limit ${limit}
          for update of e skip locked`,
    );
    if (!due.length) return [];
    const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
    const wsIds = uniq(due.map((e) => e.workspace_id));
    const windows = new Map(
      await Promise.all(wsIds.map(async (id) => [id, await workspaceWindow(txCtx, id)] as const)),
    );
    const blocklists = new Map(
      await Promise.all(wsIds.map(async (id) => [id, await loadBlocklist(txCtx, id)] as const)),
    );
    const leadById = new Map(
      (
        await tx
          .select()
          .from(leads)
          .where(inArray(leads.id, uniq(due.map((e) => e.lead_id))))
      ).map((l) => [l.id, l]),
    );
    const stepsBySeq = groupBy(
      await tx
        .select()
        .from(sequenceSteps)
        .where(inArray(sequenceSteps.sequenceId, uniq(due.map((e) => e.sequence_id)))),
      (s) => s.sequenceId,
    );
    const emails = uniq([...leadById.values()].map((l) => l.email));
    const suppressed = new Set(
      emails.length
        ? (
            await queryRows<{ k: string }>(
              tx,
              sql`select workspace_id || ' ' || email as k from suppressions where email = any(${sqlArray(emails)}::text[])`,
            )
          ).map((r) => r.k)
        : [],
    );
    // Company domains where someone already replied, for workspaces that stop the whole company.
    const stopDomains = wsIds.filter((id) => windows.get(id)!.ws.stopCompanyOnReply);
    const domains = uniq([...leadById.values()].map((l) => l.companyDomain));
    const repliedDomains = new Set(
      stopDomains.length && domains.length
        ? (
            await queryRows<{ k: string }>(
              tx,
              sql`select distinct workspace_id || ' ' || company_domain as k from leads
                  where workspace_id = any(${sqlArray(stopDomains)}::uuid[]) and company_domain = any(${sqlArray(domains)}::text[])
                    and status in ('replied','converted')`,
            )
          ).map((r) => r.k)
        : [],
    );
    // Each sender is locked once for the batch; its 24 h count and last send are then kept in memory.
    const senderIds = uniq(due.map((e) => e.sender_account_id)).sort();
    const senders = new Map(
      senderIds.length
        ? (
            await tx.select().from(senderAccounts).where(inArray(senderAccounts.id, senderIds)).for("update")
          ).map((s) => [s.id, s])
        : [],
    );
    const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
    const sentToday = new Map(
      senderIds.length
        ? (
            await queryRows<{ id: string; n: number }>(
              tx,
              sql`select sender_account_id as id, count(*)::int as n from messages
                  where sender_account_id = any(${sqlArray(senderIds)}::uuid[]) and channel = 'email' and claimed_at >= ${dayAgo}::timestamptz
                  group by sender_account_id`,
            )
          ).map((r) => [r.id, r.n])
        : [],
    );
    const lastSent = new Map([...senders.values()].map((s) => [s.id, s.lastSentAt?.getTime() ?? null]));
    const profileIds = uniq(due.map((e) => e.strategy_profile_id));
    const profiles = new Map(
      profileIds.length
        ? (await tx.select().from(strategyProfiles).where(inArray(strategyProfiles.id, profileIds))).map(
            (p) => [p.id, p],
          )
        : [],
    );
    const threads = groupBy(
      await queryRows<{ enrollment_id: string; subject: string; message_id: string; step_index: number }>(
        tx,
        sql`select enrollment_id, subject, message_id, step_index from messages
            where enrollment_id = any(${sqlArray(due.map((e) => e.id))}::uuid[]) and channel = 'email' and status = 'sent'
            order by step_index desc`,
      ),
      (m) => m.enrollment_id,
    );

    // Workspaces with a monthly email limit: emails are claimed only while some is left; past it, the
    // email steps wait (the enrollment paused, saying why) for a higher limit or the next month.
    const emailsLeft = new Map<string, { left: number; message: string }>();
    for (const id of wsIds)
      if (windows.get(id)!.ws.usageLimits?.emailsSent !== undefined) {
        const u = await usageLeft(txCtx, id, "emailsSent");
        if (u.left !== null) emailsLeft.set(id, { left: u.left, message: u.message });
      }
    // Personalised sequences send only messages a human approved in the Messaging Lab.
    const personal = due.filter((e) => e.message_source === "personalised");
    const approved = new Map(
      personal.length
        ? (
            await queryRows<{ k: string; subject: string; body: string }>(
              tx,
              sql`select sequence_id || ' ' || lead_id || ' ' || step_index as k, subject, body from message_drafts
                  where status = 'approved' and sequence_id = any(${sqlArray(uniq(personal.map((e) => e.sequence_id)))}::uuid[])
                    and lead_id = any(${sqlArray(uniq(personal.map((e) => e.lead_id)))}::uuid[])`,
            )
          ).map((d) => [d.k, d])
        : [],
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
    const notes: { e: DueRow; type: string; data: Record<string, unknown> }[] = [];

    const ends: { e: DueRow; state: EndState; reason: string }[] = [];
    const defers: { id: string; at: Date; reason?: string }[] = [];
    const failedRenders: (typeof messages.$inferInsert)[] = [];
    const claims: Claim[] = [];
    const prepared = new Map<string, Claimed>();
    const sendingSenders = new Set<string>();
    for (const e of due) {
      const lead = leadById.get(e.lead_id);
      if (!lead) continue;
      const end = (state: EndState, reason: string) => ends.push({ e, state, reason });
      if (lead.status === "replied" || lead.status === "converted") {
        end("replied", "the lead replied");
        continue;
      }
      if (lead.status === "unsubscribed") {
        end("unsubscribed", "the lead unsubscribed");
        continue;
      }
      if (lead.companyDomain && repliedDomains.has(`${e.workspace_id} ${lead.companyDomain}`)) {
        end("replied", "a colleague at the same company replied");
        continue;
      }
      const block = isBlocked(lead, blocklists.get(e.workspace_id)!);
      if (block.blocked) {
        end("blocked", block.reason);
        continue;
      }
      const stepRows = stepsBySeq.get(e.sequence_id) ?? [];
      const isSuppressed = !!lead.email && suppressed.has(`${e.workspace_id} ${lead.email}`);
      const reach = {
        hasUsableEmail: !!lead.email && lead.status !== "bounced" && !isSuppressed,
        hasLinkedIn: !!lead.linkedinUrl,
      };
      // The lead may have changed since enrollment (email removed, bounced): re-resolve the step.
      const next = nextStep(stepsOf(stepRows), e.last_step_index, reach, false);
      if (next.done) {
        if (isSuppressed) end("unsubscribed", "the address is suppressed");
        else end("completed", "no further step can reach this lead");
        continue;
      }
      const step = stepRows.find((s) => s.idx === next.step.index)!;
      const quota = step.channel === "email" ? emailsLeft.get(e.workspace_id) : undefined;
      if (quota && quota.left <= 0) {
        end("paused", quota.message);
        continue;
      }
      if (quota) quota.left--;
      const draft =
        e.message_source === "personalised"
          ? approved.get(`${e.sequence_id} ${e.lead_id} ${step.idx}`)
          : null;
      if (draft === undefined) {
        end(
          "paused",
          `step ${step.idx} has no approved message for this lead; approve it in the Messaging Lab and resume`,
        );
        continue;
      }
      let linkedin: LinkedInAccount | null = null;
      let noteDropped = false;
      if (step.channel !== "email" && gate) {
        const wantsNote = (draft?.body ?? step.body).trim() !== "";
        const g = await gate(e.workspace_id, e.lead_id, step.channel as "linkedin_invite", wantsNote);
        if (g.kind === "end") {
          end("completed", g.reason);
          continue;
        }
        if (g.kind === "defer") {
          defers.push({ id: e.id, at: g.at, reason: g.reason });
          continue;
        }
        if (g.kind === "go") {
          linkedin = g.account;
          noteDropped = g.noteDropped;
        }
      }
      const sender =
        step.channel === "email" && e.sender_account_id ? senders.get(e.sender_account_id) : undefined;
      if (step.channel === "email") {
        if (!sender) {
          end("paused", "the sequence has no sender account");
          continue;
        }
        const cap = effectiveDailyCap(
          {
            dailyCap: sender.dailyCap,
            minGapSeconds: sender.minGapSeconds,
            jitterSeconds: sender.jitterSeconds,
            rampUp: sender.rampStartCap
              ? { startCap: sender.rampStartCap, perDay: sender.rampPerDay ?? 5 }
              : null,
          },
          (now.getTime() - sender.createdAt.getTime()) / 86_400_000,
        );
        const slot = nextSendSlot(
          {
            dueMs: now.getTime(),
            lastSentMs: lastSent.get(sender.id) ?? null,
            sentToday: sentToday.get(sender.id) ?? 0,
            cap,
            minGapSeconds: sender.minGapSeconds,
            jitterSeconds: sender.jitterSeconds,
          },
          Math.random,
        );
        if (slot === null) {
          // The cap is used up (rolling 24 h): try again when the lead's window next opens after an hour.
          defers.push({
            id: e.id,
            at: new Date(
              nextWindowStart(now.getTime() + 3_600_000, e.zone, windows.get(e.workspace_id)!.cache),
            ),
          });
          continue;
        }
        if (slot > now.getTime()) {
          // Not this sender's turn yet: take the next free slot, so waiting leads line up one gap apart
          // instead of all waking at once.
          defers.push({ id: e.id, at: new Date(slot) });
          lastSent.set(sender.id, slot);
          continue;
        }
        lastSent.set(sender.id, now.getTime());
        sentToday.set(sender.id, (sentToday.get(sender.id) ?? 0) + 1);
      }
      const profile = e.strategy_profile_id ? profiles.get(e.strategy_profile_id) : undefined;
      const vars = {
        ...leadMergeVars(lead),
        sender_name: profile?.senderName ?? sender?.fromName ?? "",
        sender_company: profile?.senderCompany ?? "",
      };
      const previous = threads.get(e.id) ?? [];
      const thread = step.channel === "email" && previous.length > 0;
      const subjectTemplate = thread
        ? `Re: ${previous[previous.length - 1]!.subject.replace(/^(re:\s*)+/i, "")}`
        : (draft?.subject ?? step.subject);
      const subject =
        step.channel === "email"
          ? renderTemplate(subjectTemplate || "{{first_name|Hello}}", vars)
          : { ok: true as const, text: "" };
      const body = noteDropped
        ? { ok: true as const, text: "" }
        : renderTemplate(draft?.body ?? step.body, vars);
      if (noteDropped)
        notes.push({
          e,
          type: "invitation_note_dropped",
          data: { step: step.idx, reason: "the free LinkedIn account's notes for this month are used" },
        });
      const id = randomUUID();
      const base = {
        id,
        workspaceId: e.workspace_id,
        enrollmentId: e.id,
        leadId: e.lead_id,
        senderAccountId: sender?.id ?? null,
        stepIndex: step.idx,
        channel: step.channel,
        toAddress: step.channel === "email" ? lead.email : lead.linkedinUrl,
        claimedAt: now,
      };
      if (step.channel === "linkedin_invite" && body.ok && body.text.length > 300) {
        const error = `the invitation note is ${body.text.length} characters; LinkedIn allows 300`;
        failedRenders.push({ ...base, status: "failed", error });
        end("paused", `step ${step.idx}: ${error}; shorten it and resume`);
        continue;
      }
      const failed = [subject, body].find((r) => !r.ok) as { ok: false; missing: string[] } | undefined;
      if (failed) {
        const missing = failed.missing.join(", ");
        failedRenders.push({ ...base, status: "failed", error: `empty merge field: ${missing}` });
        end(
          "paused",
          `step ${step.idx} has an empty merge field (${missing}); fix the lead or the template and resume`,
        );
        continue;
      }
      if (sender) sendingSenders.add(sender.id);
      const domain = (sender?.fromEmail ?? "sandbox.overture.local").split("@").pop();
      const message = {
        ...base,
        status: "sending" as const,
        subject: subject.ok ? subject.text : "",
        body: body.ok ? body.text : "",
        messageId: `<${id}@${domain}>`,
        inReplyTo: thread ? previous[0]!.message_id : null,
      };
      claims.push(message);
      prepared.set(e.id, {
        messageId: id,
        message,
        references: thread ? previous.map((p) => p.message_id).reverse() : [],
        lead,
        sender,
        enrollment: { id: e.id, sequenceId: e.sequence_id, zone: e.zone },
        steps: stepRows,
        cache: windows.get(e.workspace_id)!.cache,
        track: { opens: e.track_opens, clicks: e.track_clicks },
        linkedin,
      });
    }

    if (failedRenders.length) await tx.insert(messages).values(failedRenders).onConflictDoNothing();
    const inserted = claims.length ? await insertClaims(tx, claims, now) : [];
    const got = new Set(inserted.map((r) => r.enrollmentId));
    for (const c of claims)
      if (!got.has(c.enrollmentId)) {
        const e = due.find((d) => d.id === c.enrollmentId)!;
        ends.push({
          e,
          state: "paused",
          reason: `step ${c.stepIndex} was already attempted; check it before resuming`,
        });
      }
    if (inserted.length)
      await tx.execute(
        sql`update enrollments set next_step_at = null, updated_at = ${now.toISOString()}::timestamptz where id = any(${sqlArray([...got])}::uuid[])`,
      );
    for (const id of sendingSenders)
      await tx.update(senderAccounts).set({ lastSentAt: now }).where(eq(senderAccounts.id, id));
    // Ends and deferrals are the exception (a reply, a cap): one small update each is fine.
    for (const d of defers)
      await tx
        .update(enrollments)
        .set({
          nextStepAt: d.at,
          updatedAt: now,
          ...(d.reason !== undefined ? { stateReason: d.reason } : {}),
        })
        .where(eq(enrollments.id, d.id));
    for (const { e, state, reason } of ends)
      await tx
        .update(enrollments)
        .set({ state, stateReason: reason, nextStepAt: null, updatedAt: now })
        .where(eq(enrollments.id, e.id));
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

/** The batch's claims in one statement of array parameters; a step already attempted is skipped (unique key). */
async function insertClaims(tx: Pick<Db, "execute">, claims: Claim[], now: Date) {
  const col = <K extends keyof Claim>(k: K) =>
    sqlArray(claims.map((c) => (c[k] ?? null) as string | number | null));
  return queryRows<{ id: string; enrollmentId: string }>(
    tx,
    sql`insert into messages (id, workspace_id, enrollment_id, lead_id, sender_account_id, step_index, channel,
          to_address, subject, body, message_id, in_reply_to, status, claimed_at)
        select u.*, 'sending', ${now.toISOString()}::timestamptz from
          unnest(${col("id")}::uuid[], ${col("workspaceId")}::uuid[], ${col("enrollmentId")}::uuid[], ${col("leadId")}::uuid[],
                 ${col("senderAccountId")}::uuid[], ${col("stepIndex")}::int[], ${col("channel")}::text[],
                 ${col("toAddress")}::text[], ${col("subject")}::text[], ${col("body")}::text[], ${col("messageId")}::text[],
                 ${col("inReplyTo")}::text[])
          as u(id, workspace_id, enrollment_id, lead_id, sender_account_id, step_index, channel, to_address, subject, body, message_id, in_reply_to)
        on conflict do nothing
        returning id, enrollment_id as "enrollmentId"`,
  );
}
