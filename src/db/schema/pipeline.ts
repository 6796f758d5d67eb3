import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const wsRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

/**
 * How many leads of a workspace are in each status, as signed deltas appended by statement-level
 * triggers on `leads` (migration 0007): the count of a status is the sum of its rows. Appending
 * (instead of updating one counter row per status) means concurrent status changes never wait on,
 * or deadlock over, the same hot rows; `compactStatusCounts` folds the rows back to one per status.
 */
export const leadStatusDeltas = pgTable(
  "lead_status_deltas",
  {
    workspaceId: wsRef(),
    status: text("status").notNull(),
    delta: integer("delta").notNull(),
  },
  (t) => [index("lead_status_deltas_ws").on(t.workspaceId, t.status)],
);

export const webhookEvents = [
  "lead.replied",
  "lead.bounced",
  "lead.unsubscribed",
  "lead.status_changed",
  "message.sent",
  "message.opened",
  "message.clicked",
  "sender.paused",
] as const;

/** An outbound webhook: a workspace's URL that receives signed events. */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  workspaceId: wsRef(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  events: jsonb("events").$type<string[]>().notNull(),
  /** The signing secret, encrypted with SECRET_KEY (it must be read back to sign). */
  secretEnc: text("secret_enc").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/**
 * The outbox: one row per event per webhook, written by triggers in the same transaction as the
 * change it reports (so an event is never lost nor reported for a change that rolled back), then
 * delivered with retries and backoff.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** '-infinity' = due at once, whatever the clocks of the database and the workers say. */
    nextAttemptAt: ts("next_attempt_at")
      .notNull()
      .default(sql`'-infinity'`),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_webhook").on(t.webhookId, t.createdAt),
  ],
);

/**
 * Provider-backed work, metered per workspace and run: LLM calls (tokens, cost), company-site reads
 * for enrichment, email verification probes. Sends are counted from the messages themselves.
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    runId: uuid("run_id"),
    kind: text("kind", { enum: ["llm", "enrichment", "verification"] }).notNull(),
    quantity: integer("quantity").notNull().default(1),
    tokens: integer("tokens").notNull().default(0),
    costUsd: doublePrecision("cost_usd").notNull().default(0),
    at: ts("at").notNull(),
  },
  (t) => [index("usage_events_ws_at").on(t.workspaceId, t.at)],
);

/** A workspace's connection to another product (PlusVibe; the LinkedIn provider later): settings and an encrypted key. */
export const integrations = pgTable(
  "integrations",
  {
    workspaceId: wsRef(),
    kind: text("kind", { enum: ["plusvibe", "unipile"] }).notNull(),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    secretEnc: text("secret_enc").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind] })],
);
