import { z } from "zod";
import {
  customFieldKeyMaxLength,
  customFieldMaxLength,
  leadFieldMaxLength,
} from "../../domain/leadFieldLimits";
import { leadFieldKeys } from "../../domain/leadFields";
import { leadStatuses } from "../../domain/leadStatus";

export const leadSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  emailStatus: z.string().nullable(),
  company: z.string().nullable(),
  companyDomain: z.string().nullable(),
  jobTitle: z.string().nullable(),
  headline: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  timezone: z.string().nullable(),
  industry: z.string().nullable(),
  companySize: z.string().nullable(),
  seniority: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  customFields: z.record(z.string(), z.string()),
  opens: z.number(),
  auditId: z.string().nullable(),
  auditGrade: z.string().nullable(),
  auditTopIssue: z.string().nullable(),
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const fieldShape = Object.fromEntries(
  leadFieldKeys.map((k) => [k, z.string().max(leadFieldMaxLength[k]).nullable().optional()]),
) as Record<(typeof leadFieldKeys)[number], z.ZodOptional<z.ZodNullable<z.ZodString>>>;

export const leadInputSchema = z.object({
  ...fieldShape,
  customFields: z
    .record(z.string().max(customFieldKeyMaxLength), z.string().max(customFieldMaxLength))
    .optional(),
});
export const leadPatchSchema = leadInputSchema.extend({ status: z.enum(leadStatuses).optional() });

export const leadQuerySchema = z.object({
  search: z.string().max(200).optional(),
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : undefined))
    .pipe(z.array(z.enum(leadStatuses)).optional()),
  listId: z.string().uuid("must be a list id").optional(),
  emailStatus: z.enum(["valid", "risky", "catch_all", "invalid", "unknown", "unverified", "none"]).optional(),
  sort: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(2000).optional(),
});
