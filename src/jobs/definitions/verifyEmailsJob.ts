import { z } from "zod";
import { verifyLeadEmail } from "../../app/verification/verifyEmail";
import { defineJob } from "../defineJob";
import { actorFields, jobActor } from "../jobActor";

/**
 * Verifies (or finds) leads' emails in the background with progress. A few probes run at once, and
 * each mail domain is paced (VERIFY_DOMAIN_INTERVAL_MS), so a list of one company's people goes
 * slowly on purpose while a list of many companies goes in parallel.
 */
export const verifyEmailsJob = defineJob({
  kind: "leads.verify_emails",
  version: 1,
  payload: z.object({
    leadIds: z.array(z.string().uuid()).max(100_000),
    ...actorFields,
  }),
  maxAttempts: 1,
  async handler(ctx, p, run) {
    const actor = jobActor(run.workspaceId!, p);
    const queue = [...p.leadIds];
    const counts: Record<string, number> = {};
    let done = 0;
    await run.progress(0, queue.length);
    await Promise.all(
      Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let id = queue.shift(); id && !run.signal.aborted; id = queue.shift()) {
          const status = await verifyLeadEmail(ctx, actor, id).then(
            (r) => r.status,
            () => "error",
          );
          counts[status] = (counts[status] ?? 0) + 1;
          await run.progress(++done, p.leadIds.length);
        }
      }),
    );
    return counts;
  },
});
