import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";

export type HomeCounts = {
  repliesToAnswer: number;
  messagesToApprove: number;
  emailsToApprove: number;
  uncertainSends: number;
  failedJobs: number;
  dueNextDay: number;
  nextSendAt: Date | string | null;
  hasSender: boolean;
  hasLeads: boolean;
  hasRun: boolean;
  hasLaunched: boolean;
};

/** Everything the home page counts, in one round trip, each part bounded by the workspace's indexes. */
export async function homeCounts(db: Db, workspaceId: string, now: Date): Promise<HomeCounts> {
  const ws = sql`${workspaceId}::uuid`;
  const [r] = await queryRows<HomeCounts>(
    db,
    sql`select
      (select count(distinct (lead_id, channel))::int from inbound_messages
        where workspace_id = ${ws} and read_at is null and lead_id is not null and kind = 'human_reply') as "repliesToAnswer",
      (select count(*)::int from message_drafts d join sequences s on s.id = d.sequence_id
        where d.workspace_id = ${ws} and d.status = 'draft' and s.message_source = 'personalised') as "messagesToApprove",
      (select count(*)::int from outreach_emails where workspace_id = ${ws} and status = 'draft') as "emailsToApprove",
      ((select count(*)::int from messages where workspace_id = ${ws} and status = 'uncertain')
        + (select count(*)::int from outreach_emails where workspace_id = ${ws} and status = 'uncertain')) as "uncertainSends",
      (select count(*)::int from jobs where workspace_id = ${ws} and status = 'failed'
        and updated_at > ${now.toISOString()}::timestamptz - interval '7 days') as "failedJobs",
      (select count(*)::int from enrollments where workspace_id = ${ws} and state = 'active'
        and next_step_at <= ${now.toISOString()}::timestamptz + interval '1 day') as "dueNextDay",
      (select min(next_step_at) from enrollments where workspace_id = ${ws} and state = 'active') as "nextSendAt",
      exists (select 1 from sender_accounts where workspace_id = ${ws}) as "hasSender",
      exists (select 1 from leads where workspace_id = ${ws}) as "hasLeads",
      exists (select 1 from runs where workspace_id = ${ws}) as "hasRun",
      exists (select 1 from enrollments where workspace_id = ${ws}) as "hasLaunched"`,
  );
  return r!;
}

export type ScheduledSequence = {
  id: string;
  name: string;
  runId: string;
  runName: string;
  dueNextDay: number;
  nextSendAt: Date | string | null;
};

/** Sequences with sends waiting, the soonest first. */
export async function scheduledSequences(db: Db, workspaceId: string, now: Date, limit = 5) {
  return queryRows<ScheduledSequence>(
    db,
    sql`select s.id, s.name, s.run_id as "runId", r.name as "runName",
          count(*) filter (where e.next_step_at <= ${now.toISOString()}::timestamptz + interval '1 day')::int as "dueNextDay",
          min(e.next_step_at) as "nextSendAt"
        from enrollments e join sequences s on s.id = e.sequence_id join runs r on r.id = s.run_id
        where e.workspace_id = ${workspaceId}::uuid and e.state = 'active' and e.next_step_at is not null
        group by s.id, s.name, s.run_id, r.name
        order by min(e.next_step_at) limit ${limit}`,
  );
}
