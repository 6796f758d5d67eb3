import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { leads } from "./leads";
import { workspaces } from "./workspaces";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const wsRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

/**
 * One website audit of a lead's company site, kept at a stable URL (/audits/<id>). The observations
 * are stored with the result so a report can be re-explained without fetching again.
 */
export const audits = pgTable(
  "audits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    domain: text("domain").notNull(),
    status: text("status", { enum: ["queued", "running", "complete", "failed"] })
      .notNull()
      .default("queued"),
    grade: text("grade"),
    score: integer("score"),
    topIssue: text("top_issue"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    observations: jsonb("observations").$type<Record<string, unknown>>(),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (t) => [index("audits_lead").on(t.leadId, t.createdAt)],
);

/**
 * Outreach emails written for a lead outside a sequence (the audit writeback, or "Generate email"),
 * reviewed in the Emails queue: a human approves each one before it is sent.
 */
export const outreachEmails = pgTable(
  "outreach_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    auditId: uuid("audit_id").references(() => audits.id, { onDelete: "set null" }),
    toAddress: text("to_address"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    hook: jsonb("hook").$type<Record<string, unknown>>().notNull().default({}),
    /** The merge variables the writeback put on the lead with this email (custom_*). */
    variables: jsonb("variables").$type<Record<string, string>>().notNull().default({}),
    generator: text("generator", { enum: ["llm", "builtin"] })
      .notNull()
      .default("builtin"),
    model: text("model"),
    usage: jsonb("usage").$type<Record<string, unknown>>(),
    status: text("status", { enum: ["draft", "approved", "sending", "sent", "failed", "uncertain"] })
      .notNull()
      .default("draft"),
    writebackStatus: text("writeback_status", { enum: ["pending", "written", "failed"] })
      .notNull()
      .default("written"),
    senderAccountId: uuid("sender_account_id"),
    messageId: text("message_id"),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    approvedAt: ts("approved_at"),
    sentAt: ts("sent_at"),
  },
  (t) => [
    index("outreach_emails_ws_created").on(t.workspaceId, t.createdAt),
    index("outreach_emails_lead").on(t.leadId),
  ],
);
