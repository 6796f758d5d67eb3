import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";

type Exec = Pick<Db, "execute">;

/**
 * What /metrics reports about the whole installation, read from the database at scrape time so
 * every process reports the same cluster-wide figures (an in-process counter would only know
 * what its own process did). `now` is the injected clock's, so figures are exact in tests.
 */
export function messagesLastDay(db: Exec, now: Date) {
  return queryRows<{ channel: string; status: string; n: number }>(
    db,
    sql`select channel, status, count(*)::int as n from messages
        where claimed_at > ${now.toISOString()}::timestamptz - interval '24 hours' group by channel, status`,
  );
}

export async function dueBacklog(db: Exec, now: Date) {
  const [r] = await queryRows<{ n: number; oldest: number | null }>(
    db,
    sql`select count(*)::int as n,
               extract(epoch from ${now.toISOString()}::timestamptz - min(next_step_at))::float8 as oldest
        from enrollments where state = 'active' and next_step_at <= ${now.toISOString()}::timestamptz`,
  );
  return { due: r?.n ?? 0, oldestSeconds: Math.max(0, r?.oldest ?? 0) };
}

export function jobQueue(db: Exec, now: Date) {
  return queryRows<{ kind: string; queued: number; running: number; oldest: number | null }>(
    db,
    sql`select kind,
               (count(*) filter (where status = 'queued' and run_at <= ${now.toISOString()}::timestamptz))::int as queued,
               (count(*) filter (where status = 'running'))::int as running,
               extract(epoch from ${now.toISOString()}::timestamptz - min(run_at) filter (where status = 'queued' and run_at <= ${now.toISOString()}::timestamptz))::float8 as oldest
        from jobs where status in ('queued', 'running') group by kind`,
  );
}

export function jobLatencyLastHour(db: Exec, now: Date) {
  return queryRows<{ kind: string; seconds: number; n: number }>(
    db,
    sql`select kind, avg(extract(epoch from finished_at - run_at))::float8 as seconds, count(*)::int as n
        from jobs where finished_at > ${now.toISOString()}::timestamptz - interval '1 hour' and status in ('succeeded', 'failed')
        group by kind`,
  );
}

export function inboxPollLag(db: Exec, now: Date) {
  return queryRows<{ senderAccountId: string; lag: number | null; failing: boolean }>(
    db,
    sql`select c.sender_account_id as "senderAccountId",
               extract(epoch from ${now.toISOString()}::timestamptz - c.last_polled_at)::float8 as lag,
               c.last_error is not null as failing
        from mailbox_cursors c join sender_accounts s on s.id = c.sender_account_id
        where s.imap_host is not null`,
  );
}

export function senderIds(db: Exec) {
  return queryRows<{ id: string; workspaceId: string }>(
    db,
    sql`select id, workspace_id as "workspaceId" from sender_accounts`,
  );
}
