import { sql } from "drizzle-orm";
import { senderCapToday } from "../../domain/schedule/senderPacing";
import { queryRows } from "../../db/client";
import type { AppContext } from "../context";

/**
 * The volume of each sender of a sequence: its rotation in order, then any sender taken out of it
 * that still has leads here (they keep it for their thread). `sentToday` and `capToday` are the
 * sender's own over its last 24 hours, across sequences, as its cap counts; `sent` and `leads` are
 * this sequence's.
 */
export async function sequenceSenderVolumes(ctx: AppContext, sequenceId: string) {
  const now = ctx.clock.now();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const rows = await queryRows<{
    id: string;
    position: number | null;
    name: string;
    from_email: string;
    paused: boolean;
    daily_cap: number;
    ramp_start_cap: number | null;
    ramp_per_day: number | null;
    created_at: Date | string;
    sent_today: number;
    sent: number;
    leads: number;
  }>(
    ctx.db,
    sql`with seq as (select id, sender_account_id from sequences where id = ${sequenceId}::uuid),
        assigned as (
          select coalesce(e.sender_account_id, seq.sender_account_id) as id, count(*)::int as n
          from enrollments e join seq on seq.id = e.sequence_id group by 1),
        ids as (
          select sender_account_id as id, position from sequence_senders where sequence_id = ${sequenceId}::uuid
          union all
          select a.id, null from assigned a
          where a.id is not null and a.id not in (select sender_account_id from sequence_senders where sequence_id = ${sequenceId}::uuid))
        select ids.id, ids.position, sa.name, sa.from_email, sa.paused_at is not null as paused, sa.daily_cap,
               sa.ramp_start_cap, sa.ramp_per_day, sa.created_at,
               (select count(*)::int from messages m where m.sender_account_id = ids.id and m.channel = 'email'
                  and m.claimed_at >= ${dayAgo}::timestamptz) as sent_today,
               (select count(*)::int from messages m join enrollments e on e.id = m.enrollment_id
                  where e.sequence_id = ${sequenceId}::uuid and m.sender_account_id = ids.id and m.status = 'sent') as sent,
               coalesce((select n from assigned a where a.id = ids.id), 0) as leads
        from ids join sender_accounts sa on sa.id = ids.id
        order by ids.position nulls last, sa.name`,
  );
  return rows.map((r) => ({
    senderAccountId: r.id,
    name: r.name,
    fromEmail: r.from_email,
    inRotation: r.position !== null,
    paused: r.paused,
    sentToday: r.sent_today,
    capToday: senderCapToday(
      {
        dailyCap: r.daily_cap,
        rampStartCap: r.ramp_start_cap,
        rampPerDay: r.ramp_per_day,
        createdAtMs: new Date(r.created_at).getTime(),
      },
      now.getTime(),
    ),
    sent: r.sent,
    leads: r.leads,
  }));
}
