import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { lists } from "./leads";
import { workspaces } from "./workspaces";

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A saved discovery search: the words the user typed, the filters they ran, and how far the
 * background collection got. `cursor` is the provider's paging state, so a restarted job resumes
 * where it stopped instead of fetching the same pages again.
 */
export const discoverySearches = pgTable(
  "discovery_searches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull().default(""),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull(),
    provider: text("provider", { enum: ["sandbox", "linkedin", "sales_navigator"] }).notNull(),
    targetCount: integer("target_count").notNull(),
    found: integer("found").notNull().default(0),
    added: integer("added").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    error: text("error"),
    cursor: text("cursor"),
    listId: uuid("list_id").references(() => lists.id, { onDelete: "set null" }),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (t) => [index("discovery_searches_ws").on(t.workspaceId, t.createdAt)],
);
