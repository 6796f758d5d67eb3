import { sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { isLeadStatus, leadStatusLabels } from "../../domain/leadStatus";
import { pipelineView, type StatusCounts } from "../../domain/pipeline/funnel";
import { queryRows } from "../../db/client";
import type { Actor, AppContext } from "../context";

export type PipelineFilter = { runId?: string; listId?: string };

/** Fold a workspace's delta rows back into one per status once they pile up (exact under concurrency). */
export async function compactStatusCounts(ctx: AppContext, workspaceId: string) {
  await ctx.db
    .execute(sql`with d as (delete from lead_status_deltas where workspace_id = ${workspaceId}::uuid returning status, delta)
    insert into lead_status_deltas (workspace_id, status, delta)
    select ${workspaceId}::uuid, status, sum(delta)::int from d group by status having sum(delta) <> 0`);
}

/** Which leads a filter keeps, as SQL over `leads l`. */
function scope(actor: Actor, f: PipelineFilter) {
  return sql`l.workspace_id = ${actor.workspaceId}::uuid
    ${f.listId ? sql`and exists (select 1 from list_members m where m.lead_id = l.id and m.list_id = ${f.listId}::uuid)` : sql``}
    ${f.runId ? sql`and exists (select 1 from enrollments e join sequences s on s.id = e.sequence_id where e.lead_id = l.id and s.run_id = ${f.runId}::uuid)` : sql``}`;
}

/**
 * Leads per status. Unfiltered, it reads the trigger-kept deltas (a few rows, whatever the size of
 * the workspace); filtered by list or run, it counts the leads of that list or run.
 */
export async function statusCounts(
  ctx: AppContext,
  actor: Actor,
  f: PipelineFilter = {},
): Promise<StatusCounts> {
  if (f.listId || f.runId) {
    const rows = await queryRows<{ status: string; n: number }>(
      ctx.db,
      sql`select l.status, count(*)::int as n from leads l where ${scope(actor, f)} group by l.status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
  const rows = await queryRows<{ status: string; n: number; rows: number }>(
    ctx.db,
    sql`select status, sum(delta)::int as n, count(*)::int as rows from lead_status_deltas
        where workspace_id = ${actor.workspaceId}::uuid group by status`,
  );
  if (rows.reduce((n, r) => n + r.rows, 0) > 500) await compactStatusCounts(ctx, actor.workspaceId);
  return Object.fromEntries(rows.filter((r) => r.n).map((r) => [r.status, r.n]));
}

/** Sent emails by status (sequence steps and approved drafts), for the pipeline's optional email stats. */
async function emailStats(ctx: AppContext, actor: Actor, f: PipelineFilter) {
  const rows = await queryRows<{ status: string; n: number }>(
    ctx.db,
    sql`select status, count(*)::int as n from (
          select m.status from messages m join leads l on l.id = m.lead_id where m.channel = 'email' and ${scope(actor, f)}
          union all
          select o.status from outreach_emails o join leads l on l.id = o.lead_id where ${scope(actor, f)}
        ) x group by status`,
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const total = rows.reduce((n, r) => n + r.n, 0);
  const sent = byStatus.sent ?? 0;
  return { total, sent, sendRate: total ? Math.round((1000 * sent) / total) / 10 : 0, byStatus };
}

/**
 * The funnel stages that are facts, not statuses: a lead's status is only where it is now, so a
 * replied lead that was never audited counted as "Audited", and a LinkedIn-only reply as "Email sent".
 * Each stage is the leads that did it (an audit finished, an email sent, an email opened), plus
 * those whose status says so without a row here (PlusVibe's synced sends).
 */
async function funnelFacts(ctx: AppContext, actor: Actor, f: PipelineFilter) {
  const w = scope(actor, f);
  const [r] = await queryRows<{ audited: number; email_sent: number; opened: number }>(
    ctx.db,
    sql`select
      (select count(*) from (
        select l.id from leads l where ${w} and l.status = 'audit_complete'
        union select a.lead_id from audits a join leads l on l.id = a.lead_id where ${w} and a.status = 'complete'
      ) x)::int as audited,
      (select count(*) from (
        select l.id from leads l where ${w} and l.status in ('email_sent', 'opened')
        union select m.lead_id from messages m join leads l on l.id = m.lead_id where ${w} and m.channel = 'email' and m.status = 'sent'
        union select o.lead_id from outreach_emails o join leads l on l.id = o.lead_id where ${w} and o.status = 'sent'
      ) x)::int as email_sent,
      (select count(*) from (
        select l.id from leads l where ${w} and l.status = 'opened'
        union select m.lead_id from messages m join leads l on l.id = m.lead_id where ${w} and m.first_opened_at is not null
      ) x)::int as opened`,
  );
  return { audited: r?.audited ?? 0, email_sent: r?.email_sent ?? 0, opened: r?.opened ?? 0 };
}

export async function getPipeline(ctx: AppContext, actor: Actor, f: PipelineFilter = {}) {
  const [counts, email, facts] = await Promise.all([
    statusCounts(ctx, actor, f),
    emailStats(ctx, actor, f),
    funnelFacts(ctx, actor, f),
  ]);
  return { ...pipelineView(counts, facts), email };
}

/** A few leads of one stage, newest first, for the expandable stage card. */
export async function stageLeads(
  ctx: AppContext,
  actor: Actor,
  status: string,
  f: PipelineFilter & { limit?: number } = {},
) {
  if (!isLeadStatus(status))
    throw new AppError("validation", `unknown status "${status}"`, { field: "status" });
  const rows = await queryRows<{
    id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    company: string | null;
    status: string;
    updated_at: string;
  }>(
    ctx.db,
    sql`select l.id, l.first_name, l.last_name, l.email, l.company, l.status, l.updated_at from leads l
        where ${scope(actor, f)} and l.status = ${status}
        order by l.updated_at desc, l.id limit ${Math.min(Math.max(f.limit ?? 10, 1), 100)}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: [r.first_name, r.last_name].filter(Boolean).join(" ") || r.email || "(no name)",
    email: r.email,
    company: r.company,
    status: r.status,
    statusLabel: leadStatusLabels[r.status as keyof typeof leadStatusLabels] ?? r.status,
    updatedAt: r.updated_at,
  }));
}
