import { z } from "zod";

/**
 * A workspace's limits on what bounces and complaints may cost before Overture acts by itself.
 * Defaults follow what mailbox providers publish as the edge of good standing: Google and Yahoo ask
 * bulk senders to stay under 0.3% spam complaints; bounce rates above ~5% get senders throttled.
 */
export const deliverabilitySettingsSchema = z.object({
  /** Pause a sender whose permanent + policy bounces exceed this share of its recent sends. */
  bouncePauseRate: z.number().min(0.001).max(1).default(0.05),
  /** Pause a sender whose spam complaints exceed this share of its recent sends. */
  complaintPauseRate: z.number().min(0.0001).max(1).default(0.003),
  /** How many of the sender's most recent sends the rates are computed over. */
  healthWindowSends: z.number().int().min(10).max(10_000).default(200),
  /** Rates over fewer sends than this say too little to pause anyone. */
  healthMinSends: z.number().int().min(1).max(10_000).default(20),
  /** Temporary failures for one lead within `softBounceDays` that end its sequence (address kept). */
  softBounceLimit: z.number().int().min(1).max(20).default(3),
  softBounceDays: z.number().int().min(1).max(60).default(7),
  /**
   * At most this many emails a day (rolling 24 h) to one recipient company domain, across every
   * sender, so one company's mail server never sees a burst from us; free-mail domains are not
   * counted. 0 = no limit.
   */
  perDomainDailyLimit: z.number().int().min(0).max(100_000).default(20),
  /** At most this many emails a day (rolling 24 h) from the whole workspace. 0 = no limit. */
  workspaceDailyLimit: z.number().int().min(0).max(10_000_000).default(0),
});

/** A change to some of the limits: the same checks, no defaults filled in, unknown keys refused. */
export const deliverabilityPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(deliverabilitySettingsSchema.shape).map(([k, v]) => [k, v.unwrap().optional()]),
    ) as {
      [K in keyof typeof deliverabilitySettingsSchema.shape]: z.ZodOptional<
        ReturnType<(typeof deliverabilitySettingsSchema.shape)[K]["unwrap"]>
      >;
    },
  )
  .strict();

export type DeliverabilitySettings = z.infer<typeof deliverabilitySettingsSchema>;

/** Stored settings (possibly partial, possibly from an older version) with every default filled in. */
export function deliverabilitySettings(stored: unknown): DeliverabilitySettings {
  const parsed = deliverabilitySettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : deliverabilitySettingsSchema.parse({});
}
