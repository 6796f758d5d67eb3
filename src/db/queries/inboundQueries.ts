import { sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../client";
import type { inboundMessages } from "../schema";

type Exec = Pick<Db, "execute">;

/** One of our sent messages, as a delivery report or a reply refers to it. */
export type SentMessageRef = {
  id: string;
  leadId: string;
  enrollmentId: string;
  senderAccountId: string | null;
  stepIndex: number;
  attempt: number;
  toAddress: string | null;
};

const refColumns = sql`m.id, m.lead_id as "leadId", m.enrollment_id as "enrollmentId",
  m.sender_account_id as "senderAccountId", m.step_index as "stepIndex", m.attempt, m.to_address as "toAddress"`;

/** The message whose Message-ID is one of `ids` (In-Reply-To, References, a report's returned id). */
export async function sentMessageByIds(db: Exec, workspaceId: string, ids: string[]) {
  if (!ids.length) return null;
  const rows = await queryRows<SentMessageRef>(
    db,
    sql`select ${refColumns} from messages m
        where m.workspace_id = ${workspaceId}::uuid and m.message_id = any(${sqlArray(ids)}::text[])
        order by m.claimed_at desc limit 1`,
  );
  return rows[0] ?? null;
}

/**
 * The last email sent to `address`, from `senderAccountId` when given (a bounce read from a
 * sender's inbox is about that sender's mail), else from any sender of the workspace.
 */
export async function lastMessageTo(
  db: Exec,
  workspaceId: string,
  address: string,
  senderAccountId: string | null,
) {
  const rows = await queryRows<SentMessageRef>(
    db,
    sql`select ${refColumns} from messages m
        where m.workspace_id = ${workspaceId}::uuid and lower(m.to_address) = ${address.toLowerCase()}
          and m.channel = 'email' and m.status in ('sent', 'uncertain')
          ${senderAccountId ? sql`and m.sender_account_id = ${senderAccountId}::uuid` : sql``}
        order by m.claimed_at desc limit 1`,
  );
  return rows[0] ?? null;
}

export async function leadIdByEmail(db: Exec, workspaceId: string, email: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from leads where workspace_id = ${workspaceId}::uuid and email = ${email.toLowerCase()} limit 1`,
  );
  return rows[0]?.id ?? null;
}

export type InboundRow = typeof inboundMessages.$inferInsert;

/**
 * Records a message once: a second copy of the same Message-ID in the workspace (two workers, a
 * mailbox read again) inserts nothing and returns null, so its effects are not applied twice.
 */
export async function insertInboundOnce(db: Exec, r: InboundRow): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into inbound_messages (workspace_id, lead_id, enrollment_id, sender_account_id, channel, kind,
          from_address, subject, text, message_id, in_reply_to, received_at, suggested_classification,
          bounce_class, bounce_status, bounce_diagnostic, reporting_mta, bounced_recipient, matched_by)
        values (${r.workspaceId}::uuid, ${r.leadId ?? null}::uuid, ${r.enrollmentId ?? null}::uuid,
          ${r.senderAccountId ?? null}::uuid, ${r.channel}, ${r.kind}, ${r.fromAddress ?? null}, ${r.subject ?? ""},
          ${r.text ?? ""}, ${r.messageId ?? null}, ${r.inReplyTo ?? null}, ${(r.receivedAt as Date).toISOString()}::timestamptz,
          ${r.suggestedClassification ?? null}, ${r.bounceClass ?? null}, ${r.bounceStatus ?? null},
          ${r.bounceDiagnostic ?? null}, ${r.reportingMta ?? null}, ${r.bouncedRecipient ?? null}, ${r.matchedBy ?? null})
        on conflict (workspace_id, message_id) do nothing
        returning id`,
  );
  return rows[0]?.id ?? null;
}

/** The lead's temporary delivery failures since `since`, not counting the one just recorded. */
export async function softBouncesSince(db: Exec, leadId: string, since: Date, exceptId: string) {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from inbound_messages
        where lead_id = ${leadId}::uuid and kind = 'bounce' and bounce_class = 'temporary'
          and received_at >= ${since.toISOString()}::timestamptz and id <> ${exceptId}::uuid`,
  );
  return rows[0]?.n ?? 0;
}

/** Marks the sent message a report is about, so sender health and analytics can count it. */
export async function markMessageBounced(db: Exec, messageId: string, bounceClass: string, at: Date) {
  await db.execute(
    bounceClass === "complaint"
      ? sql`update messages set complained_at = coalesce(complained_at, ${at.toISOString()}::timestamptz)
            where id = ${messageId}::uuid`
      : sql`update messages set bounce_class = ${bounceClass}, bounced_at = ${at.toISOString()}::timestamptz
            where id = ${messageId}::uuid`,
  );
}

export type UnmatchedInbound = {
  id: string;
  channel: string;
  kind: string;
  fromAddress: string | null;
  subject: string;
  text: string;
  receivedAt: string;
  bounceClass: string | null;
  bouncedRecipient: string | null;
  senderAccountId: string | null;
  senderName: string | null;
};

/** Mail that matched no lead (kept, never dropped), newest first. */
export async function unmatchedInbound(db: Exec, workspaceId: string, limit: number, offset: number) {
  return queryRows<UnmatchedInbound>(
    db,
    sql`select i.id, i.channel, i.kind, i.from_address as "fromAddress", i.subject, left(i.text, 2000) as text,
               i.received_at as "receivedAt", i.bounce_class as "bounceClass",
               i.bounced_recipient as "bouncedRecipient", i.sender_account_id as "senderAccountId",
               s.name as "senderName"
        from inbound_messages i left join sender_accounts s on s.id = i.sender_account_id
        where i.workspace_id = ${workspaceId}::uuid and i.lead_id is null
        order by i.received_at desc limit ${limit} offset ${offset}`,
  );
}
