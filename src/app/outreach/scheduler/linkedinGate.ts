import { sql } from "drizzle-orm";
import {
  type LinkedInUsage,
  linkedinDecision,
  localDayStartMs,
  localMonthStartMs,
} from "../../../domain/linkedin/linkedinBudget";
import { seededRng } from "../../../domain/linkedin/seededRng";
import { type Db, queryRows, sqlArray } from "../../../db/client";
import type { AppContext } from "../../context";
import { WAITING_FOR_ACCEPTANCE } from "../../integrations/linkedinAcceptance";
import { type LinkedInAccount, linkedinAccountOf } from "../../integrations/linkedinAccount";
import { REINVITE_WAIT_DAYS } from "../../integrations/linkedinSender";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long a LinkedIn message waits for its invitation before the sequence gives up on the lead. */
export const ACCEPTANCE_WAIT_DAYS = 30;

export type GateAnswer =
  | { kind: "sandbox" }
  | { kind: "go"; account: LinkedInAccount; noteDropped: boolean }
  | { kind: "defer"; at: Date; reason: string }
  | { kind: "end"; reason: string };

type AccountState = { account: LinkedInAccount; usage: LinkedInUsage; oldestInviteMs: number | null };

/**
 * The LinkedIn half of claiming, for one batch: whether a due LinkedIn step may go now through the
 * workspace's account. Budgets are counted from the messages table (every sequence draws on the same
 * account) once per workspace and batch, then kept in memory as the batch claims. Without a
 * connected account LinkedIn steps stay with the sandbox channel, as before.
 */
