import { z } from "zod";

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export const okSchema = z.object({ ok: z.literal(true) });
export const idParam = z.object({ id: z.string().uuid("must be a UUID") });
export const isoDate = z
  .union([z.date(), z.string()])
  .transform((d) => (d instanceof Date ? d.toISOString() : d));
/** Common error responses, documented on every authenticated route. */
export const authErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
