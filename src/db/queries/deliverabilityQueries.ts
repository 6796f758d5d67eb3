import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";
import type { DayCount } from "../../domain/deliverability/senderDeliverability";

type Exec = Pick<Db, "execute">;

/**
 * A sender's email activity since `since`, counted per local day of `zone`: sends by sent_at,
 * bounces by class and complaints on the day the report came, and human replies to any lead this
 * sender wrote to (by enrollment), on the day they arrived.
 */
export async function senderDailyActivity(
  db: Exec,
  workspaceId: string,
  senderId: string,
  since: Date,
  zone: string,
) {
  // The zone is a bound parameter; only the (fixed) column name is spliced in.
  const day = (col: string) => sql`to_char(${sql.raw(col)} at time zone ${zone}::text, 'YYYY-MM-DD')`;
  const mine = sql`workspace_id = ${workspaceId}::uuid and sender_account_id = ${senderId}::uuid and channel = 'email'`;
  const at = since.toISOString();
  const [sent, bounced, complaints, replies] = await Promise.all([
    queryRows<DayCount>(
      db,
      sql`select ${day("sent_at")} as day, count(*)::int as n from messages
          where ${mine} and status = 'sent' and sent_at >= ${at}::timestamptz group by 1`,
    ),
    queryRows<DayCount & { bounceClass: string }>(
      db,
      sql`select ${day("bounced_at")} as day, bounce_class as "bounceClass", count(*)::int as n from messages
          where ${mine} and bounce_class is not null and bounced_at >= ${at}::timestamptz group by 1, 2`,
    ),
    queryRows<DayCount>(
      db,
      sql`select ${day("complained_at")} as day, count(*)::int as n from messages
          where ${mine} and complained_at >= ${at}::timestamptz group by 1`,
    ),
    queryRows<DayCount>(
      db,
      sql`select ${day("received_at")} as day, count(*)::int as n from inbound_messages i
          where i.workspace_id = ${workspaceId}::uuid and i.kind = 'human_reply' and i.received_at >= ${at}::timestamptz
            and exists (select 1 from messages m where m.enrollment_id = i.enrollment_id
                        and m.sender_account_id = ${senderId}::uuid and m.status = 'sent')
          group by 1`,
    ),
  ]);
  return { sent, bounced, complaints, replies };
}
