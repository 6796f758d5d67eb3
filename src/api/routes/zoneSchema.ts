import { z } from "zod";
import { zoneConfidences, zoneSources } from "../../domain/schedule/zoneTypes";

export const inferredZoneSchema = z
  .object({
    zone: z.string().meta({ example: "America/Los_Angeles" }),
    source: z.enum(zoneSources),
    confidence: z.enum(zoneConfidences),
    explanation: z.string().meta({ example: "phone +1 415 555 0100: the number's region in United States" }),
  })
  .meta({ description: "The zone a lead's sends are scheduled in, where it came from, and how sure it is" });
