import { sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../client";

export type LeasedMailbox = {
  senderAccountId: string;
  uidValidity: string;
  lastUid: number;
};

/**
 * Takes (or renews) the leases of mailboxes nobody holds, whose lease ran out, or that `owner`
 * already holds, and returns them. Every sender with IMAP settings gets its cursor row first, so
 * there is a row to lease. Rows another worker is leasing right now are skipped, not waited for;
 * those polled longest ago come first.
 */
export async function claimMailboxes(
  db: Pick<Db, "execute">,
  o: { owner: string; now: Date; until: Date; limit: number; onlyIds?: string[] },
): Promise<LeasedMailbox[]> {
  const only = o.onlyIds ? sql`and s.id = any(${sqlArray(o.onlyIds)}::uuid[])` : sql``;
  await db.execute(sql`insert into mailbox_cursors (sender_account_id, uid_validity)
      select s.id, '' from sender_accounts s where s.kind = 'smtp' and s.imap_host is not null ${only}
      on conflict do nothing`);
  return queryRows<LeasedMailbox>(
    db,
    sql`update mailbox_cursors c set leased_by = ${o.owner}, lease_until = ${o.until.toISOString()}::timestamptz
        where c.sender_account_id in (
          select c2.sender_account_id from mailbox_cursors c2 join sender_accounts s on s.id = c2.sender_account_id
          where s.kind = 'smtp' and s.imap_host is not null ${only}
            and (c2.leased_by is null or c2.leased_by = ${o.owner} or c2.lease_until <= ${o.now.toISOString()}::timestamptz)
          order by c2.last_polled_at nulls first, c2.sender_account_id
          limit ${o.limit}
          for update of c2 skip locked)
        returning c.sender_account_id as "senderAccountId", c.uid_validity as "uidValidity", c.last_uid as "lastUid"`,
  );
}

/** Gives the mailboxes back at once (a worker stopping), so another worker need not wait for expiry. */
export async function releaseMailboxes(db: Pick<Db, "execute">, owner: string, ids?: string[]) {
  const only = ids ? sql`and sender_account_id = any(${sqlArray(ids)}::uuid[])` : sql``;
  await db.execute(
    sql`update mailbox_cursors set leased_by = null, lease_until = null where leased_by = ${owner} ${only}`,
  );
}

/**
 * Moves the cursor after a read (and extends the lease), only while `owner` still holds the
 * mailbox: a worker whose lease ran out mid-read and was taken over must not move the new holder's
 * cursor back.
 */
export async function saveCursor(
  db: Pick<Db, "execute">,
  o: {
    id: string;
    owner: string;
    uidValidity: string;
    lastUid: number;
    now: Date;
    error: string | null;
    leaseUntil: Date;
  },
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update mailbox_cursors set uid_validity = ${o.uidValidity}, last_uid = ${o.lastUid},
          last_polled_at = ${o.now.toISOString()}::timestamptz, last_error = ${o.error},
          lease_until = greatest(lease_until, ${o.leaseUntil.toISOString()}::timestamptz)
        where sender_account_id = ${o.id}::uuid and leased_by = ${o.owner}
        returning sender_account_id as id`,
  );
  return rows.length > 0;
}

/** A read that failed: says why on the mailbox, and leaves the cursor where it was. */
export async function saveMailboxError(
  db: Pick<Db, "execute">,
  o: { id: string; owner: string; now: Date; error: string },
) {
  await db.execute(
    sql`update mailbox_cursors set last_polled_at = ${o.now.toISOString()}::timestamptz, last_error = ${o.error}
        where sender_account_id = ${o.id}::uuid and leased_by = ${o.owner}`,
  );
}

/** The cursor of a mailbox `owner` holds now, or null once it no longer does. */
export async function heldCursor(db: Pick<Db, "execute">, id: string, owner: string, now: Date) {
  const [row] = await queryRows<LeasedMailbox>(
    db,
    sql`select sender_account_id as "senderAccountId", uid_validity as "uidValidity", last_uid as "lastUid"
        from mailbox_cursors
        where sender_account_id = ${id}::uuid and leased_by = ${owner} and lease_until > ${now.toISOString()}::timestamptz`,
  );
  return row ?? null;
}
