import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Branch } from "../../domain/sequence/branchDecision";
import { leads, lists } from "./leads";
import type { StepVariant } from "../../domain/sequence/stepVariants";
import { workspaces } from "./workspaces";

/** A tracking domain's last check: which domain, against which Overture host, and what was found. */
export type TrackingCheck = {
  domain: string;
  target: string;
  result: "pass" | "fail";
  message: string;
  evidence: string;
  checkedAt: string;
  checkedBy: string;
};

const ts = (name: string) => timestamp(name, { withTimezone: true });
const wsRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

/** A workspace's own plays; the built-in library lives in code (src/domain/plays). */
export const plays = pgTable("plays", {
  id: uuid("id").primaryKey().defaultRandom(),
  workspaceId: wsRef(),
  name: text("name").notNull(),
  definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    name: text("name").notNull(),
    playKey: text("play_key").notNull(),
    status: text("status", { enum: ["draft", "active", "paused", "completed"] })
      .notNull()
      .default("draft"),
    createdAt: ts("created_at").notNull().defaultNow(),
    activatedAt: ts("activated_at"),
    /** Archived: hidden from the lists and its sequences stopped; everything it sent is kept. */
    archivedAt: ts("archived_at"),
  },
  (t) => [index("runs_ws").on(t.workspaceId, t.createdAt)],
);

/**
 * Answers already given to a request carrying an Idempotency-Key: a retried or double-clicked
 * create/launch/send gets the first answer instead of doing it again. `response` is null while the
 * first request is still running.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: wsRef(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    response: jsonb("response"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.scope, t.key] })],
);

export const strategyProfiles = pgTable("strategy_profiles", {
  id: uuid("id").primaryKey().defaultRandom(),
  workspaceId: wsRef(),
  name: text("name").notNull(),
  senderName: text("sender_name").notNull().default(""),
  senderCompany: text("sender_company").notNull().default(""),
  offer: text("offer").notNull().default(""),
  proofPoints: jsonb("proof_points").$type<string[]>().notNull().default([]),
  tone: text("tone").notNull().default("friendly"),
  callToAction: text("call_to_action").notNull().default(""),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** Email sender accounts. Passwords are stored encrypted (SecretBox), never in clear. */