export async function linkedinGate(
  ctx: Pick<AppContext, "secrets"> & { db: Db },
  now: Date,
  leadIds: string[],
  workspaceIds: string[],
) {
  const nowMs = now.getTime();
  // The accounts are locked for the claiming transaction (in id order, like sender rows): two workers
  // claiming at once would otherwise both see the same counts and overrun a budget or a gap.
  if (workspaceIds.length)
    await ctx.db.execute(
      sql`select 1 from integrations where kind = 'unipile' and workspace_id = any(${sqlArray([...workspaceIds].sort())}::uuid[])
          order by workspace_id for update`,
    );

  async function stateOf(workspaceId: string): Promise<AccountState | null> {
    const account = await linkedinAccountOf(ctx, workspaceId);
    if (!account) return null;
    const tz = account.limits.timezone;
    const day = new Date(localDayStartMs(nowMs, tz)).toISOString();
    const month = new Date(localMonthStartMs(nowMs, tz)).toISOString();
    const week = new Date(nowMs - 7 * DAY).toISOString();
    const [u] = await queryRows<{
      invites_today: number;
      invites_week: number;
      oldest_invite: string | null;
      messages_today: number;
      notes_month: number;
      last_action: string | null;
    }>(
      ctx.db,
      sql`select count(*) filter (where channel = 'linkedin_invite' and claimed_at >= ${day}::timestamptz)::int as invites_today,
                 count(*) filter (where channel = 'linkedin_invite' and claimed_at >= ${week}::timestamptz)::int as invites_week,
                 min(claimed_at) filter (where channel = 'linkedin_invite' and claimed_at >= ${week}::timestamptz) as oldest_invite,
                 count(*) filter (where channel = 'linkedin_message' and claimed_at >= ${day}::timestamptz)::int as messages_today,
                 count(*) filter (where channel = 'linkedin_invite' and body <> '' and claimed_at >= ${month}::timestamptz)::int as notes_month,
                 max(claimed_at) as last_action
          from messages
          where workspace_id = ${workspaceId}::uuid and channel <> 'email' and status in ('sending', 'sent', 'uncertain')
            and claimed_at >= least(${month}::timestamptz, ${week}::timestamptz)`,
    );
    return {
      account,
      usage: {
        invitesToday: u?.invites_today ?? 0,
        invitesThisWeek: u?.invites_week ?? 0,
        messagesToday: u?.messages_today ?? 0,
        notesThisMonth: u?.notes_month ?? 0,
        lastActionMs: u?.last_action ? new Date(u.last_action).getTime() : null,
      },
      oldestInviteMs: u?.oldest_invite ? new Date(u.oldest_invite).getTime() : null,
    };
  }

  // Read once for the batch, so that each decision is a computation in memory.
  const accounts = new Map(
    await Promise.all(workspaceIds.map(async (id) => [id, await stateOf(id)] as const)),
  );
  const facts = await loadLeadFacts(ctx.db, leadIds);

  return function check(
    workspaceId: string,
    leadId: string,
    channel: "linkedin_invite" | "linkedin_message",
    wantsNote: boolean,
  ): GateAnswer {
    const st = accounts.get(workspaceId);
    if (!st) return { kind: "sandbox" };
    const { account, usage } = st;
    if (account.status !== "ok")
      return {
        kind: "defer",
        at: new Date(nowMs + HOUR),
        reason:
          account.status === "paused"
            ? `the LinkedIn account is paused: ${account.pausedReason ?? "it needs attention"}; fix it under Settings → Integrations`
            : "the LinkedIn account's connection check failed; fix it under Settings → Integrations",
      };
    const lead = facts.get(leadId) ?? {};
    if (channel === "linkedin_invite" && lead.withdrawnMs) {
      const until = lead.withdrawnMs + REINVITE_WAIT_DAYS * DAY;
      if (until > nowMs)
        return {
          kind: "defer",
          at: new Date(until),
          reason: `an invitation to this person was withdrawn; LinkedIn allows a new one after ${REINVITE_WAIT_DAYS} days`,
        };
    }
    if (channel === "linkedin_message" && !lead.acceptedMs && lead.invitedMs) {
      if (nowMs - lead.invitedMs > ACCEPTANCE_WAIT_DAYS * DAY)
        return {
          kind: "end",
          reason: `the LinkedIn invitation was not accepted within ${ACCEPTANCE_WAIT_DAYS} days`,
        };
      return { kind: "defer", at: new Date(nowMs + 6 * HOUR), reason: WAITING_FOR_ACCEPTANCE };
    }
    const kind = channel === "linkedin_invite" ? "invite" : "message";
    const d = linkedinDecision(
      kind,
      wantsNote,
      account.limits,
      usage,
      nowMs,
      seededRng(usage.lastActionMs ?? nowMs),
      st.oldestInviteMs,
    );
    if (!d.go) return { kind: "defer", at: new Date(d.retryAtMs), reason: d.reason };
    if (kind === "invite") {
      usage.invitesToday++;
      usage.invitesThisWeek++;
      st.oldestInviteMs ??= nowMs;
      if (d.withNote) usage.notesThisMonth++;
    } else usage.messagesToday++;
    usage.lastActionMs = nowMs;
    return { kind: "go", account, noteDropped: d.noteDropped };
  };
}

type LeadFacts = { acceptedMs?: number; withdrawnMs?: number; invitedMs?: number };

/** Per lead: the last acceptance and withdrawal, and when the first invitation went out. */
async function loadLeadFacts(db: Db, leadIds: string[]) {
  const out = new Map<string, LeadFacts>();
  if (!leadIds.length) return out;
  const at = (id: string) => out.get(id) ?? (out.set(id, {}), out.get(id)!);
  for (const r of await queryRows<{ lead_id: string; type: string; t: string }>(
    db,
    sql`select lead_id, type, max(created_at) as t from lead_events
        where lead_id = any(${sqlArray(leadIds)}::uuid[]) and type in ('invitation_accepted', 'invitation_withdrawn')
        group by lead_id, type`,
  )) {
    if (r.type === "invitation_accepted") at(r.lead_id).acceptedMs = new Date(r.t).getTime();
    else at(r.lead_id).withdrawnMs = new Date(r.t).getTime();
  }
  for (const r of await queryRows<{ lead_id: string; t: string }>(
    db,
    sql`select lead_id, min(coalesce(sent_at, claimed_at)) as t from messages
        where lead_id = any(${sqlArray(leadIds)}::uuid[]) and channel = 'linkedin_invite' and status in ('sent', 'uncertain')
        group by lead_id`,
  ))
    at(r.lead_id).invitedMs = new Date(r.t).getTime();
  return out;
}
