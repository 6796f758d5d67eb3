import { eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import type { TextEncoding } from "../../domain/imports/detectEncoding";
import { isPreambleRow } from "../../domain/imports/checkImportRow";
import { matchColumns } from "../../domain/imports/matchColumns";
import { leadFieldKeys } from "../../domain/leadFields";
import { imports } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import type { MappingInput } from "./importLeads";
import { openSheet } from "./readSpreadsheet";
import { getImportRow, uploadSource } from "./uploads";

/** What the person chose instead of what was detected; null = detect. */
export type ReadChoice = { encoding?: TextEncoding | null; delimiter?: string | null };

const PREVIEW_ROWS = 20;

/**
 * Header, proposed mapping with sample values, and how the file was read (encoding, delimiter):
 * what the person reviews before importing. Reads only the first rows; a choice of encoding or
 * delimiter is kept on the import, so the import reads the file exactly as this preview showed it,
 * and the header is kept so that starting the import reads nothing again.
 */
export async function previewImport(ctx: AppContext, actor: Actor, id: string, choice?: ReadChoice) {
  const imp = await getImportRow(ctx, actor, id);
  const readOptions = { ...(imp.readOptions ?? {}), ...(choice ?? {}) } as ReadChoice;
  const { info, rows } = await openSheet(imp.format, uploadSource(ctx, imp), readOptions);
  const read: string[][] = [];
  for await (const r of rows) {
    if (!read.length && isPreambleRow(r.cells)) continue;
    if (!r.problem) read.push(r.cells);
    if (read.length > PREVIEW_ROWS) break;
  }
  if (!read.length) throw new AppError("validation", "the file has no rows", { field: "file" });
  const [header, ...samples] = read;
  await ctx.db.update(imports).set({ headers: header!, readOptions }).where(eq(imports.id, imp.id));
  return {
    importId: imp.id,
    fileName: imp.fileName,
    format: imp.format,
    sizeBytes: imp.sizeBytes,
    rowEstimate: imp.format === "csv" ? Math.max(imp.rowEstimate - 1, 0) : null,
    encoding: info.encoding,
    encodingDetected: info.encodingDetected,
    delimiter: info.delimiter,
    headers: header!,
    mapping: matchColumns(header!, samples),
    sampleRows: samples.slice(0, 5),
  };
}

export function validateMapping(mapping: MappingInput[], columns: number) {
  const seen = new Set<string>();
  for (const m of mapping) {
    if (m.index < 0 || m.index >= columns)
      throw new AppError("validation", `mapping refers to column ${m.index + 1}, the file has ${columns}`, {
        field: "mapping",
      });
    const fieldTarget = (leadFieldKeys as readonly string[]).includes(m.target);
    if (!fieldTarget && !["custom", "ignore", "fullName"].includes(m.target))
      throw new AppError("validation", `unknown mapping target "${m.target}"`, { field: "mapping" });
    if (fieldTarget || m.target === "fullName") {
      if (seen.has(m.target))
        throw new AppError("validation", `two columns are mapped to ${m.target}`, { field: "mapping" });
      seen.add(m.target);
    }
  }
}
