import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { AppError } from "../../domain/appError";
import { can } from "../../domain/roles";
import { queryRows } from "../../db/client";
import { type UsageLimits, usageEvents, workspaces } from "../../db/schema";
import type { Actor, AppContext } from "../context";

export type MeteredKind = "llm" | "enrichment" | "verification";
type Totals = {
  llmCostUsd: number;
  llmTokens: number;
  enrichments: number;
  verifications: number;
  emailsSent: number;
  linkedinSent: number;
};

/** The first instant of the current calendar month in the workspace's zone, and of the next one. */
function monthBounds(now: Date, zone: string) {
  const start = DateTime.fromJSDate(now, { zone }).startOf("month");
  const next = start.plus({ months: 1 });
  // The month's name is read in the zone: east of UTC its first instant is still last month in UTC.
  return {
    start: start.toJSDate(),
    next: next.toJSDate(),
    month: start.toFormat("yyyy-MM"),
    resetsOn: next.toISODate()!,
  };
}

export async function recordUsage(
  ctx: AppContext,
  workspaceId: string,
  e: {
    kind: MeteredKind;
    quantity?: number;
    tokens?: number;
    costUsd?: number | null;
    runId?: string | null;
  },
) {
  await ctx.db.insert(usageEvents).values({
    workspaceId,
    runId: e.runId ?? null,
    kind: e.kind,
    quantity: e.quantity ?? 1,
    tokens: e.tokens ?? 0,
    costUsd: e.costUsd ?? 0,
    at: ctx.clock.now(),
  });
}

async function totalsBetween(ctx: AppContext, workspaceId: string, from: Date, to: Date): Promise<Totals> {
  const [r] = await queryRows<Totals>(
    ctx.db,
    sql`select
          coalesce((select sum(cost_usd) from usage_events where workspace_id = ${workspaceId}::uuid and kind = 'llm' and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz), 0)::float8 as "llmCostUsd",
          coalesce((select sum(tokens) from usage_events where workspace_id = ${workspaceId}::uuid and kind = 'llm' and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz), 0)::int as "llmTokens",
          coalesce((select sum(quantity) from usage_events where workspace_id = ${workspaceId}::uuid and kind = 'enrichment' and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz), 0)::int as enrichments,
          coalesce((select sum(quantity) from usage_events where workspace_id = ${workspaceId}::uuid and kind = 'verification' and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz), 0)::int as verifications,
          ((select count(*) from messages where workspace_id = ${workspaceId}::uuid and channel = 'email' and claimed_at >= ${from.toISOString()}::timestamptz and claimed_at < ${to.toISOString()}::timestamptz and status <> 'failed')
           + (select count(*) from outreach_emails where workspace_id = ${workspaceId}::uuid and status in ('sent', 'sending', 'uncertain') and coalesce(sent_at, updated_at) >= ${from.toISOString()}::timestamptz and coalesce(sent_at, updated_at) < ${to.toISOString()}::timestamptz))::int as "emailsSent",
          (select count(*) from messages where workspace_id = ${workspaceId}::uuid and channel <> 'email' and claimed_at >= ${from.toISOString()}::timestamptz and claimed_at < ${to.toISOString()}::timestamptz and status <> 'failed')::int as "linkedinSent"`,
  );
  return r!;
}

const LIMIT_USED: Record<keyof UsageLimits, (t: Totals) => number> = {
  llmCostUsd: (t) => t.llmCostUsd,
  enrichments: (t) => t.enrichments,
  verifications: (t) => t.verifications,
  emailsSent: (t) => t.emailsSent,
};
const LIMIT_TEXT: Record<keyof UsageLimits, (n: number) => string> = {
  llmCostUsd: (n) => `$${n} of LLM use`,
  enrichments: (n) => `${n} enrichment look-ups`,
  verifications: (n) => `${n} email verification probes`,
  emailsSent: (n) => `${n} emails sent`,
};

/**
 * How much of a monthly limit is left (null: no limit) and the sentence to show once none is:
 * which limit was reached, where to raise it, and when it resets.
 */
