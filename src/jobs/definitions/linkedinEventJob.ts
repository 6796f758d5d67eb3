import { z } from "zod";
import { handleLinkedInEvent } from "../../app/integrations/linkedin";
import { defineJob } from "../defineJob";

/** A LinkedIn provider webhook, processed after the HTTP answer (providers expect a fast 2xx). */
export const linkedinEventJob = defineJob({
  kind: "linkedin.event",
  version: 1,
  payload: z.object({ body: z.record(z.string(), z.unknown()) }),
  maxAttempts: 5,
  handler: (ctx, p, run) => handleLinkedInEvent(ctx, run.workspaceId!, p.body),
});
