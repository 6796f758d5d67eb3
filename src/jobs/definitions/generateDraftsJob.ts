import { z } from "zod";
import { generateDrafts } from "../../app/lab/messageDrafts";
import { defineJob } from "../defineJob";
import { actorFields, jobActor } from "../jobActor";

/** Writes a sequence's Messaging Lab previews in the background, with progress (leads done / total). */
export const generateDraftsJob = defineJob({
  kind: "sequence.generate_drafts",
  version: 1,
  payload: z.object({
    sequenceId: z.string().uuid(),
    leadIds: z.array(z.string().uuid()).max(100_000).optional(),
    mode: z.enum(["missing", "unapproved"]),
    ...actorFields,
  }),
  maxAttempts: 1,
  async handler(ctx, p, run) {
    const actor = jobActor(run.workspaceId!, p);
    return generateDrafts(ctx, actor, p.sequenceId, { leadIds: p.leadIds, mode: p.mode }, (done, total) =>
      run.progress(done, total),
    );
  },
});
