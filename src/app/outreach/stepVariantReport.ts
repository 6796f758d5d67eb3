import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { type StepVariant, variantVerdict } from "../../domain/sequence/stepVariants";
import { sequenceSteps } from "../../db/schema";
import { variantCounts } from "../../db/queries/variantQueries";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { Actor, AppContext } from "../context";
import { getSequence } from "./sequences";

const rate = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);

/**
 * Each A/B step of a sequence with its variants' outcomes (sent, opened, clicked, replied, positive)
 * and the winner test's verdict on reply rate, as the step editor and dashboard show them.
 */
export async function variantReport(ctx: AppContext, actor: Actor, sequenceId: string) {
  const seq = await getSequence(ctx, actor, sequenceId);
  const counts = await variantCounts(ctx.db, actor.workspaceId, sequenceId);
  const of = (idx: number, label: string) => counts.find((c) => c.step_index === idx && c.variant === label);
  return seq.steps
    .filter((s) => s.variants.length >= 2)
    .map((s) => {
      const variants = s.variants.map((v) => {
        const c = of(s.idx, v.label);
        const n = { sent: c?.sent ?? 0, opened: c?.opened ?? 0, clicked: c?.clicked ?? 0 };
        const replied = c?.replied ?? 0;
        const positive = c?.positive ?? 0;
        return {
          ...v,
          ...n,
          replied,
          positive,
          rates: {
            opened: rate(n.opened, n.sent),
            clicked: rate(n.clicked, n.sent),
            replied: rate(replied, n.sent),
            positive: rate(positive, n.sent),
          },
        };
      });
      return {
        stepIndex: s.idx,
        channel: s.channel,
        autoWinner: s.autoWinner,
        winner: s.winner,
        winnerReason: s.winnerReason,
        winnerAt: s.winnerAt,
        variants,
        verdict: variantVerdict(variants.map((v) => ({ label: v.label, sent: v.sent, replied: v.replied }))),
      };
    });
}

/**
 * A person picks the winner (or takes it back, so the split resumes), or turns auto-pick on or off.
 * Allowed while the sequence runs: it only changes what leads that have not had the step yet get.
 */
export async function setStepWinner(
  ctx: AppContext,
  actor: Actor,
  sequenceId: string,
  idx: number,
  choice: { winner?: string | null; autoWinner?: boolean },
) {
  const seq = await getSequence(ctx, actor, sequenceId);
  const step = seq.steps.find((s) => s.idx === idx);
  if (!step) throw new AppError("not_found", `the sequence has no step ${idx}`);
  if (step.variants.length < 2)
    throw new AppError("validation", `step ${idx} has no variants to choose from`, { field: "winner" });
  if (choice.winner && !step.variants.some((v: StepVariant) => v.label === choice.winner))
    throw new AppError("validation", `step ${idx} has no variant ${choice.winner}`, { field: "winner" });
  const now = ctx.clock.now();
  const patch: Partial<typeof sequenceSteps.$inferInsert> = {};
  if (choice.autoWinner !== undefined) patch.autoWinner = choice.autoWinner;
  if (choice.winner !== undefined) {
    patch.winner = choice.winner;
    patch.winnerReason = choice.winner ? `chosen by ${actor.label}` : null;
    patch.winnerAt = choice.winner ? now : null;
  }
  if (!Object.keys(patch).length)
    throw new AppError("validation", "nothing to change: give winner or autoWinner");
  await ctx.db
    .update(sequenceSteps)
    .set(patch)
    .where(and(eq(sequenceSteps.sequenceId, sequenceId), eq(sequenceSteps.idx, idx)));
  if (choice.winner !== undefined)
    await recordAuditEvent(ctx, actor, "sequence.variant_winner_set", sequenceId, {
      step: idx,
      winner: choice.winner,
    });
  return (await variantReport(ctx, actor, sequenceId)).find((r) => r.stepIndex === idx)!;
}
