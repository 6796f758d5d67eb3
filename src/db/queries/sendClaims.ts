import type { Branch, StepPath } from "../../domain/sequence/branchDecision";
import type { LimitCounts } from "../../domain/deliverability/sendLimits";
import { eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../client";
import { enrollments, leads, messages, senderAccounts, sequenceSteps, strategyProfiles } from "../schema";

/** The reads and writes of one claiming transaction, each for the whole batch at once. */
type Tx = Pick<Db, "execute" | "select" | "update" | "insert">;

export type DueRow = {
  id: string;
  workspace_id: string;
  sequence_id: string;
  lead_id: string;
  last_step_index: number | null;
  step_attempt: number;
  zone: string;
  sender_account_id: string | null;
  strategy_profile_id: string | null;
  track_opens: boolean;
  track_clicks: boolean;
  message_source: "template" | "personalised";
  send_days: number[] | null;
  window_start: string | null;
  window_end: string | null;
  skip_holidays: boolean;
  branch: Branch | null;
  branch_path: StepPath | null;
  enrolled_at: Date | string;
};
export type Claim = typeof messages.$inferInsert;

/**
 * Locks due enrollments of live sequences (SKIP LOCKED, so workers share the work). A lead's sender
 * is its own (given when it entered the sequence's rotation), else the sequence's first. Those whose
 * sender is paused are not taken: they stay due, and do not fill every batch while they wait.
 */
export const lockDueEnrollments = (tx: Tx, now: Date, limit: number) =>
  queryRows<DueRow>(
    tx,
    sql`select e.id, e.workspace_id, e.sequence_id, e.lead_id, e.last_step_index, e.step_attempt, e.zone,
          coalesce(e.sender_account_id, s.sender_account_id) as sender_account_id, s.strategy_profile_id, s.track_opens, s.track_clicks, s.message_source,
          s.send_days, s.window_start, s.window_end, s.skip_holidays, s.branch, e.branch_path, e.created_at as enrolled_at
        from enrollments e join sequences s on s.id = e.sequence_id join runs r on r.id = s.run_id
        where e.state = 'active' and e.next_step_at <= ${now.toISOString()}::timestamptz
          and s.status = 'active' and r.status = 'active'
          and not exists (select 1 from sender_accounts sa
                          where sa.id = coalesce(e.sender_account_id, s.sender_account_id) and sa.paused_at is not null)
        order by e.next_step_at limit ${limit}
        for update of e skip locked`,
  );

export const leadsByIds = (tx: Tx, ids: string[]) => tx.select().from(leads).where(inArray(leads.id, ids));

export const stepsOfSequences = (tx: Tx, ids: string[]) =>
  tx.select().from(sequenceSteps).where(inArray(sequenceSteps.sequenceId, ids));

/** "workspace email" keys of suppressed addresses among `emails`. */
export async function suppressedKeys(tx: Tx, emails: string[]) {
  if (!emails.length) return new Set<string>();
  const rows = await queryRows<{ k: string }>(
    tx,
    sql`select workspace_id || ' ' || email as k from suppressions where email = any(${sqlArray(emails)}::text[])`,
  );
  return new Set(rows.map((r) => r.k));
}

/** "workspace domain" keys of company domains where someone already replied. */
export async function repliedDomainKeys(tx: Tx, workspaceIds: string[], domains: string[]) {
  if (!workspaceIds.length || !domains.length) return new Set<string>();
  const rows = await queryRows<{ k: string }>(
    tx,
    sql`select distinct workspace_id || ' ' || company_domain as k from leads
        where workspace_id = any(${sqlArray(workspaceIds)}::uuid[]) and company_domain = any(${sqlArray(domains)}::text[])
          and status in ('replied','converted')`,
  );
  return new Set(rows.map((r) => r.k));
}

/** The senders, locked for the transaction (in id order) so two workers cannot take the same slot. */
export const lockSenders = async (tx: Tx, ids: string[]) =>
  ids.length ? tx.select().from(senderAccounts).where(inArray(senderAccounts.id, ids)).for("update") : [];

/**
 * Emails each workspace claimed since `since`, and per recipient domain (only the `domains` asked
 * about): the counts behind the per-domain and workspace limits.
 */
export async function emailsByWorkspaceAndDomainSince(
  tx: Tx,
  workspaceIds: string[],
  domains: string[],
  since: Date,
): Promise<LimitCounts> {
  const counts: LimitCounts = { toDomain: new Map(), byWorkspace: new Map() };
  if (!workspaceIds.length) return counts;
  const rows = await queryRows<{ ws: string; domain: string | null; n: number }>(
    tx,
    sql`select workspace_id as ws, case when d = any(${sqlArray(domains)}::text[]) then d end as domain, count(*)::int as n
        from (select workspace_id, lower(split_part(to_address, '@', 2)) as d from messages
              where workspace_id = any(${sqlArray(workspaceIds)}::uuid[]) and channel = 'email'
                and claimed_at >= ${since.toISOString()}::timestamptz) m
        group by 1, 2`,
  );
  for (const r of rows) {
    counts.byWorkspace.set(r.ws, (counts.byWorkspace.get(r.ws) ?? 0) + r.n);
    if (r.domain) counts.toDomain.set(`${r.ws} ${r.domain}`, r.n);
  }
  return counts;
}

/** Emails each sender claimed since `since` (its rolling 24 h count). */
export async function emailsClaimedSince(tx: Tx, senderIds: string[], since: Date) {
  if (!senderIds.length) return new Map<string, number>();
  const rows = await queryRows<{ id: string; n: number }>(
    tx,
    sql`select sender_account_id as id, count(*)::int as n from messages
        where sender_account_id = any(${sqlArray(senderIds)}::uuid[]) and channel = 'email' and claimed_at >= ${since.toISOString()}::timestamptz
        group by sender_account_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export const profilesByIds = async (tx: Tx, ids: string[]) =>
  ids.length ? tx.select().from(strategyProfiles).where(inArray(strategyProfiles.id, ids)) : [];

/**
 * Email steps already sent in these enrollments, the latest step first (threading). A message that
 * bounced never arrived, so it is no thread to answer: the retry of a bounced first email is a
 * first email again, with its own subject.
 */
export const sentThreads = (tx: Tx, enrollmentIds: string[]) =>
  queryRows<{ enrollment_id: string; subject: string; message_id: string; step_index: number }>(
    tx,
    sql`select enrollment_id, subject, message_id, step_index from messages
        where enrollment_id = any(${sqlArray(enrollmentIds)}::uuid[]) and channel = 'email' and status = 'sent'
          and bounced_at is null
        order by step_index desc`,
  );

/** Approved Messaging Lab messages, keyed "sequence lead step". */
export async function approvedDrafts(tx: Tx, sequenceIds: string[], leadIds: string[]) {
  if (!sequenceIds.length) return new Map<string, { subject: string; body: string }>();
  const rows = await queryRows<{ k: string; subject: string; body: string }>(
    tx,
    sql`select sequence_id || ' ' || lead_id || ' ' || step_index as k, subject, body from message_drafts
        where status = 'approved' and sequence_id = any(${sqlArray(sequenceIds)}::uuid[])
          and lead_id = any(${sqlArray(leadIds)}::uuid[])`,
  );
  return new Map(rows.map((d) => [d.k, d]));
}

/**
 * The batch's claims in one statement of array parameters; an attempt already made is skipped
 * (unique enrollment, step and attempt).
 */
export async function insertClaims(tx: Tx, claims: Claim[], now: Date) {
  if (!claims.length) return [];
  const col = <K extends keyof Claim>(k: K) =>
    sqlArray(claims.map((c) => (c[k] ?? null) as string | number | null));
  return queryRows<{ id: string; enrollmentId: string }>(
    tx,
    sql`insert into messages (id, workspace_id, enrollment_id, lead_id, sender_account_id, step_index, attempt, channel,
          to_address, subject, body, message_id, in_reply_to, variant, status, claimed_at)
        select u.*, 'sending', ${now.toISOString()}::timestamptz from
          unnest(${col("id")}::uuid[], ${col("workspaceId")}::uuid[], ${col("enrollmentId")}::uuid[], ${col("leadId")}::uuid[],
                 ${col("senderAccountId")}::uuid[], ${col("stepIndex")}::int[], ${col("attempt")}::smallint[], ${col("channel")}::text[],
                 ${col("toAddress")}::text[], ${col("subject")}::text[], ${col("body")}::text[], ${col("messageId")}::text[],
                 ${col("inReplyTo")}::text[], ${col("variant")}::text[])
          as u(id, workspace_id, enrollment_id, lead_id, sender_account_id, step_index, attempt, channel, to_address, subject, body, message_id, in_reply_to, variant)
        on conflict do nothing
        returning id, enrollment_id as "enrollmentId"`,
  );
}

/** Rows kept for steps that could not be rendered (the enrollment is paused with the reason). */
export async function insertFailedRenders(tx: Tx, rows: Claim[]) {
  if (rows.length) await tx.insert(messages).values(rows).onConflictDoNothing();
}

export async function clearNextStep(tx: Tx, ids: string[], now: Date) {
  if (!ids.length) return;
  await tx.execute(
    sql`update enrollments set next_step_at = null, updated_at = ${now.toISOString()}::timestamptz where id = any(${sqlArray(ids)}::uuid[])`,
  );
}

export async function markSendersUsed(tx: Tx, ids: Iterable<string>, now: Date) {
  for (const id of ids)
    await tx.update(senderAccounts).set({ lastSentAt: now }).where(eq(senderAccounts.id, id));
}

/** Deferrals and ends are the exception (a reply, a cap): one small update each is fine. */
export async function deferEnrollments(
  tx: Tx,
  defers: { id: string; at: Date; reason?: string }[],
  now: Date,
) {
  for (const d of defers)
    await tx
      .update(enrollments)
      .set({ nextStepAt: d.at, updatedAt: now, ...(d.reason !== undefined ? { stateReason: d.reason } : {}) })
      .where(eq(enrollments.id, d.id));
}

export async function endEnrollments(
  tx: Tx,
  ends: {
    id: string;
    state: "replied" | "unsubscribed" | "blocked" | "completed" | "paused";
    reason: string;
  }[],
  now: Date,
) {
  for (const { id, state, reason } of ends)
    await tx
      .update(enrollments)
      .set({ state, stateReason: reason, nextStepAt: null, updatedAt: now })
      .where(eq(enrollments.id, id));
}

/** The messages of enrollments whose branch question is due: what was sent when, and opened or clicked when. */
export const branchMessages = (tx: Tx, enrollmentIds: string[]) =>
  enrollmentIds.length
    ? queryRows<{
        enrollment_id: string;
        status: string;
        sent_at: Date | string | null;
        first_opened_at: Date | string | null;
        first_clicked_at: Date | string | null;
      }>(
        tx,
        sql`select enrollment_id, status, sent_at, first_opened_at, first_clicked_at from messages
            where enrollment_id = any(${sqlArray(enrollmentIds)}::uuid[])`,
      )
    : Promise.resolve([]);

/** When each lead's LinkedIn invitation was first accepted (its timeline event), by lead. */
export async function invitesAccepted(tx: Tx, leadIds: string[]) {
  if (!leadIds.length) return new Map<string, Date | string>();
  const rows = await queryRows<{ lead_id: string; at: Date | string }>(
    tx,
    sql`select lead_id, min(created_at) as at from lead_events
        where lead_id = any(${sqlArray(leadIds)}::uuid[]) and type = 'invitation_accepted' group by lead_id`,
  );
  return new Map(rows.map((r) => [r.lead_id, r.at]));
}

/** The paths the branch question decided, one small update each (once per lead). */
export async function setBranchPaths(tx: Tx, paths: { id: string; path: StepPath }[], now: Date) {
  for (const p of paths)
    await tx.update(enrollments).set({ branchPath: p.path, updatedAt: now }).where(eq(enrollments.id, p.id));
}
