import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { senderAccounts } from "./outreach";

/**
 * Where each sender's inbox was last read: IDLE notifications are not reliable enough to count on,
 * so every poll fetches UIDs above `last_uid`, and a UIDVALIDITY change restarts from the top
 * (inbound messages are de-duplicated by Message-ID).
 */
export const mailboxCursors = pgTable("mailbox_cursors", {
  senderAccountId: uuid("sender_account_id")
    .primaryKey()
    .references(() => senderAccounts.id, { onDelete: "cascade" }),
  uidValidity: text("uid_validity").notNull(),
  lastUid: integer("last_uid").notNull().default(0),
  lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
  lastError: text("last_error"),
  /**
   * The worker polling this mailbox (and holding its IDLE watch) until `lease_until`: exactly one
   * at a time; a killed worker's lease runs out and another takes the mailbox over.
   */
  leasedBy: text("leased_by"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
});
