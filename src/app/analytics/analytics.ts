import { type SQL, sql } from "drizzle-orm";
import { queryRows, sqlArray } from "../../db/client";
import type { Actor, AppContext } from "../context";
import { workspaceWindow } from "../outreach/enrollments";

export type AnalyticsFilter = { runId?: string; sequenceId?: string; days?: number };

/** A sender whose bounce rate passes this (over at least 20 sends) is flagged: it hurts its reputation. */
export const BOUNCE_WARNING_RATE = 0.05;
const POSITIVE = ["interested", "meeting_booked"];

/** The sender is the sandbox: what it "sends" lands in the sandbox mailbox and reaches nobody. */
const sandboxSender = (id: SQL) =>
  sql`exists (select 1 from sender_accounts sa where sa.id = ${id} and sa.kind = 'sandbox')`;

const rate = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);

/**
 * Outcomes per run, sequence and step, and over time: sent, delivered, opened, clicked, replied,
 * positive replies, bounced, unsubscribed. A reply, bounce or unsubscribe counts against the last
 * step sent to that enrollment before it happened.
 */
export async function getAnalytics(ctx: AppContext, actor: Actor, f: AnalyticsFilter = {}) {
  const { ws } = await workspaceWindow(ctx, actor.workspaceId);
  const days = Math.min(Math.max(f.days ?? 30, 1), 365);
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000).toISOString();
  const scope = sql`e.workspace_id = ${actor.workspaceId}::uuid
    ${f.runId ? sql`and s.run_id = ${f.runId}::uuid` : sql``}
    ${f.sequenceId ? sql`and e.sequence_id = ${f.sequenceId}::uuid` : sql``}`;
  // Every outcome as (sequence, step, kind, at): sends, opens and clicks from messages; replies and
  // bounces from the inbox; unsubscribes from the timeline.
  const outcomes = sql`
    select e.sequence_id, m.step_index, m.channel, 'sent' as kind, m.sent_at as at from messages m
      join enrollments e on e.id = m.enrollment_id join sequences s on s.id = e.sequence_id
      where ${scope} and m.status = 'sent' and m.sent_at >= ${since}::timestamptz
    union all
    select e.sequence_id, m.step_index, m.channel, 'sandboxed', m.sent_at from messages m
      join enrollments e on e.id = m.enrollment_id join sequences s on s.id = e.sequence_id
      where ${scope} and m.status = 'sent' and m.sent_at >= ${since}::timestamptz
        and (m.sandbox or (m.channel = 'email' and ${sandboxSender(sql`m.sender_account_id`)}))
    union all
    select e.sequence_id, m.step_index, m.channel, 'opened', m.first_opened_at from messages m
      join enrollments e on e.id = m.enrollment_id join sequences s on s.id = e.sequence_id
      where ${scope} and m.first_opened_at >= ${since}::timestamptz
    union all
    select e.sequence_id, m.step_index, m.channel, 'clicked', m.first_clicked_at from messages m
      join enrollments e on e.id = m.enrollment_id join sequences s on s.id = e.sequence_id
      where ${scope} and m.first_clicked_at >= ${since}::timestamptz
    union all
    select e.sequence_id, last.step_index, last.channel,
           case when i.kind = 'bounce' then 'bounced'
                when coalesce(i.classification, i.suggested_classification) = any(${sqlArray(POSITIVE)}::text[]) then 'positive'
                else 'replied' end,
           i.received_at
      from inbound_messages i join enrollments e on e.id = i.enrollment_id join sequences s on s.id = e.sequence_id
      cross join lateral (select m.step_index, m.channel from messages m where m.enrollment_id = e.id and m.status = 'sent'
                          and m.sent_at <= i.received_at order by m.sent_at desc limit 1) last
      where ${scope} and i.kind in ('human_reply', 'bounce') and i.received_at >= ${since}::timestamptz
    union all
    select e.sequence_id, last.step_index, last.channel, 'unsubscribed', le.created_at
      from lead_events le join enrollments e on e.lead_id = le.lead_id join sequences s on s.id = e.sequence_id
      cross join lateral (select m.step_index, m.channel from messages m where m.enrollment_id = e.id and m.status = 'sent'
                          and m.sent_at <= le.created_at order by m.sent_at desc limit 1) last
      where ${scope} and le.type = 'unsubscribed' and le.created_at >= ${since}::timestamptz`;
  const steps = await queryRows<{
    sequence_id: string;
    sequence_name: string;
    run_id: string;
    step_index: number;
    channel: string;
    kind: string;
    n: number;
  }>(
    ctx.db,
    sql`select o.sequence_id, s.name as sequence_name, s.run_id, o.step_index, o.channel, o.kind, count(*)::int as n
        from (${outcomes}) o join sequences s on s.id = o.sequence_id
        group by 1, 2, 3, 4, 5, 6 order by 2, 4`,
  );
  const daily = await queryRows<{ day: string; kind: string; n: number }>(
    ctx.db,
    sql`select to_char(o.at at time zone ${ws.timezone}, 'YYYY-MM-DD') as day, o.kind, count(*)::int as n
        from (${outcomes}) o group by 1, 2 order by 1`,
  );
  const empty = () => ({
    sent: 0,
    opened: 0,
    clicked: 0,
    replied: 0,
    positive: 0,
    bounced: 0,
    unsubscribed: 0,
    /**
     * Sends that only reached the sandbox mailbox, nobody: emails through the sandbox sender and LinkedIn
     * steps without a LinkedIn account. They count as sent, not delivered.
     */
    sandboxed: 0,
  });
  type Counts = ReturnType<typeof empty>;
  const add = (c: Counts, kind: string, n: number) => {
    // A positive reply is also a reply.
    if (kind === "positive") c.replied += n;
    c[kind as keyof Counts] += n;
  };
  const withRates = (c: Counts) => ({
    ...c,
    delivered: Math.max(0, c.sent - c.bounced - c.sandboxed),
    rates: {
      delivered: rate(Math.max(0, c.sent - c.bounced - c.sandboxed), c.sent),
      opened: rate(c.opened, c.sent),
      clicked: rate(c.clicked, c.sent),
      replied: rate(c.replied, c.sent),
      positive: rate(c.positive, c.replied),
      bounced: rate(c.bounced, c.sent),
      unsubscribed: rate(c.unsubscribed, c.sent),
    },
  });
  const total = empty();
  const bySeq = new Map<string, { sequenceId: string; name: string; runId: string; counts: Counts }>();
  const byStep = new Map<
    string,
    { sequenceId: string; sequenceName: string; stepIndex: number; channel: string; counts: Counts }
  >();
  for (const r of steps) {
    add(total, r.kind, r.n);
    const sq = bySeq.get(r.sequence_id) ?? {
      sequenceId: r.sequence_id,
      name: r.sequence_name,
      runId: r.run_id,
      counts: empty(),
    };
    add(sq.counts, r.kind, r.n);
    bySeq.set(r.sequence_id, sq);
    const key = `${r.sequence_id} ${r.step_index}`;
    const st = byStep.get(key) ?? {
      sequenceId: r.sequence_id,
      sequenceName: r.sequence_name,
      stepIndex: r.step_index,
      channel: r.channel,
      counts: empty(),
    };
    add(st.counts, r.kind, r.n);
    byStep.set(key, st);
  }
  // Emails sent one by one from the Emails page ("Approve & send") belong to no sequence: they count in
  // the totals and per day of the whole workspace, not in a run's or a sequence's.
  const single =
    f.runId || f.sequenceId
      ? []
      : await queryRows<{ day: string; n: number; sandboxed: number }>(
          ctx.db,
          sql`select to_char(o.sent_at at time zone ${ws.timezone}, 'YYYY-MM-DD') as day, count(*)::int as n,
                count(*) filter (where ${sandboxSender(sql`o.sender_account_id`)})::int as sandboxed
              from outreach_emails o where o.workspace_id = ${actor.workspaceId}::uuid and o.status = 'sent'
                and o.sent_at >= ${since}::timestamptz group by 1`,
        );
  for (const r of single) {
    add(total, "sent", r.n);
    add(total, "sandboxed", r.sandboxed);
    daily.push({ day: r.day, kind: "sent", n: r.n }, { day: r.day, kind: "sandboxed", n: r.sandboxed });
  }
  const dayMap = new Map<string, Counts>();
  for (const r of daily) {
    const c = dayMap.get(r.day) ?? empty();
    add(c, r.kind, r.n);
    dayMap.set(r.day, c);
  }
  // Every day of the period, quiet ones as zeros, so charts have a true time axis.
  const dayOf = (ms: number) => new Date(ms).toLocaleDateString("en-CA", { timeZone: ws.timezone });
  const nowMs = ctx.clock.now().getTime();
  for (let ms = nowMs - (days - 1) * 86_400_000; ms <= nowMs; ms += 86_400_000)
    if (!dayMap.has(dayOf(ms))) dayMap.set(dayOf(ms), empty());
  return {
    days,
    timezone: ws.timezone,
    totals: withRates(total),
    sequences: [...bySeq.values()].map((s) => ({ ...s, counts: withRates(s.counts) })),
    steps: [...byStep.values()]
      .sort((a, b) => a.sequenceName.localeCompare(b.sequenceName) || a.stepIndex - b.stepIndex)
      .map((s) => ({ ...s, counts: withRates(s.counts) })),
    daily: [...dayMap.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, ...c })),
    senders: await senderHealth(ctx, actor, since),
  };
}