export const senderAccounts = pgTable("sender_accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  workspaceId: wsRef(),
  kind: text("kind", { enum: ["sandbox", "smtp"] }).notNull(),
  name: text("name").notNull(),
  fromEmail: text("from_email").notNull(),
  fromName: text("from_name").notNull().default(""),
  smtpHost: text("smtp_host"),
  smtpPort: integer("smtp_port"),
  smtpSecure: boolean("smtp_secure").notNull().default(false),
  smtpUser: text("smtp_user"),
  smtpPasswordEnc: text("smtp_password_enc"),
  imapHost: text("imap_host"),
  imapPort: integer("imap_port"),
  imapSecure: boolean("imap_secure").notNull().default(true),
  imapUser: text("imap_user"),
  imapPasswordEnc: text("imap_password_enc"),
  dailyCap: integer("daily_cap").notNull().default(50),
  minGapSeconds: integer("min_gap_seconds").notNull().default(120),
  jitterSeconds: integer("jitter_seconds").notNull().default(180),
  rampStartCap: integer("ramp_start_cap"),
  rampPerDay: integer("ramp_per_day"),
  /** The DKIM selector the mail provider signs with, for the domain check; null tries the common ones. */
  dkimSelector: text("dkim_selector"),
  /**
   * The sender's own host for links in its mail (open pixel, click and unsubscribe links), a CNAME to
   * Overture's public host. Used only while trackingCheck passed for this very domain.
   */
  trackingDomain: text("tracking_domain"),
  trackingCheck: jsonb("tracking_check").$type<TrackingCheck>(),
  lastSentAt: ts("last_sent_at"),
  /**
   * Set when the sender must not send (its health guard tripped, or a person paused it): its
   * enrollments stay due and wait; clearing it resumes them.
   */
  pausedAt: ts("paused_at"),
  pausedReason: text("paused_reason"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const sequences = pgTable("sequences", {
  id: uuid("id").primaryKey().defaultRandom(),
  workspaceId: wsRef(),
  runId: uuid("run_id")
    .notNull()
    .references(() => runs.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  strategyProfileId: uuid("strategy_profile_id").references(() => strategyProfiles.id, {
    onDelete: "set null",
  }),
  senderAccountId: uuid("sender_account_id").references(() => senderAccounts.id, { onDelete: "set null" }),
  status: text("status", { enum: ["draft", "active", "paused"] })
    .notNull()
    .default("draft"),
  /** Off by default: tracking pixels and rewritten links cost deliverability and some trust. */
  trackOpens: boolean("track_opens").notNull().default(false),
  trackClicks: boolean("track_clicks").notNull().default(false),
  /**
   * "template": every lead gets the steps' templates with merge variables filled (written by a human).
   * "personalised": each lead gets its own message per step from the Messaging Lab, and only an
   * approved one is ever sent.
   */
  messageSource: text("message_source", { enum: ["template", "personalised"] })
    .notNull()
    .default("template"),
  createdAt: ts("created_at").notNull().defaultNow(),
  /** What the launch answered, so a second Launch answers the same instead of "0 leads active". */
  launchResult: jsonb("launch_result").$type<Record<string, number>>(),
  /** Archived: hidden from the lists and stopped; its messages and enrollments are kept. */
  archivedAt: ts("archived_at"),
  /** The sequence's sending calendar: days (0 = Sunday … 6), local hours; null = the workspace's. */
  sendDays: smallint("send_days").array(),
  windowStart: text("window_start"),
  windowEnd: text("window_end"),
  /** No step goes on a public holiday of the lead's country (the country of the lead's zone). */
  skipHolidays: boolean("skip_holidays").notNull().default(false),
  /** After the shared steps, one yes/no question picks each lead's path; null = the steps are linear. */
  branch: jsonb("branch").$type<Branch>(),
});

export const sequenceSources = pgTable(
  "sequence_sources",
  {
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    listId: uuid("list_id")
      .notNull()
      .references(() => lists.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sequenceId, t.listId] })],
);

/**
 * The senders a sequence rotates through, in order (position 0 is also `sequences.sender_account_id`,
 * which the readers of "the sequence's sender" keep using). Each lead gets one when it enters.
 */
export const sequenceSenders = pgTable(
  "sequence_senders",
  {
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    senderAccountId: uuid("sender_account_id")
      .notNull()
      .references(() => senderAccounts.id, { onDelete: "cascade" }),
    workspaceId: wsRef(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sequenceId, t.senderAccountId] }),
    index("sequence_senders_sender").on(t.senderAccountId),
  ],
);

export const sequenceSteps = pgTable(
  "sequence_steps",
  {
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    idx: integer("idx").notNull(),
    channel: text("channel", { enum: ["email", "linkedin_invite", "linkedin_message"] }).notNull(),
    delayDays: integer("delay_days").notNull().default(0),
    condition: text("condition", { enum: ["always", "no_reply"] })
      .notNull()
      .default("no_reply"),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull().default(""),
    /** A/B versions of the step; empty = none. A variant's empty subject or body keeps the step's own. */
    variants: jsonb("variants").$type<StepVariant[]>().notNull().default([]),
    /** Once the reply-rate test names a winner, it goes to every lead that has not had the step yet. */
    autoWinner: boolean("auto_winner").notNull().default(false),
    /** The variant every new lead gets (chosen by a person, or by the test with auto-pick on). */
    winner: text("winner"),
    winnerReason: text("winner_reason"),
    winnerAt: ts("winner_at"),
    /** The branch path this step belongs to; null for a shared step (sent to every lead). */
    path: text("path", { enum: ["yes", "no"] }),
  },
  (t) => [primaryKey({ columns: [t.sequenceId, t.idx] })],
);

