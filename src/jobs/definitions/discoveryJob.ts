import { z } from "zod";
import { runDiscoverySearch } from "../../app/discovery/discovery";
import { defineJob } from "../defineJob";
import { actorFields, jobActor } from "../jobActor";

/** Fills a saved discovery search's list in the background; a retry continues from the saved cursor. */
export const discoveryJob = defineJob({
  kind: "discovery.run",
  version: 1,
  payload: z.object({ searchId: z.string().uuid(), ...actorFields }),
  maxAttempts: 3,
  handler: (ctx, p, run) =>
    runDiscoverySearch(
      ctx,
      jobActor(run.workspaceId!, p),
      p.searchId,
      (done, total) => run.progress(done, total),
      run.signal,
    ),
});
