import { eq } from "drizzle-orm";
import { z } from "zod";
import { importLeads, type MappingInput } from "../../app/imports/importLeads";
import type { ImportReport } from "../../app/imports/importReport";
import type { ReadChoice } from "../../app/imports/previewImport";
import { openSheet } from "../../app/imports/readSpreadsheet";
import { uploadSource } from "../../app/imports/uploads";
import { imports } from "../../db/schema";
import { isAppError } from "../../domain/appError";
import { defineJob } from "../defineJob";

/** Runs an uploaded import; a retry resumes after the last committed batch (see importLeads). */
export const importLeadsJob = defineJob({
  kind: "leads.import",
  version: 1,
  payload: z.object({ importId: z.string().uuid(), actorLabel: z.string() }),
  maxAttempts: 3,
  async handler(ctx, p, run) {
    const [imp] = await ctx.db.select().from(imports).where(eq(imports.id, p.importId));
    if (!imp) return { skipped: "import deleted" };
    const report = imp.report as ImportReport | null;
    if (report?.done) return report;
    const actor = {
      workspaceId: imp.workspaceId,
      userId: imp.createdBy,
      role: "admin" as const,
      via: "system" as const,
      label: p.actorLabel,
    };
    const total = imp.rowEstimate ? Math.max(imp.rowEstimate - 1, 1) : null;
    await run.progress(report?.totalRows ?? 0, total);
    try {
      return await runImport();
    } catch (e) {
      // A file the importer refuses (too large, not a workbook) fails now, with its reason: retrying cannot help.
      if (!isAppError(e)) throw e;
      await ctx.db
        .update(imports)
        .set({ status: "failed", report: { ...(report ?? {}), error: e.message } })
        .where(eq(imports.id, imp.id));
      return { failed: e.message };
    }
    async function runImport() {
      // Read as the preview read it: the person's choice of encoding and delimiter, else the same detection.
      const { rows, info } = await openSheet(
        imp.format,
        uploadSource(ctx, imp),
        (imp.readOptions ?? {}) as ReadChoice,
      );
      const result = await importLeads(ctx, actor, {
        rows,
        read: { encoding: info.encoding, delimiter: info.delimiter },
        listId: imp.listId,
        importId: imp.id,
        fileName: imp.fileName,
        mapping: imp.mapping as MappingInput[] | null,
        resumeFrom: report,
        signal: run.signal,
        onProgress: (r) => run.progress(r.totalRows, total),
      });
      await run.progress(result.report.totalRows, result.report.totalRows);
      return {
        added: result.report.added,
        updated: result.report.updated,
        duplicates: result.report.duplicates,
        invalid: result.report.invalid,
      };
    }
  },
});
