import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users, workspaces } from "./workspaces";

export const leadSources = ["import", "manual", "discovery", "clue"] as const;

/** One person in a workspace. Identity: normalised LinkedIn key, else normalised email (both unique). */
export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    emailStatus: text("email_status"),
    company: text("company"),
    companyDomain: text("company_domain"),
    jobTitle: text("job_title"),
    headline: text("headline"),
    linkedinUrl: text("linkedin_url"),
    linkedinKey: text("linkedin_key"),
    phone: text("phone"),
    location: text("location"),
    timezone: text("timezone"),
    industry: text("industry"),
    companySize: text("company_size"),
    seniority: text("seniority"),
    status: text("status").notNull().default("new"),
    customFields: jsonb("custom_fields").$type<Record<string, string>>().notNull().default({}),
    enrichment: jsonb("enrichment").$type<Record<string, unknown>>().notNull().default({}),
    opens: integer("opens").notNull().default(0),
    // The latest completed website audit (seed 004's Grade and Top issue columns, "View audit").
    auditId: uuid("audit_id"),
    auditGrade: text("audit_grade"),
    auditTopIssue: text("audit_top_issue"),
    sourceImportId: uuid("source_import_id"),
    // The file row it came from: a later row of the same import naming this person is its duplicate.
    sourceLine: integer("source_line"),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // What the search box matches (trigram index: fragments, not just prefixes), folded by
    // overture_fold (migration 0015): lower case, accents off.
    searchText: text("search_text").generatedAlwaysAs(
      sql`overture_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(location, '') || ' ' || coalesce(email, ''))`,
    ),
  },
  (t) => [
    uniqueIndex("leads_ws_linkedin_key")
      .on(t.workspaceId, t.linkedinKey)
      .where(sql`linkedin_key is not null`),
    uniqueIndex("leads_ws_email")
      .on(t.workspaceId, t.email)
      .where(sql`email is not null`),
    index("leads_ws_created").on(t.workspaceId, t.createdAt, t.id),
    index("leads_ws_status_created").on(t.workspaceId, t.status, t.createdAt, t.id),
    // Sorting by text uses coalesce(col, '') so keyset cursors never meet NULLs; the indexes match.
    index("leads_ws_last_name").on(t.workspaceId, sql`coalesce(last_name, '')`, t.id),
    index("leads_ws_company").on(t.workspaceId, sql`coalesce(company, '')`, t.id),
    index("leads_search_trgm").using("gin", sql`search_text gin_trgm_ops`),
  ],
);

export const lists = pgTable(
  "lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    source: text("source", { enum: leadSources }).notNull().default("manual"),
    description: text("description").notNull().default(""),
    /** Kept by statement-level triggers on list_members (migration 0015), never counted per request. */
    leadCount: integer("lead_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lists_ws_name").on(t.workspaceId, sql`lower(${t.name})`)],
);

/**
 * Lists are memberships: a lead can be in many lists; duplicating a list copies these rows.
 * No foreign keys (a per-row check and lock, the largest cost of a large import after the search
 * index): statement-level triggers on leads and lists delete the memberships instead (0015).
 */
export const listMembers = pgTable(
  "list_members",
  {
    listId: uuid("list_id").notNull(),
    leadId: uuid("lead_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.leadId] }), index("list_members_lead").on(t.leadId)],
);

/** The lead timeline: every change with who/what, when and why. */
export const leadEvents = pgTable(
  "lead_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    actor: text("actor").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lead_events_lead").on(t.leadId, t.id)],
);

export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    listId: uuid("list_id").references(() => lists.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    sizeBytes: integer("size_bytes").notNull().default(0),
    rowEstimate: integer("row_estimate").notNull().default(0),
    status: text("status", { enum: ["uploaded", "queued", "running", "done", "failed"] })
      .notNull()
      .default("uploaded"),
    mapping: jsonb("mapping"),
    /** The header row the preview read, so starting the import reads nothing again. */
    headers: jsonb("headers").$type<string[]>(),
    /** Encoding and delimiter as chosen by the person (null: detected). */
    readOptions: jsonb("read_options").$type<{ encoding?: string | null; delimiter?: string | null }>(),
    report: jsonb("report"),
    jobId: integer("job_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("imports_ws").on(t.workspaceId, t.createdAt)],
);

/**
 * Uploaded files live in the database in chunks, not on a web server's disk, so any worker
 * process can run the import (web and worker processes are stateless).
 */
export const importChunks = pgTable(
  "import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: text("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Rows an import could not take, with the reason, for the "download rejected rows" CSV. */
export const importRejects = pgTable(
  "import_rejects",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    reason: text("reason").notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

export const blocklistEntries = pgTable(
  "blocklist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["domain", "email"] }).notNull(),
    value: text("value").notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("blocklist_ws_kind_value").on(t.workspaceId, t.kind, t.value)],
);