/** A lead taken out of one sequence by hand (the Messaging Lab's "Remove"): its lists stay as they are. */
export const sequenceExclusions = pgTable(
  "sequence_exclusions",
  {
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    excludedBy: text("excluded_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sequenceId, t.leadId] })],
);

export const enrollmentStates = [
  "active",
  "paused",
  "replied",
  "completed",
  "bounced",
  "unsubscribed",
  "blocked",
  "failed",
] as const;

/** One lead in one sequence. The rows with state 'active' and a due next_step_at ARE the schedule. */
export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    state: text("state", { enum: enrollmentStates }).notNull().default("active"),
    stateReason: text("state_reason"),
    lastStepIndex: integer("last_step_index"),
    nextStepIndex: integer("next_step_index"),
    nextStepAt: ts("next_step_at"),
    /**
     * Which attempt of the next step the claim makes: 1, or more once a temporary bounce had the step
     * scheduled again. Only the bounce handling raises it; the claim copies it onto the message.
     */
    stepAttempt: smallint("step_attempt").notNull().default(1),
    /** The sender this lead was given when it entered (null: no email step, or the sequence's first). */
    senderAccountId: uuid("sender_account_id").references(() => senderAccounts.id, { onDelete: "set null" }),
    zone: text("zone").notNull(),
    zoneSource: text("zone_source").notNull(),
    // How sure the inference was (exact / likely / guess) and what it read, shown next to send times.
    zoneConfidence: text("zone_confidence", { enum: ["exact", "likely", "guess"] })
      .notNull()
      .default("guess"),
    zoneExplanation: text("zone_explanation"),
    pausedUntil: ts("paused_until"),
    /** The branch path this lead took (decided by the scheduler), null until then or without a branch. */
    branchPath: text("branch_path", { enum: ["yes", "no"] }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enrollments_sequence_lead").on(t.sequenceId, t.leadId),
    index("enrollments_due")
      .on(t.nextStepAt)
      .where(sql`state = 'active'`),
    index("enrollments_lead").on(t.leadId),
  ],
);

/**
 * One attempt of one step for one lead. (enrollment_id, step_index, attempt) is unique: the key that
 * makes a second send of the same attempt impossible, whatever crashes; a further attempt exists only
 * when a temporary bounce had the enrollment's `step_attempt` raised. 'sending' rows older than the send lease become
 * 'uncertain' and wait for a human.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    senderAccountId: uuid("sender_account_id"),
    stepIndex: integer("step_index").notNull(),
    attempt: smallint("attempt").notNull().default(1),
    channel: text("channel").notNull(),
    status: text("status", { enum: ["sending", "sent", "failed", "uncertain", "skipped"] }).notNull(),
    toAddress: text("to_address"),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull().default(""),
    messageId: text("message_id"),
    inReplyTo: text("in_reply_to"),
    error: text("error"),
    claimedAt: ts("claimed_at").notNull(),
    /** Set (and committed) right before the channel is called: a claim without it was certainly never sent. */
    attemptedAt: ts("attempted_at"),
    sentAt: ts("sent_at"),
    openCount: integer("open_count").notNull().default(0),
    firstOpenedAt: ts("first_opened_at"),
    clickCount: integer("click_count").notNull().default(0),
    firstClickedAt: ts("first_clicked_at"),
    /** Set when a delivery report about this message came back (see BounceClass). */
    bounceClass: text("bounce_class"),
    bouncedAt: ts("bounced_at"),
    complainedAt: ts("complained_at"),
    /** A LinkedIn step "sent" with no LinkedIn account: it only reached the sandbox mailbox, nobody on LinkedIn. */
    sandbox: boolean("sandbox").notNull().default(false),
    /** The A/B variant of the step this message carried (null: the step has none). */
    variant: text("variant"),
  },
  (t) => [
    uniqueIndex("messages_enrollment_step_attempt").on(t.enrollmentId, t.stepIndex, t.attempt),
    index("messages_lead").on(t.leadId),
    index("messages_sending")
      .on(t.claimedAt)
      .where(sql`status = 'sending'`),
    index("messages_message_id").on(t.messageId),
    // LinkedIn budgets count an account's recent actions on every claim.
    index("messages_linkedin_recent")
      .on(t.workspaceId, t.claimedAt)
      .where(sql`channel <> 'email'`),
    // The per-domain and workspace daily limits count the last 24 h of email on every claim.
    index("messages_email_recent")
      .on(t.workspaceId, t.claimedAt)
      .where(sql`channel = 'email'`),
    // Sender health reads a sender's most recent sends; bounces without references find the last
    // message sent to an address.
    index("messages_sender_sent")
      .on(t.senderAccountId, t.sentAt)
      .where(sql`status = 'sent'`),
    // ... and the sends its SMTP server refused at once, which count as bounces.
    index("messages_sender_refused")
      .on(t.senderAccountId, t.attemptedAt)
      .where(sql`status = 'failed' AND bounce_class IS NOT NULL`),
    index("messages_to_address").on(t.workspaceId, t.toAddress),
  ],
);