/** Per sender account: volume against its cap, bounce and reply rates, and a warning when bouncing. */
async function senderHealth(ctx: AppContext, actor: Actor, since: string) {
  const dayAgo = new Date(ctx.clock.now().getTime() - 86_400_000).toISOString();
  const rows = await queryRows<{
    id: string;
    name: string;
    from_email: string;
    daily_cap: number;
    sandbox: boolean;
    sent: number;
    sent_today: number;
    bounced: number;
    replied: number;
  }>(
    ctx.db,
    sql`select a.id, a.name, a.from_email, a.daily_cap, a.kind = 'sandbox' as sandbox,
          (select count(*)::int from messages m where m.sender_account_id = a.id and m.status = 'sent' and m.sent_at >= ${since}::timestamptz) as sent,
          (select count(*)::int from messages m where m.sender_account_id = a.id and m.channel = 'email' and m.claimed_at >= ${dayAgo}::timestamptz) as sent_today,
          (select count(distinct i.id)::int from inbound_messages i join messages m on m.enrollment_id = i.enrollment_id
             where m.sender_account_id = a.id and i.kind = 'bounce' and i.received_at >= ${since}::timestamptz) as bounced,
          (select count(distinct i.id)::int from inbound_messages i join messages m on m.enrollment_id = i.enrollment_id
             where m.sender_account_id = a.id and i.kind = 'human_reply' and i.received_at >= ${since}::timestamptz) as replied
        from sender_accounts a where a.workspace_id = ${actor.workspaceId}::uuid order by a.name`,
  );
  return rows.map((r) => {
    const bounceRate = r.sent ? r.bounced / r.sent : 0;
    return {
      id: r.id,
      name: r.name,
      fromEmail: r.from_email,
      /** The sandbox sender: its sends reached nobody. */
      sandbox: r.sandbox,
      sent: r.sent,
      bounced: r.bounced,
      replied: r.replied,
      bounceRate: rate(r.bounced, r.sent),
      replyRate: rate(r.replied, r.sent),
      sentLast24h: r.sent_today,
      dailyCap: r.daily_cap,
      warning:
        r.sent >= 20 && bounceRate > BOUNCE_WARNING_RATE
          ? `Bounce rate ${rate(r.bounced, r.sent)}% is above ${BOUNCE_WARNING_RATE * 100}%: verify the list's emails and slow this sender down before its reputation suffers.`
          : null,
    };
  });
}
