import { z } from "zod";
import { audits, discoverySearches, webhookDeliveries } from "../../db/schema";
import { leadFieldKeys } from "../../domain/leadFields";

/** Response shapes of audits, enrichment, discovery, LinkedIn, PlusVibe, webhooks, usage and analytics. */
const json = z.record(z.string(), z.unknown());

export const auditRunSchema = z.object({
  auditId: z.string(),
  grade: z.enum(["A", "B", "C", "D", "F"]),
  score: z.number(),
  topIssue: z.string().nullable(),
  emailId: z.string(),
});
export const auditSummarySchema = z.object({
  id: z.string(),
  domain: z.string(),
  status: z.enum(audits.status.enumValues),
  grade: z.string().nullable(),
  topIssue: z.string().nullable(),
  createdAt: z.date(),
});
export const auditSchema = auditSummarySchema.extend({
  leadId: z.string().nullable(),
  score: z.number().nullable(),
  result: json.nullable(),
  observations: json.nullable(),
  error: z.string().nullable(),
  completedAt: z.date().nullable(),
});
export const verifyResultSchema = z.object({
  leadId: z.string(),
  email: z.string().nullable(),
  found: z.boolean(),
  status: z.enum(["valid", "risky", "catch_all", "invalid", "unknown"]),
  reasons: z.array(z.string()),
});
export const enrichResultSchema = z.object({
  leadId: z.string(),
  company: z.string(),
  profile: z.string(),
  error: z.string().optional(),
  signals: z.number().optional(),
});

export const discoveryFiltersOut = z.object({
  titles: z.array(z.string()),
  seniority: z.array(z.string()),
  industries: z.array(z.string()),
  locations: z.array(z.string()),
  companySize: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  keywords: z.array(z.string()),
});
export const interpretSchema = z.object({
  filters: discoveryFiltersOut,
  via: z.enum(["llm", "parser"]),
  summary: z.string(),
  note: z.string().nullable(),
});
const provider = z.enum(discoverySearches.provider.enumValues);
const personFields = Object.fromEntries(leadFieldKeys.map((k) => [k, z.string().optional()])) as Record<
  (typeof leadFieldKeys)[number],
  z.ZodOptional<z.ZodString>
>;
export const foundPersonSchema = z.object({
  ...personFields,
  linkedinUrl: z.string(),
  customFields: z.record(z.string(), z.string()).optional(),
});
export const previewSchema = z.object({
  provider,
  summary: z.string(),
  total: z.number().nullable(),
  people: z.array(foundPersonSchema),
});
export const savedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  filters: discoveryFiltersOut,
  summary: z.string(),
  provider,
  targetCount: z.number(),
  found: z.number(),
  added: z.number(),
  duplicates: z.number(),
  status: z.enum(discoverySearches.status.enumValues),
  error: z.string().nullable(),
  listId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const linkedinLimitsOut = z.object({
  invitesPerDay: z.number(),
  invitesPerWeek: z.number(),
  messagesPerDay: z.number(),
  minGapMinutes: z.number(),
  maxGapMinutes: z.number(),
  workStart: z.string(),
  workEnd: z.string(),
  workDays: z.array(z.number()),
  timezone: z.string(),
  freeAccount: z.boolean(),
  notesPerMonth: z.number(),
});
const check = z.object({ ok: z.boolean(), error: z.string().optional(), campaigns: z.number().optional() });
export const linkedinIntegrationSchema = z.object({
  connected: z.boolean(),
  dsn: z.string().nullable(),
  accountId: z.string().nullable(),
  status: z.string().nullable(),
  pausedReason: z.string().nullable(),
  limits: linkedinLimitsOut.nullable(),
  lastPolledAt: z.string().nullable(),
  webhookUrl: z.string(),
  check: check.optional(),
});
export const withdrawSchema = z.object({ withdrawn: z.boolean(), invitationId: z.string() });