export async function usageLeft(
  ctx: AppContext,
  workspaceId: string,
  key: keyof UsageLimits,
): Promise<{ left: number | null; message: string }> {
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  const limit = ws?.usageLimits?.[key];
  if (limit === undefined || limit === null) return { left: null, message: "" };
  const { start, next, resetsOn } = monthBounds(ctx.clock.now(), ws!.timezone);
  const used = LIMIT_USED[key](await totalsBetween(ctx, workspaceId, start, next));
  return {
    left: Math.max(0, limit - used),
    message: `This workspace has reached its monthly limit of ${LIMIT_TEXT[key](limit)}; an owner or admin can raise it under Settings → Usage, or it resets on ${resetsOn}.`,
  };
}

/** Null when the workspace may do more of this kind of work this month, else why not. */
export async function limitReached(ctx: AppContext, workspaceId: string, key: keyof UsageLimits) {
  const u = await usageLeft(ctx, workspaceId, key);
  return u.left !== null && u.left <= 0 ? u.message : null;
}

/** Throws the limit sentence as a 429 when the work would pass the workspace's monthly limit. */
export async function assertWithinLimit(ctx: AppContext, workspaceId: string, key: keyof UsageLimits) {
  const reached = await limitReached(ctx, workspaceId, key);
  if (reached) throw new AppError("rate_limited", reached, { limit: key });
}

/** This month's use against the limits, day by day, and per run. */
export async function getUsage(ctx: AppContext, actor: Actor) {
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  const { start, next, month, resetsOn } = monthBounds(ctx.clock.now(), ws!.timezone);
  const totals = await totalsBetween(ctx, actor.workspaceId, start, next);
  const daily = await queryRows<{ day: string; kind: string; n: number; cost: number; tokens: number }>(
    ctx.db,
    sql`select day, kind, sum(n)::int as n, sum(cost)::float8 as cost, sum(tokens)::int as tokens from (
          select to_char(at at time zone ${ws!.timezone}, 'YYYY-MM-DD') as day, kind, quantity as n, cost_usd as cost, tokens
            from usage_events where workspace_id = ${actor.workspaceId}::uuid and at >= ${start.toISOString()}::timestamptz
          union all
          select to_char(claimed_at at time zone ${ws!.timezone}, 'YYYY-MM-DD'), case when channel = 'email' then 'email' else 'linkedin' end, 1, 0, 0
            from messages where workspace_id = ${actor.workspaceId}::uuid and claimed_at >= ${start.toISOString()}::timestamptz and status <> 'failed'
        ) x group by 1, 2 order by 1`,
  );
  const perRun = await queryRows<{
    run_id: string;
    name: string;
    llm_cost: number;
    tokens: number;
    emails: number;
  }>(
    ctx.db,
    sql`select r.id as run_id, r.name,
          coalesce((select sum(cost_usd) from usage_events u where u.run_id = r.id and u.at >= ${start.toISOString()}::timestamptz), 0)::float8 as llm_cost,
          coalesce((select sum(tokens) from usage_events u where u.run_id = r.id and u.at >= ${start.toISOString()}::timestamptz), 0)::int as tokens,
          (select count(*) from messages m join enrollments e on e.id = m.enrollment_id join sequences s on s.id = e.sequence_id
             where s.run_id = r.id and m.claimed_at >= ${start.toISOString()}::timestamptz and m.status <> 'failed')::int as emails
        from runs r where r.workspace_id = ${actor.workspaceId}::uuid order by r.created_at desc`,
  );
  return {
    month,
    resetsOn,
    totals: { ...totals, llmCostUsd: Math.round(totals.llmCostUsd * 1e6) / 1e6 },
    limits: ws!.usageLimits,
    daily,
    runs: perRun.map((r) => ({
      runId: r.run_id,
      name: r.name,
      llmCostUsd: r.llm_cost,
      llmTokens: r.tokens,
      sends: r.emails,
    })),
  };
}

/** Owners and admins set or clear (null) each monthly limit. */
export async function setUsageLimits(
  ctx: AppContext,
  actor: Actor,
  patch: { [K in keyof UsageLimits]?: number | null },
) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins set usage limits");
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  const limits: UsageLimits = { ...ws!.usageLimits };
  for (const [k, v] of Object.entries(patch) as [keyof UsageLimits, number | null | undefined][]) {
    if (v === undefined) continue;
    if (v === null) delete limits[k];
    else limits[k] = v;
  }
  await ctx.db.update(workspaces).set({ usageLimits: limits }).where(eq(workspaces.id, actor.workspaceId));
  return getUsage(ctx, actor);
}
