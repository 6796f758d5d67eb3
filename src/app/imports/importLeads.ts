import { eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { checkImportRow, type ImportMapping, isPreambleRow } from "../../domain/imports/checkImportRow";
import { matchColumns } from "../../domain/imports/matchColumns";
import { type BatchRow, writeLeadBatch, writeRejects } from "../../db/queries/leadBatchWrites";
import { imports, leadEvents } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { emptyReport, type ImportReport, mergeReport, pushCapped } from "./importReport";
import type { SheetRow } from "./sheetRow";

export type MappingInput = ImportMapping[number];

export type ImportOptions = {
  rows: AsyncIterable<SheetRow>;
  listId: string | null;
  importId: string | null;
  fileName: string;
  /** How the rows were read, for the report. */
  read?: { encoding: string | null; delimiter: string | null };
  mapping?: MappingInput[] | null;
  resumeFrom?: ImportReport | null;
  batchSize?: number;
  onProgress?: (report: ImportReport) => Promise<void> | void;
  signal?: AbortSignal;
};

const SNIFF_ROWS = 20;
type Reject = { line: number; reason: string; cells: string[] };

/**
 * Streams rows into leads in batches, each batch in its own transaction together with the
 * import's checkpoint and its rejected rows, so a crash loses nothing committed and a retry
 * resumes after the last committed line. Bad rows are reported with their line and reason; they
 * never stop good ones. Memory holds one batch, whatever the size of the file: a row naming a
 * person an earlier batch wrote is found by the database's identity indexes, not by a map of keys.
 */
export async function importLeads(
  ctx: AppContext,
  actor: Actor,
  o: ImportOptions,
): Promise<{ report: ImportReport; mapping: MappingInput[] }> {
  const report: ImportReport = { ...emptyReport(), ...(o.resumeFrom ? structuredClone(o.resumeFrom) : {}) };
  if (o.read) Object.assign(report, o.read);
  const resumeAfter = o.resumeFrom?.committedLine ?? 0;
  const batchSize = o.batchSize ?? 5000;
  let mapping: MappingInput[] | null = o.mapping ?? null;
  let header: string[] | null = null;
  const pending: SheetRow[] = [];
  let batch: BatchRow[] = [];
  let rejects: Reject[] = [];
  // Keys of this batch only: a person named twice within a batch is caught here, across batches
  // by the database (the lead an earlier batch wrote carries its line).
  let keys = new Map<string, number>();
  // What the rows read since the last cut add to the report. It joins the report in the
  // transaction that commits those rows, so the checkpoint saved with `committedLine` always
  // describes exactly the lines up to it, and a resume stays exact.
  let delta = emptyReport();
  let lastLine = 0;
  let cutLine = report.committedLine;
  // One batch is written while the next is read and checked: parsing and the database overlap.
  let inflight: Promise<void> = Promise.resolve();

  const write = async (rows: BatchRow[], bad: Reject[], counted: ImportReport, committedLine: number) => {
    await ctx.db.transaction(async (tx) => {
      // The checkpoint commits with the rows, so a batch lost to a crash before it reached disk is
      // simply redone on resume: no need to wait for each flush.
      await tx.execute(sql`set local synchronous_commit = off`);
      mergeReport(report, counted);
      if (o.importId) await writeRejects(tx, o.importId, bad);
      if (rows.length) {
        const r = await writeLeadBatch(tx, {
          workspaceId: actor.workspaceId,
          listId: o.listId,
          importId: o.importId,
          actor: actor.label,
          now: ctx.clock.now(),
          rows,
        });
        report.added += r.inserted;
        const events = [];
        for (const e of r.existing) {
          if (e.duplicateOfLine !== undefined) {
            report.duplicates++;
            pushCapped(report.duplicateRows, { line: e.line, duplicateOfLine: e.duplicateOfLine });
          } else if (e.addedToList || e.filled.length) {
            report.updated++;
            events.push({
              workspaceId: actor.workspaceId,
              leadId: e.id,
              type: "import_matched",
              actor: actor.label,
              data: {
                importId: o.importId,
                fileName: o.fileName,
                line: e.line,
                filled: e.filled,
                addedToList: e.addedToList,
              },
              createdAt: ctx.clock.now(),
            });
          } else {
            report.duplicates++;
            pushCapped(report.duplicateRows, { line: e.line, existingLeadId: e.id });
          }
        }
        if (events.length) await tx.insert(leadEvents).values(events);
      }
      report.committedLine = committedLine;
      if (o.importId)
        await tx
          .update(imports)
          .set({ report, status: "running", headers: header })
          .where(eq(imports.id, o.importId));
    });
    await o.onProgress?.(report);
  };

  /** Cuts the batch read so far and starts writing it once the previous one is committed. */
  const flush = async () => {
    if (!batch.length && !rejects.length && lastLine <= cutLine) return;
    const rows = batch;
    const bad = rejects;
    const counted = delta;
    batch = [];
    rejects = [];
    keys = new Map();
    delta = emptyReport();
    cutLine = lastLine;
    await inflight;
    inflight = write(rows, bad, counted, cutLine);
    // A failure surfaces at the next flush or at the end; never left unobserved meanwhile.
    inflight.catch(() => undefined);
  };

  const handle = async (row: SheetRow) => {
    lastLine = row.line;
    if (row.line <= resumeAfter) return;
    delta.totalRows++;
    const v = checkImportRow(header!, mapping!, row);
    for (const w of v.warnings) {
      delta.warningCount++;
      pushCapped(delta.warnings, { line: row.line, message: w });
    }
    if (!v.ok) {
      delta.invalid++;
      pushCapped(delta.invalidRows, { line: row.line, reason: v.reason });
      rejects.push({ line: row.line, reason: v.reason, cells: row.cells });
    } else {
      const ks = [v.lead.linkedinKey, v.lead.email ? `em:${v.lead.email}` : undefined].filter(
        (k): k is string => !!k,
      );
      const dupOf = ks.map((k) => keys.get(k)).find((l) => l !== undefined);
      if (dupOf !== undefined) {
        delta.duplicates++;
        pushCapped(delta.duplicateRows, { line: row.line, duplicateOfLine: dupOf });
      } else {
        for (const k of ks) keys.set(k, row.line);
        batch.push({ line: row.line, lead: v.lead });
      }
    }
    if (batch.length + rejects.length >= batchSize) await flush();
  };

  const sniffMapping = async () => {
    mapping = matchColumns(
      header!,
      pending.map((p) => p.cells),
    );
    for (const p of pending.splice(0)) await handle(p);
  };

  try {
    for await (const row of o.rows) {
      if (o.signal?.aborted) {
        // Let the batch being written finish (or fail) first: a retry reads the checkpoint it commits.
        await inflight.catch(() => undefined);
        throw new Error("import interrupted");
      }
      if (!header) {
        if (row.problem)
          throw new AppError("validation", `the header row: ${row.problem}`, { field: "file" });
        if (isPreambleRow(row.cells)) continue;
        header = row.cells;
        continue;
      }
      if (!mapping) {
        pending.push(row);
        if (pending.length >= SNIFF_ROWS) await sniffMapping();
        continue;
      }
      await handle(row);
    }
    if (!header)
      throw new AppError("validation", "the file is empty: it has no header row", { field: "file" });
    if (!mapping) await sniffMapping();
    await flush();
    await inflight;
  } catch (e) {
    // Never leave a batch being written behind a failure: a retry must see its checkpoint.
    await inflight.catch(() => undefined);
    throw e;
  }
  // A large load makes the planner's row estimates stale until autovacuum catches up; the table
  // queries then pick slow plans (measured: 900 ms instead of 4 ms at 1M leads). Refresh them now.
  if (report.added > 10_000) await ctx.db.execute(sql`analyze leads`);
  report.done = true;
  if (o.importId)
    await ctx.db.update(imports).set({ report, status: "done", mapping }).where(eq(imports.id, o.importId));
  return { report, mapping: mapping! };
}
