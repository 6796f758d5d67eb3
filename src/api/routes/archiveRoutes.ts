import { z } from "zod";
import type { AppContext } from "../../app/context";
import {
  archiveRun,
  archiveSequence,
  deleteRun,
  deleteSequence,
  runDeletionPreview,
  sequenceDeletionPreview,
} from "../../app/outreach/archive";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { runSchema } from "./outreachRoutes";
import { sequenceDetailSchema } from "./outreachSchemas";

const counts = z.object({
  sequences: z.number(),
  enrollments: z.number(),
  messages: z.number(),
  drafts: z.number(),
});
const archivedBody = z.object({ archived: z.boolean() });

/** Archive (kept, stopped, hidden) and delete (gone, with the record of what was sent) for runs and sequences. */
export function archiveRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  for (const kind of ["sequences", "runs"] as const) {
    const isSeq = kind === "sequences";
    app.post(
      `/api/${kind}/:id/archive`,
      {
        preHandler: auth,
        schema: {
          tags: [kind],
          summary: isSeq
            ? "Archive (or unarchive) a sequence: it is paused and hidden; its messages, enrollments and analytics are kept"
            : "Archive (or unarchive) a run with its sequences: each is paused and hidden; everything sent is kept",
          params: idParam,
          body: archivedBody,
          response: { 200: isSeq ? sequenceDetailSchema : runSchema, ...authErrors },
        },
      },
      (req) =>
        (isSeq ? archiveSequence : archiveRun)(
          ctx,
          actorOf(req),
          req.params.id,
          req.body.archived,
        ) as Promise<never>,
    );
    app.get(
      `/api/${kind}/:id/deletion`,
      {
        preHandler: auth,
        schema: {
          tags: [kind],
          summary: "What deleting would remove: sequences, enrollments, the record of sent messages, drafts",
          params: idParam,
          response: { 200: counts, ...authErrors },
        },
      },
      (req) => (isSeq ? sequenceDeletionPreview : runDeletionPreview)(ctx, actorOf(req), req.params.id),
    );
    app.delete(
      `/api/${kind}/:id`,
      {
        preHandler: auth,
        schema: {
          tags: [kind],
          summary: isSeq
            ? "Delete a sequence for good: its steps, enrollments, the record of its sent messages and its drafts; replies stay in the Inbox, leads stay"
            : "Delete a run and its sequences for good (see deleting a sequence)",
          params: idParam,
          response: { 200: z.object({ deleted: counts }), ...authErrors },
        },
      },
      (req) => (isSeq ? deleteSequence : deleteRun)(ctx, actorOf(req), req.params.id),
    );
  }
}
