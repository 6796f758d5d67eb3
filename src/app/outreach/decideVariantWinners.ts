import { and, eq, isNull } from "drizzle-orm";
import { type StepVariant, variantVerdict } from "../../domain/sequence/stepVariants";
import { sequenceSteps } from "../../db/schema";
import { stepsAwaitingWinner, variantCounts } from "../../db/queries/variantQueries";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { AppContext } from "../context";
import { schedulerActor } from "./scheduler/schedulerShared";

/** How often one process re-runs the test for a step: replies arrive over days, not seconds. */
const RECHECK_MS = 5 * 60_000;
const lastChecked = new WeakMap<AppContext["db"], Map<string, number>>();

/**
 * For steps with auto-pick on: once the reply-rate test names a winner, every lead that has not had
 * the step yet gets it. Run by the scheduler before it claims, so the next claim already sends it.
 * The update is conditional on "no winner yet", so a person's choice made meanwhile is kept.
 */
export async function decideVariantWinners(ctx: AppContext) {
  const nowMs = ctx.clock.now().getTime();
  const seen = lastChecked.get(ctx.db) ?? new Map<string, number>();
  lastChecked.set(ctx.db, seen);
  const decided: { sequenceId: string; stepIndex: number; winner: string }[] = [];
  for (const st of await stepsAwaitingWinner(ctx.db)) {
    const key = `${st.sequence_id} ${st.idx}`;
    if (nowMs - (seen.get(key) ?? -Infinity) < RECHECK_MS) continue;
    seen.set(key, nowMs);
    const counts = await variantCounts(ctx.db, st.workspace_id, st.sequence_id, st.idx);
    const verdict = variantVerdict(
      (st.variants as StepVariant[]).map((v) => {
        const c = counts.find((x) => x.variant === v.label);
        return { label: v.label, sent: c?.sent ?? 0, replied: c?.replied ?? 0 };
      }),
    );
    if (!verdict.winner) continue;
    const set = await ctx.db
      .update(sequenceSteps)
      .set({ winner: verdict.winner, winnerReason: verdict.reason, winnerAt: ctx.clock.now() })
      .where(
        and(
          eq(sequenceSteps.sequenceId, st.sequence_id),
          eq(sequenceSteps.idx, st.idx),
          isNull(sequenceSteps.winner),
        ),
      )
      .returning({ idx: sequenceSteps.idx });
    if (!set.length) continue;
    await recordAuditEvent(
      ctx,
      schedulerActor(st.workspace_id),
      "sequence.variant_winner_set",
      st.sequence_id,
      {
        step: st.idx,
        winner: verdict.winner,
        pValue: verdict.pValue,
        reason: verdict.reason,
      },
    );
    decided.push({ sequenceId: st.sequence_id, stepIndex: st.idx, winner: verdict.winner });
  }
  return decided;
}
