import { z } from "zod";
import { branchQuestions } from "../../domain/sequence/branchDecision";
import {
  enrollments,
  inboundMessages,
  messages,
  senderAccounts,
  sequenceSteps,
  sequences,
} from "../../db/schema";

/** Response shapes of plays, profiles, senders and sequences: what the use cases return, nothing more. */
const channel = z.enum(sequenceSteps.channel.enumValues);
/** Raw SQL rows carry a Date on both drivers today; a string is accepted too. Both serialise as ISO text. */
const isoDate = z.union([z.date(), z.string()]);

export const playSchema = z.object({
  key: z.string(),
  builtIn: z.boolean().optional(),
  name: z.string(),
  goal: z.string(),
  category: z.string(),
  relationship: z.string(),
  channels: z.array(z.string()),
  steps: z.array(z.object({ channel, delayDays: z.number(), condition: z.string() })),
  enrichment: z.array(z.string()),
  readinessChecks: z.array(z.string()),
});

export const strategyProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  senderName: z.string(),
  senderCompany: z.string(),
  offer: z.string(),
  proofPoints: z.array(z.string()),
  tone: z.string(),
  callToAction: z.string(),
  createdAt: z.date(),
});

/** Passwords never leave the server: only whether one is set. */
/** A DKIM selector is one DNS label or a few (e.g. "s1" or "2024.mail"); empty means "try the common ones". */
export const dkimSelectorSchema = z
  .string()
  .trim()
  .max(63)
  .regex(
    /^([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*)?$/i,
    "must be a DNS name such as s1 or selector1",
  );

export const senderAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(senderAccounts.kind.enumValues),
  fromEmail: z.string(),
  fromName: z.string(),
  smtpHost: z.string().nullable(),
  smtpPort: z.number().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  hasSmtpPassword: z.boolean(),
  imapHost: z.string().nullable(),
  imapPort: z.number().nullable(),
  imapSecure: z.boolean(),
  imapUser: z.string().nullable(),
  hasImapPassword: z.boolean(),
  dailyCap: z.number(),
  minGapSeconds: z.number(),
  jitterSeconds: z.number(),
  rampStartCap: z.number().nullable(),
  rampPerDay: z.number().nullable(),
  dkimSelector: z
    .string()
    .nullable()
    .describe("the DKIM selector the domain check looks up; null tries the common ones"),
  lastSentAt: z.date().nullable(),
  createdAt: z.date(),
});

export const sandboxMessageSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  channel: z.string(),
  status: z.string(),
  subject: z.string(),
  body: z.string(),
  toAddress: z.string().nullable(),
  sentAt: isoDate.nullable(),
  stepIndex: z.number(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** Set when a delivery report came back about this message (see BounceClass). */
  bounceClass: z.string().nullable(),
  complained: z.boolean(),
  replies: z.number(),
});

