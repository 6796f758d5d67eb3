import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";
import type { SenderHealthCounts } from "../../domain/deliverability/senderHealth";

type Exec = Pick<Db, "execute">;

/**
 * Bounces and complaints among a sender's `window` most recent email sends. A send its SMTP server
 * refused at once (status 'failed' with a bounce class) is a send that bounced, so it counts too.
 */
export async function senderHealthCounts(db: Exec, senderAccountId: string, window: number) {
  const rows = await queryRows<SenderHealthCounts>(
    db,
    sql`select count(*)::int as sends,
          (count(*) filter (where bounce_class in ('permanent', 'policy')))::int as bounces,
          (count(*) filter (where complained_at is not null))::int as complaints
        from ((select bounce_class, complained_at, sent_at as at from messages
               where sender_account_id = ${senderAccountId}::uuid and status = 'sent' and channel = 'email'
               order by sent_at desc limit ${window})
              union all
              (select bounce_class, complained_at, attempted_at as at from messages
               where sender_account_id = ${senderAccountId}::uuid and status = 'failed' and bounce_class is not null
                 and channel = 'email'
               order by attempted_at desc limit ${window})
              order by at desc limit ${window}) recent`,
  );
  return rows[0] ?? { sends: 0, bounces: 0, complaints: 0 };
}

/** Pauses a sender unless it is paused already; true when this call paused it. */
export async function pauseSender(db: Exec, senderAccountId: string, reason: string, at: Date) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update sender_accounts set paused_at = ${at.toISOString()}::timestamptz, paused_reason = ${reason}
        where id = ${senderAccountId}::uuid and paused_at is null returning id`,
  );
  return rows.length > 0;
}
