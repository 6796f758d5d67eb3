import { z } from "zod";
import type { AppContext } from "../../app/context";
import { cancelJob, getJob, listJobs } from "../../app/jobs/jobStatus";
import { jobStatuses } from "../../db/schema";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, okSchema } from "../schemas";
import type { Api } from "../server";

export const jobSchema = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  attempts: z.number(),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  result: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
const jobId = z.object({ id: z.coerce.number().int().positive("must be a job id") });

export function jobRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/jobs",
    {
      preHandler: auth,
      schema: {
        tags: ["jobs"],
        summary: "Recent background jobs with progress",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(jobSchema), ...authErrors },
      },
    },
    (req) => listJobs(ctx, actorOf(req), req.query.limit),
  );
  app.get(
    "/api/jobs/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["jobs"],
        summary: "One job: status, progress done/total, result",
        params: jobId,
        response: { 200: jobSchema, ...authErrors },
      },
    },
    (req) => getJob(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/jobs/:id/cancel",
    {
      preHandler: auth,
      schema: {
        tags: ["jobs"],
        summary: "Cancel a job that has not started",
        params: jobId,
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => {
      await cancelJob(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
