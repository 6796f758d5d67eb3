import { jsonb, boolean, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type UsageLimits = {
  llmCostUsd?: number;
  enrichments?: number;
  verifications?: number;
  emailsSent?: number;
};

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("UTC"),
  // The sending window opens at 09:00 in each lead's own zone; these are local wall-clock times.
  windowStart: text("window_start").notNull().default("09:00"),
  windowEnd: text("window_end").notNull().default("17:00"),
  skipWeekends: boolean("skip_weekends").notNull().default(true),
  stopCompanyOnReply: boolean("stop_company_on_reply").notNull().default(false),
  /** Optional monthly limits on provider-backed work (see src/app/usage); an absent key is no limit. */
  usageLimits: jsonb("usage_limits").$type<UsageLimits>().notNull().default({}),
  /** Bounce/complaint thresholds and soft-bounce limits (src/domain/deliverability); {} = defaults. */
  deliverability: jsonb("deliverability").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "admin", "member"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
