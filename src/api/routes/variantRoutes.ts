import { z } from "zod";
import type { AppContext } from "../../app/context";
import { setStepWinner, variantReport } from "../../app/outreach/stepVariantReport";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { variantStepReportSchema } from "./outreachSchemas";

export function variantRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/sequences/:id/variants",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary:
          "A/B steps: each variant's sends, opens, clicks, replies and positive replies, and the winner test",
        description:
          "The test compares the best reply rate with the runner-up (pooled two-proportion z-test, two-sided) once every variant has 100 sends, and names a winner at p < 0.05. A reply counts for a variant when it came after that variant was sent.",
        params: idParam,
        response: { 200: z.array(variantStepReportSchema), ...authErrors },
      },
    },
    (req) => variantReport(ctx, actorOf(req), req.params.id),
  );
  app.put(
    "/api/sequences/:id/steps/:idx/winner",
    {
      preHandler: auth,
      schema: {
        tags: ["sequences"],
        summary:
          "Choose an A/B step's winner (null: split again) or turn auto-pick on or off, also while it runs",
        params: idParam.extend({ idx: z.coerce.number().int().min(1).max(20) }),
        body: z.object({
          winner: z
            .string()
            .regex(/^[A-E]$/)
            .nullable()
            .optional(),
          autoWinner: z.boolean().optional(),
        }),
        response: { 200: variantStepReportSchema, ...authErrors },
      },
    },
    (req) => setStepWinner(ctx, actorOf(req), req.params.id, req.params.idx, req.body),
  );
}
