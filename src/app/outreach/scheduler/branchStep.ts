import { type StepPath, takeBranch } from "../../../domain/sequence/branchDecision";
import { atBranchPoint, branchFacts, nextDueOnPath } from "../../../domain/sequence/branchPlan";
import type { LeadReach } from "../../../domain/sequence/sequenceEngine";
import type { WindowCache } from "../../../domain/schedule/sendingWindow";
import * as q from "../../../db/queries/sendClaims";
import type { sequenceSteps } from "../../../db/schema";
import { stepsOf } from "../sequences";
import { groupBy } from "./schedulerShared";

/** What the branch question answers for one due enrollment. */
export type BranchOutcome =
  | { kind: "defer"; at: Date; reason: string }
  /** The path is decided now: the enrollment goes on with that path's steps, due at `due` (null: now, or none reaches the lead). */
  | { kind: "taken"; path: StepPath; reason: string; due: { at: Date } | null };

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());
const questionWords: Record<string, string> = {
  opened: "opens the email",
  clicked: "clicks a link",
  invite_accepted: "accepts the LinkedIn invitation",
  verified_email: "has a verified email",
};

/**
 * For the due enrollments whose next step is the first of a path (past the shared steps, path not
 * decided): reads their facts for the whole batch (opens and clicks of their messages, LinkedIn
 * acceptance, email status) and asks `takeBranch`. Undecided: the enrollment waits for the answer's
 * deadline (an open or click brings it forward, see tracking). Decided: the path's first step, with
 * its delay counted from the last shared step, is due now or later.
 */
export async function decideBranches(
  tx: Parameters<typeof q.branchMessages>[0],
  now: Date,
  due: q.DueRow[],
  info: (e: q.DueRow) => {
    steps: (typeof sequenceSteps.$inferSelect)[];
    reach: LeadReach;
    emailStatus: string | null;
    cache: WindowCache;
    stopped: boolean;
  } | null,
): Promise<Map<string, BranchOutcome>> {
  const asking = due.filter((e) => {
    const i = info(e);
    return (
      !!i &&
      !i.stopped &&
      atBranchPoint(stepsOf(i.steps), e.branch, e.branch_path, e.last_step_index, i.reach)
    );
  });
  const out = new Map<string, BranchOutcome>();
  if (!asking.length) return out;
  const messages = groupBy(
    await q.branchMessages(
      tx,
      asking.map((e) => e.id),
    ),
    (m) => m.enrollment_id,
  );
  const accepted = await q.invitesAccepted(tx, [...new Set(asking.map((e) => e.lead_id))]);
  for (const e of asking) {
    const i = info(e)!;
    const branch = e.branch!;
    const { lastSharedSentAt, facts } = branchFacts(
      (messages.get(e.id) ?? []).map((m) => ({
        status: m.status,
        sentAt: ms(m.sent_at),
        firstOpenedAt: ms(m.first_opened_at),
        firstClickedAt: ms(m.first_clicked_at),
      })),
      ms(e.enrolled_at)!,
      ms(accepted.get(e.lead_id) ?? null),
      i.emailStatus,
    );
    const answer = takeBranch(branch, facts, lastSharedSentAt, now.getTime());
    if (!answer.decided) {
      out.set(e.id, {
        kind: "defer",
        at: new Date(answer.decideAt),
        reason: `waiting to see whether the lead ${questionWords[branch.on]} (within ${branch.withinDays} days)`,
      });
      continue;
    }
    const next = nextDueOnPath(
      stepsOf(i.steps),
      branch,
      answer.path,
      e.last_step_index,
      i.reach,
      false,
      lastSharedSentAt,
      e.zone,
      i.cache,
    );
    out.set(e.id, {
      kind: "taken",
      path: answer.path,
      reason: answer.reason,
      due: next.done ? null : { at: new Date(next.at) },
    });
  }
  return out;
}
