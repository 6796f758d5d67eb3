import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { queryRows } from "../../db/client";
import { enrollments, inboundMessages, leads, messages } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { sequenceSenderVolumes } from "./sequenceSenderVolumes";
import { getSequence } from "./sequences";

/** Leads per step and per state, volume per sender, and the next sends with their time in the lead's zone and the workspace's. */
export async function sequenceDashboard(ctx: AppContext, actor: Actor, id: string) {
  const seq = await getSequence(ctx, actor, id);
  const states = await queryRows<{ state: string; n: number }>(
    ctx.db,
    sql`select state, count(*)::int as n from enrollments where sequence_id = ${id}::uuid group by state`,
  );
  const atStep = await queryRows<{ step: number | null; n: number }>(
    ctx.db,
    sql`select last_step_index as step, count(*)::int as n from enrollments where sequence_id = ${id}::uuid group by last_step_index`,
  );
  const sent = await queryRows<{ step: number; status: string; n: number }>(
    ctx.db,
    sql`select m.step_index as step, m.status, count(*)::int as n from messages m join enrollments e on e.id = m.enrollment_id where e.sequence_id = ${id}::uuid group by m.step_index, m.status`,
  );
  const upcoming = await ctx.db
    .select({
      enrollmentId: enrollments.id,
      leadId: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      nextStepIndex: enrollments.nextStepIndex,
      nextStepAt: enrollments.nextStepAt,
      zone: enrollments.zone,
      zoneSource: enrollments.zoneSource,
      branchPath: enrollments.branchPath,
    })
    .from(enrollments)
    .innerJoin(leads, eq(leads.id, enrollments.leadId))
    .where(
      and(
        eq(enrollments.sequenceId, id),
        eq(enrollments.state, "active"),
        sql`${enrollments.nextStepAt} is not null`,
      ),
    )
    .orderBy(asc(enrollments.nextStepAt))
    .limit(50);
  const attention = await ctx.db
    .select({
      enrollmentId: enrollments.id,
      leadId: leads.id,
      firstName: leads.firstName,
      lastName: leads.lastName,
      email: leads.email,
      state: enrollments.state,
      reason: enrollments.stateReason,
    })
    .from(enrollments)
    .innerJoin(leads, eq(leads.id, enrollments.leadId))
    .where(and(eq(enrollments.sequenceId, id), sql`${enrollments.state} in ('paused', 'failed')`))
    .limit(50);
  return {
    sequence: seq,
    states: Object.fromEntries(states.map((s) => [s.state, s.n])),
    atStep: atStep.map((s) => ({ step: s.step ?? 0, leads: s.n })),
    sends: sent,
    upcoming,
    attention,
    senders: await sequenceSenderVolumes(ctx, id),
  };
}

/** One lead's outreach history in this workspace: every message and every answer, newest first. */
export async function leadOutreach(ctx: AppContext, actor: Actor, leadId: string) {
  const [lead] = await ctx.db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, actor.workspaceId)));
  if (!lead) throw new AppError("not_found", "no such lead in this workspace");
  const out = await ctx.db
    .select()
    .from(messages)
    .where(eq(messages.leadId, leadId))
    .orderBy(desc(messages.claimedAt));
  const inbound = await ctx.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.leadId, leadId))
    .orderBy(desc(inboundMessages.receivedAt));
  const enr = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, leadId));
  return { messages: out, inbound, enrollments: enr };
}

/** The sandbox mailbox: everything the sandbox sender (and LinkedIn steps without a provider) "sent". */
export type SandboxMessage = {
  id: string;
  leadId: string;
  channel: string;
  status: string;
  subject: string;
  body: string;
  toAddress: string | null;
  sentAt: Date | string | null;
  stepIndex: number;
  firstName: string | null;
  lastName: string | null;
  bounceClass: string | null;
  complained: boolean;
  replies: number;
};

export async function sandboxOutbox(ctx: AppContext, actor: Actor) {
  return queryRows<SandboxMessage>(
    ctx.db,
    sql`select m.id, m.lead_id as "leadId", m.channel, m.status, m.subject, m.body, m.to_address as "toAddress", m.sent_at as "sentAt", m.step_index as "stepIndex",
               l.first_name as "firstName", l.last_name as "lastName",
               m.bounce_class as "bounceClass", m.complained_at is not null as complained,
               (select count(*)::int from inbound_messages i
                where i.lead_id = m.lead_id and i.kind in ('human_reply', 'auto_reply')) as replies
        from messages m join leads l on l.id = m.lead_id left join sender_accounts s on s.id = m.sender_account_id
        where m.workspace_id = ${actor.workspaceId}::uuid and (s.kind = 'sandbox' or m.channel <> 'email')
        union all
        -- "Approve & send" on the Emails page through a sandbox sender lands here too (step 0: no sequence).
        select o.id, o.lead_id, 'email', o.status, o.subject, o.body, o.to_address, o.sent_at, 0,
               l.first_name, l.last_name, null, false,
               (select count(*)::int from inbound_messages i
                where i.lead_id = o.lead_id and i.kind in ('human_reply', 'auto_reply'))
        from outreach_emails o join leads l on l.id = o.lead_id join sender_accounts s on s.id = o.sender_account_id
        where o.workspace_id = ${actor.workspaceId}::uuid and s.kind = 'sandbox' and o.status in ('sending', 'sent', 'uncertain')
        order by "sentAt" desc nulls first limit 200`,
  );
}
