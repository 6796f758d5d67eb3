import { and, eq } from "drizzle-orm";
import { calendarWindow, type SequenceCalendar } from "../../domain/schedule/calendarWindow";
import { WindowCache } from "../../domain/schedule/sendingWindow";
import { sequences, workspaces } from "../../db/schema";
import type { AppContext } from "../context";
import { loadHolidayLookup } from "../zones/holidayData";

type WorkspaceWindow = { windowStart: string; windowEnd: string; skipWeekends: boolean };

/** The window cache of a sequence's calendar over its workspace's window (holiday data loaded only if used). */
export async function windowFor(ws: WorkspaceWindow, seq: SequenceCalendar | null): Promise<WindowCache> {
  const holidayOn = seq?.skipHolidays ? await loadHolidayLookup() : null;
  return new WindowCache(calendarWindow(ws, seq, holidayOn));
}

/**
 * The window every instant of one sequence's steps is computed in: launch, pause/resume,
 * out-of-office, bounce retries, the preview. The sequence is read within the workspace.
 */
export async function sequenceWindow(ctx: AppContext, workspaceId: string, sequenceId: string) {
  const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  const [seq] = await ctx.db
    .select()
    .from(sequences)
    .where(and(eq(sequences.id, sequenceId), eq(sequences.workspaceId, workspaceId)));
  return { ws: ws!, cache: await windowFor(ws!, seq ?? null) };
}

/** Memoised per sequence, for a loop over enrollments of several sequences. */
export function sequenceWindows(ctx: AppContext, workspaceId: string) {
  const memo = new Map<string, Promise<WindowCache>>();
  return (sequenceId: string) => {
    let c = memo.get(sequenceId);
    if (!c) {
      c = sequenceWindow(ctx, workspaceId, sequenceId).then((w) => w.cache);
      memo.set(sequenceId, c);
    }
    return c;
  };
}
