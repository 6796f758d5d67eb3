import { z } from "zod";
import { inboundMessages, messageDrafts, inboxReplies, outreachEmails, sequences } from "../../db/schema";

/** Response shapes of the Messaging Lab drafts, the Emails queue and the Inbox. */
const json = z.record(z.string(), z.unknown());
const draftChannel = z.enum(messageDrafts.channel.enumValues);

export const readinessFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(["blocking", "warning"]),
  message: z.string(),
  leadId: z.string().optional(),
  stepIndex: z.number().optional(),
});

const draftFields = {
  id: z.string(),
  stepIndex: z.number(),
  channel: draftChannel,
  subject: z.string(),
  body: z.string(),
  hook: json,
  generator: z.enum(messageDrafts.generator.enumValues),
  model: z.string().nullable(),
  usage: json.nullable(),
  fallbackReason: z.string().nullable(),
  status: z.enum(messageDrafts.status.enumValues),
  edited: z.boolean(),
  approvedAt: z.date().nullable(),
  approvedBy: z.string().nullable(),
};

export const draftSchema = z.object({
  ...draftFields,
  sequenceId: z.string(),
  leadId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const labSchema = z.object({
  sequence: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(sequences.status.enumValues),
    messageSource: z.enum(sequences.messageSource.enumValues),
    senderAccountId: z.string().nullable(),
    senderAccountIds: z.array(z.string()),
    strategyProfileId: z.string().nullable(),
    steps: z.array(z.object({ idx: z.number(), channel: draftChannel, delayDays: z.number() })),
  }),
  llm: z.object({ provider: z.string(), model: z.string() }).nullable(),
  sequenceFindings: z.array(readinessFindingSchema),
  counts: z.object({
    leads: z.number(),
    ready: z.number(),
    warnings: z.number(),
    blocking: z.number(),
    messages: z.number(),
    approved: z.number(),
  }),
  canLaunch: z.boolean(),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  leads: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      emailStatus: z.string().nullable(),
      company: z.string().nullable(),
      jobTitle: z.string().nullable(),
      state: z.enum(["ready", "warning", "blocking"]),
      findings: z.array(readinessFindingSchema),
      messages: z.array(z.object(draftFields)),
    }),
  ),
});

const emailStatus = z.enum(outreachEmails.status.enumValues);
const writebackStatus = z.enum(outreachEmails.writebackStatus.enumValues);
const leadName = {
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  company: z.string().nullable(),
};

export const outreachEmailSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  auditId: z.string().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  hook: json,
  variables: z.record(z.string(), z.string()),
  generator: z.enum(outreachEmails.generator.enumValues),
  model: z.string().nullable(),
  usage: json.nullable(),
  status: emailStatus,
  writebackStatus,
  senderAccountId: z.string().nullable(),
  messageId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  approvedAt: z.date().nullable(),
  sentAt: z.date().nullable(),
});

export const outreachEmailRowSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  auditId: z.string().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  hook: json,
  status: emailStatus,
  writebackStatus,
  error: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  ...leadName,
});

export const sequenceMessageRowSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  sequenceId: z.string(),
  sequenceName: z.string(),
  stepIndex: z.number(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  hook: json,
  status: z.enum(messageDrafts.status.enumValues),
  edited: z.boolean(),
  generator: z.enum(messageDrafts.generator.enumValues),
  model: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  ...leadName,
});

const inboxChannel = z.enum(["email", "linkedin"]);
const inboundKind = z.enum(inboundMessages.kind.enumValues);

export const conversationSummarySchema = z.object({
  leadId: z.string(),
  channel: inboxChannel,
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  leadStatus: z.string(),
  lastAt: z.string(),
  unread: z.number(),
  messages: z.number(),
  subject: z.string(),
  snippet: z.string(),
  kind: z.string(),
  classification: z.string().nullable(),
  classificationIsSuggestion: z.boolean(),
});

const item = { id: z.string(), at: z.string(), subject: z.string(), text: z.string() };
export const conversationSchema = z.object({
  lead: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    status: z.string(),
    linkedinUrl: z.string().nullable(),
  }),
  channel: inboxChannel,
  items: z.array(
    z.discriminatedUnion("source", [
      z.object({
        ...item,
        direction: z.literal("out"),
        source: z.literal("sequence"),
        status: z.string(),
        stepIndex: z.number(),
      }),
      z.object({
        ...item,
        direction: z.literal("out"),
        source: z.literal("inbox"),
        status: z.string(),
        error: z.string().nullable(),
        by: z.string(),
      }),
      z.object({
        ...item,
        direction: z.literal("in"),
        source: z.literal("prospect"),
        kind: inboundKind,
        classification: z.string().nullable(),
        suggestedClassification: z.string().nullable(),
        classifiedBy: z.string().nullable(),
      }),
    ]),
  ),
});

export const outboundReplySchema = z.object({
  id: z.string(),
  leadId: z.string(),
  senderAccountId: z.string().nullable(),
  channel: z.enum(inboxReplies.channel.enumValues),
  toAddress: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  status: z.enum(inboxReplies.status.enumValues),
  error: z.string().nullable(),
  actor: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
