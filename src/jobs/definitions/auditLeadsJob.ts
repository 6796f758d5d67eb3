import { z } from "zod";
import { auditLead } from "../../app/audits/auditLead";
import { defineJob } from "../defineJob";
import { actorFields, jobActor } from "../jobActor";

/**
 * Audits leads' websites in the background, a few at once (each audit waits on someone else's web
 * server), with progress. A lead whose audit fails is reported, not retried forever: its site is down.
 */
export const auditLeadsJob = defineJob({
  kind: "leads.audit",
  version: 1,
  payload: z.object({
    leadIds: z.array(z.string().uuid()).max(10_000),
    ...actorFields,
  }),
  maxAttempts: 1,
  async handler(ctx, p, run) {
    const actor = jobActor(run.workspaceId!, p);
    const queue = [...p.leadIds];
    const results: { leadId: string; grade?: string; error?: string }[] = [];
    await run.progress(0, queue.length);
    await Promise.all(
      Array.from({ length: Math.min(4, queue.length) }, async () => {
        for (let id = queue.shift(); id && !run.signal.aborted; id = queue.shift()) {
          try {
            const r = await auditLead(ctx, actor, id);
            results.push({ leadId: id, grade: r.grade });
          } catch (e) {
            results.push({ leadId: id, error: (e as Error).message });
          }
          await run.progress(results.length, p.leadIds.length);
        }
      }),
    );
    return {
      audited: results.filter((r) => r.grade).length,
      failed: results.filter((r) => r.error),
    };
  },
});
