import { sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../client";

type Exec = Pick<Db, "execute">;

/** Replies that count as positive in every report (the same two labels as Analytics). */
export const POSITIVE_LABELS = ["interested", "meeting_booked"];

export type VariantCounts = {
  step_index: number;
  variant: string;
  sent: number;
  opened: number;
  clicked: number;
  replied: number;
  positive: number;
};

/**
 * Per step and variant of one sequence: sends, and how many of those leads opened, clicked, replied
 * (a human reply received after that send, at any later time) and replied positively. A reply after
 * the step is the test's outcome whatever step came next: the leads were split at random, so every
 * later step is the same on both sides.
 */
export function variantCounts(db: Exec, workspaceId: string, sequenceId: string, stepIndex?: number) {
  const replyAfter = (extra: ReturnType<typeof sql>) =>
    sql`exists (select 1 from inbound_messages i where i.enrollment_id = m.enrollment_id
                 and i.kind = 'human_reply' and i.received_at >= m.sent_at ${extra})`;
  return queryRows<VariantCounts>(
    db,
    sql`select m.step_index, m.variant, count(*)::int as sent,
          (count(*) filter (where m.first_opened_at is not null))::int as opened,
          (count(*) filter (where m.first_clicked_at is not null))::int as clicked,
          (count(*) filter (where ${replyAfter(sql``)}))::int as replied,
          (count(*) filter (where ${replyAfter(
            sql`and coalesce(i.classification, i.suggested_classification) = any(${sqlArray(POSITIVE_LABELS)}::text[])`,
          )}))::int as positive
        from messages m join enrollments e on e.id = m.enrollment_id
        where e.workspace_id = ${workspaceId}::uuid and e.sequence_id = ${sequenceId}::uuid
          and m.status = 'sent' and m.variant is not null
          ${stepIndex === undefined ? sql`` : sql`and m.step_index = ${stepIndex}`}
        group by 1, 2 order by 1, 2`,
  );
}

export type AutoWinnerStep = { workspace_id: string; sequence_id: string; idx: number; variants: unknown };

/** Steps waiting for the test to name a winner: auto-pick on, no winner yet, in a live sequence. */
export const stepsAwaitingWinner = (db: Exec) =>
  queryRows<AutoWinnerStep>(
    db,
    sql`select s.workspace_id, st.sequence_id, st.idx, st.variants
        from sequence_steps st join sequences s on s.id = st.sequence_id
        where st.auto_winner and st.winner is null and jsonb_array_length(st.variants) >= 2
          and s.status = 'active' and s.archived_at is null`,
  );
