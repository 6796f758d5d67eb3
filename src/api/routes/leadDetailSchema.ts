import { z } from "zod";
import { inferredZoneSchema } from "./zoneSchema";

export const leadDetailSchemaExtras = {
  enrichment: z.record(z.string(), z.unknown()),
  lists: z.array(z.object({ id: z.string(), name: z.string(), addedAt: z.date() })),
  zone: inferredZoneSchema,
};