export const plusvibeIntegrationSchema = z.object({
  connected: z.boolean(),
  workspaceId: z.string().nullable(),
  baseUrl: z.string(),
  apiKeySet: z.boolean(),
  webhookUrl: z.string(),
  check: check.optional(),
});
export const plusvibeCampaignSchema = z.object({ id: z.string(), name: z.string(), status: z.string() });
export const plusvibePushSchema = z.object({
  pushed: z.number(),
  partial: z.boolean(),
  warning: z.string().optional(),
  plusvibe: json,
});
export const plusvibeWritebackSchema = z.object({
  leadId: z.string(),
  email: z.string(),
  variables: z.record(z.string(), z.string()),
});
export const plusvibeWebhookSchema = z.object({
  handled: z.boolean(),
  event: z.string().optional(),
  reason: z.string().optional(),
});
const refusal = z.object({ id: z.string(), reason: z.string() });
export const plusvibeCompleteSchema = z.object({
  completed: z.array(z.string()),
  skipped: z.array(refusal),
  failed: z.array(refusal),
});

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.date(),
});
/** The signing secret is shown once, when the webhook is created. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string() });
export const webhookDeliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  payload: json,
  status: z.enum(webhookDeliveries.status.enumValues),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  deliveredAt: z.date().nullable(),
});

export const usageSchema = z.object({
  month: z.string(),
  resetsOn: z.string(),
  totals: z.object({
    llmCostUsd: z.number(),
    llmTokens: z.number(),
    enrichments: z.number(),
    verifications: z.number(),
    emailsSent: z.number(),
    linkedinSent: z.number(),
  }),
  limits: z.object({
    llmCostUsd: z.number().optional(),
    enrichments: z.number().optional(),
    verifications: z.number().optional(),
    emailsSent: z.number().optional(),
  }),
  daily: z.array(
    z.object({ day: z.string(), kind: z.string(), n: z.number(), cost: z.number(), tokens: z.number() }),
  ),
  runs: z.array(
    z.object({
      runId: z.string(),
      name: z.string(),
      llmCostUsd: z.number(),
      llmTokens: z.number(),
      sends: z.number(),
    }),
  ),
});

const counts = {
  sent: z.number(),
  opened: z.number(),
  clicked: z.number(),
  replied: z.number(),
  positive: z.number(),
  bounced: z.number(),
  unsubscribed: z.number(),
  /** Sent LinkedIn steps that reached only the sandbox (no LinkedIn account connected): not delivered. */
  sandboxed: z.number(),
};
const countsWithRates = z.object({
  ...counts,
  delivered: z.number(),
  rates: z.object({
    delivered: z.number(),
    opened: z.number(),
    clicked: z.number(),
    replied: z.number(),
    positive: z.number(),
    bounced: z.number(),
    unsubscribed: z.number(),
  }),
});
export const analyticsSchema = z.object({
  days: z.number(),
  timezone: z.string(),
  totals: countsWithRates,
  sequences: z.array(
    z.object({ counts: countsWithRates, sequenceId: z.string(), name: z.string(), runId: z.string() }),
  ),
  steps: z.array(
    z.object({
      counts: countsWithRates,
      sequenceId: z.string(),
      sequenceName: z.string(),
      stepIndex: z.number(),
      channel: z.string(),
    }),
  ),
  daily: z.array(z.object({ ...counts, day: z.string() })),
  senders: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      fromEmail: z.string(),
      sent: z.number(),
      bounced: z.number(),
      replied: z.number(),
      bounceRate: z.number(),
      replyRate: z.number(),
      sentLast24h: z.number(),
      dailyCap: z.number(),
      warning: z.string().nullable(),
    }),
  ),
});

export const pipelineSchema = z.object({
  total: z.number(),
  email: z.object({
    total: z.number(),
    sent: z.number(),
    sendRate: z.number(),
    byStatus: z.record(z.string(), z.number()),
  }),
  funnel: z.array(z.object({ key: z.string(), label: z.string(), count: z.number(), pct: z.number() })),
  stages: z.array(z.object({ status: z.string(), label: z.string(), count: z.number(), pct: z.number() })),
});
export const stageLeadSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  updatedAt: z.string(),
});