export const sequenceSchema = z.object({
  id: z.string(),
  runId: z.string(),
  name: z.string(),
  strategyProfileId: z.string().nullable(),
  senderAccountId: z.string().nullable().describe("The first of senderAccountIds"),
  senderAccountIds: z.array(z.string()).describe("The senders the sequence rotates through, in order"),
  status: z.enum(sequences.status.enumValues),
  trackOpens: z.boolean(),
  trackClicks: z.boolean(),
  messageSource: z.enum(sequences.messageSource.enumValues),
  createdAt: z.date(),
  archivedAt: z.date().nullable(),
  sendDays: z.array(z.number()).nullable(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  skipHolidays: z.boolean(),
  branch: z
    .object({ on: z.enum(branchQuestions), withinDays: z.number() })
    .nullable()
    .describe("After the shared steps, the question that picks each lead's path; null: linear"),
});

export const stepVariantSchema = z.object({
  label: z.string(),
  subject: z.string().optional(),
  body: z.string().optional(),
  weight: z.number(),
});

const variantOutcomes = stepVariantSchema.extend({
  sent: z.number(),
  opened: z.number(),
  clicked: z.number(),
  replied: z.number(),
  positive: z.number(),
  rates: z.object({ opened: z.number(), clicked: z.number(), replied: z.number(), positive: z.number() }),
});

/** One A/B step's variants with their outcomes and the winner test. */
export const variantStepReportSchema = z.object({
  stepIndex: z.number(),
  channel: z.string(),
  autoWinner: z.boolean(),
  winner: z.string().nullable(),
  winnerReason: z.string().nullable(),
  winnerAt: isoDate.nullable(),
  variants: z.array(variantOutcomes),
  verdict: z.object({ winner: z.string().nullable(), pValue: z.number().nullable(), reason: z.string() }),
});

export const sequenceStepSchema = z.object({
  idx: z.number(),
  channel,
  delayDays: z.number(),
  condition: z.enum(sequenceSteps.condition.enumValues),
  subject: z.string(),
  body: z.string(),
  variants: z.array(stepVariantSchema),
  autoWinner: z.boolean(),
  winner: z.string().nullable(),
  winnerReason: z.string().nullable(),
  winnerAt: isoDate.nullable(),
  path: z.enum(["yes", "no"]).nullable().describe("The branch path of the step; null: shared"),
});

export const sequenceDetailSchema = sequenceSchema.extend({
  steps: z.array(sequenceStepSchema),
  listIds: z.array(z.string()),
});

export const launchResultSchema = z.object({
  enrolled: z.number(),
  active: z.number(),
  blocked: z.number(),
  /** Of the blocked: leads set aside by `skipBlocked` for a blocking readiness finding. */
  skipped: z.number(),
  unsubscribed: z.number(),
  unreachable: z.number(),
});

const enrollmentState = z.enum(enrollments.state.enumValues);
const leadRef = {
  enrollmentId: z.string(),
  leadId: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
};

export const sequenceDashboardSchema = z.object({
  sequence: sequenceDetailSchema,
  states: z.record(z.string(), z.number()),
  atStep: z.array(z.object({ step: z.number(), leads: z.number() })),
  sends: z.array(z.object({ step: z.number(), status: z.string(), n: z.number() })),
  upcoming: z.array(
    z.object({
      ...leadRef,
      nextStepIndex: z.number().nullable(),
      nextStepAt: isoDate.nullable(),
      zone: z.string(),
      zoneSource: z.string(),
      branchPath: z
        .enum(["yes", "no"])
        .nullable()
        .describe("The branch path the lead took, null until decided"),
    }),
  ),
  attention: z.array(z.object({ ...leadRef, state: enrollmentState, reason: z.string().nullable() })),
  senders: z
    .array(
      z.object({
        senderAccountId: z.string(),
        name: z.string(),
        fromEmail: z.string(),
        inRotation: z
          .boolean()
          .describe("false: taken out of the rotation, but leads given to it earlier still send from it"),
        paused: z.boolean(),
        sentToday: z.number().describe("Emails this sender sent in the last 24 hours, in every sequence"),
        capToday: z.number().describe("Its daily cap today (after warm-up)"),
        sent: z.number().describe("Emails this sequence sent from it"),
        leads: z.number().describe("Leads of this sequence given to it"),
      }),
    )
    .describe("Volume per sender, in rotation order"),
});

export const sentMessageSchema = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  leadId: z.string(),
  senderAccountId: z.string().nullable(),
  stepIndex: z.number(),
  channel: z.string(),
  status: z.enum(messages.status.enumValues),
  toAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  error: z.string().nullable(),
  claimedAt: z.date(),
  attemptedAt: z.date().nullable(),
  sentAt: z.date().nullable(),
  openCount: z.number(),
  firstOpenedAt: z.date().nullable(),
  clickCount: z.number(),
  firstClickedAt: z.date().nullable(),
});

export const inboundMessageSchema = z.object({
  id: z.string(),
  leadId: z.string().nullable(),
  enrollmentId: z.string().nullable(),
  channel: z.string(),
  kind: z.enum(inboundMessages.kind.enumValues),
  fromAddress: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  receivedAt: z.date(),
  readAt: z.date().nullable(),
  suggestedClassification: z.string().nullable(),
  classification: z.string().nullable(),
  classifiedBy: z.string().nullable(),
});

export const enrollmentSchema = z.object({
  id: z.string(),
  sequenceId: z.string(),
  leadId: z.string(),
  state: enrollmentState,
  stateReason: z.string().nullable(),
  lastStepIndex: z.number().nullable(),
  nextStepIndex: z.number().nullable(),
  nextStepAt: z.date().nullable(),
  zone: z.string(),
  zoneSource: z.string(),
  pausedUntil: z.date().nullable(),
  branchPath: z.enum(["yes", "no"]).nullable().describe("The branch path the lead took, null until decided"),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const leadOutreachSchema = z.object({
  messages: z.array(sentMessageSchema),
  inbound: z.array(inboundMessageSchema),
  enrollments: z.array(enrollmentSchema),
});