export const suppressions = pgTable(
  "suppressions",
  {
    workspaceId: wsRef(),
    email: text("email").notNull(),
    reason: text("reason").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.email] })],
);

export const inboundKinds = [
  "human_reply",
  "auto_reply",
  "bounce",
  "complaint",
  "notice",
  "own_copy",
] as const;

export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id").references(() => enrollments.id, { onDelete: "set null" }),
    channel: text("channel").notNull(),
    kind: text("kind", { enum: inboundKinds }).notNull(),
    fromAddress: text("from_address"),
    subject: text("subject").notNull().default(""),
    text: text("text").notNull().default(""),
    messageId: text("message_id"),
    inReplyTo: text("in_reply_to"),
    receivedAt: ts("received_at").notNull(),
    /** Unified inbox state: read by someone, the suggested and the chosen classification. */
    readAt: ts("read_at"),
    suggestedClassification: text("suggested_classification"),
    classification: text("classification"),
    classifiedBy: text("classified_by"),
    /** Delivery reports: the class, RFC 3463 status, diagnostic, reporting MTA and failed address. */
    bounceClass: text("bounce_class"),
    bounceStatus: text("bounce_status"),
    bounceDiagnostic: text("bounce_diagnostic"),
    reportingMta: text("reporting_mta"),
    bouncedRecipient: text("bounced_recipient"),
    /** How the message was tied to a lead: reference (our Message-ID), recipient, sender; null = unmatched. */
    matchedBy: text("matched_by"),
    /** The mailbox it was read from, when it came over IMAP. */
    senderAccountId: uuid("sender_account_id").references(() => senderAccounts.id, { onDelete: "set null" }),
  },
  (t) => [
    index("inbound_lead").on(t.leadId, t.receivedAt),
    index("inbound_ws_received").on(t.workspaceId, t.receivedAt),
    // Recording is idempotent: a message read twice (two workers, a UIDVALIDITY reset) is one row.
    uniqueIndex("inbound_messages_ws_message_id").on(t.workspaceId, t.messageId),
    index("inbound_unmatched")
      .on(t.workspaceId, t.receivedAt)
      .where(sql`lead_id is null`),
  ],
);

/** A message written by a person in the unified inbox, sent in the conversation's channel and thread. */
export const inboxReplies = pgTable(
  "inbox_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    senderAccountId: uuid("sender_account_id").references(() => senderAccounts.id, { onDelete: "set null" }),
    channel: text("channel", { enum: ["email", "linkedin"] }).notNull(),
    toAddress: text("to_address"),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull(),
    messageId: text("message_id").notNull(),
    inReplyTo: text("in_reply_to"),
    status: text("status", { enum: ["sending", "sent", "failed"] }).notNull(),
    error: text("error"),
    actor: text("actor").notNull(),
    createdAt: ts("created_at").notNull(),
    sentAt: ts("sent_at"),
  },
  (t) => [index("inbox_replies_lead").on(t.leadId, t.createdAt)],
);

/**
 * The Messaging Lab: one written message per lead and step of a personalised sequence. A human
 * approves each before it can be sent; an edit after approval needs approval again.
 */
export const messageDrafts = pgTable(
  "message_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: wsRef(),
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    stepIndex: integer("step_index").notNull(),
    channel: text("channel", { enum: ["email", "linkedin_invite", "linkedin_message"] }).notNull(),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull(),
    /** The personalisation hook used and where it came from: { kind, text, source }. */
    hook: jsonb("hook").$type<Record<string, unknown>>().notNull().default({}),
    generator: text("generator", { enum: ["llm", "builtin", "human"] }).notNull(),
    model: text("model"),
    /** { inputTokens, outputTokens, costUsd, attempts } when an LLM was asked. */
    usage: jsonb("usage").$type<Record<string, unknown>>(),
    fallbackReason: text("fallback_reason"),
    status: text("status", { enum: ["draft", "approved"] })
      .notNull()
      .default("draft"),
    edited: boolean("edited").notNull().default(false),
    approvedAt: ts("approved_at"),
    approvedBy: text("approved_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("message_drafts_sequence_lead_step").on(t.sequenceId, t.leadId, t.stepIndex),
    index("message_drafts_lead").on(t.leadId),
  ],
);
