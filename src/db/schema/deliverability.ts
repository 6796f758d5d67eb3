import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { SenderDomainCheck } from "../../domain/deliverability/senderDomainTypes";
import { senderAccounts } from "./outreach";
import { workspaces } from "./workspaces";

/**
 * The last domain check of each sender (MX, SPF, DKIM, DMARC, reverse DNS) and, when a person chose
 * to launch despite a failing check, who and when. Checking again replaces the row and clears the
 * override: it covered the results it was given for, not the next ones.
 */
export const senderDomainChecks = pgTable("sender_domain_checks", {
  senderAccountId: uuid("sender_account_id")
    .primaryKey()
    .references(() => senderAccounts.id, { onDelete: "cascade" }),
  workspaceId: uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** The domain checked: a sender whose address moved to another domain reads as not checked. */
  domain: text("domain").notNull(),
  smtpHost: text("smtp_host"),
  /** The selector entered when the check ran, null when the common ones were tried. */
  selector: text("selector"),
  results: jsonb("results").$type<SenderDomainCheck[]>().notNull(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  checkedBy: text("checked_by").notNull(),
  overriddenBy: text("overridden_by"),
  overriddenAt: timestamp("overridden_at", { withTimezone: true }),
  overrideReason: text("override_reason"),
});
