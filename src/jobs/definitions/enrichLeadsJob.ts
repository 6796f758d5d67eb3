import { z } from "zod";
import { enrichLead, type EnrichmentOutcome, SiteReader } from "../../app/enrichment/enrichLead";
import { defineJob } from "../defineJob";
import { actorFields, jobActor } from "../jobActor";

/**
 * Enriches leads in the background, eight at once (each waits on someone's web server), with
 * progress; each company site is read once per run, one request at a time.
 */
export const enrichLeadsJob = defineJob({
  kind: "leads.enrich",
  version: 1,
  payload: z.object({ leadIds: z.array(z.string().uuid()).max(100_000), ...actorFields }),
  maxAttempts: 1,
  async handler(ctx, p, run) {
    const actor = jobActor(run.workspaceId!, p);
    const queue = [...p.leadIds];
    const sites = new SiteReader(ctx, actor.workspaceId);
    const counts: Record<string, number> = {};
    const failed: { leadId: string; error: string }[] = [];
    let done = 0;
    await run.progress(0, queue.length);
    await Promise.all(
      Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let id = queue.shift(); id && !run.signal.aborted; id = queue.shift()) {
          let r: EnrichmentOutcome;
          try {
            r = await enrichLead(ctx, actor, id, sites);
          } catch (e) {
            r = { leadId: id, company: "failed", profile: "skipped", error: (e as Error).message };
          }
          counts[`company_${r.company}`] = (counts[`company_${r.company}`] ?? 0) + 1;
          counts[`profile_${r.profile}`] = (counts[`profile_${r.profile}`] ?? 0) + 1;
          if (r.error && failed.length < 100) failed.push({ leadId: id, error: r.error });
          done++;
          if (done % 10 === 0 || done === p.leadIds.length) await run.progress(done, p.leadIds.length);
        }
      }),
    );
    return { ...counts, failed };
  },
});
