import { and, asc, eq, gt } from "drizzle-orm";
import { rejectedRowsHeader, rawCsvLine } from "../../domain/imports/rejectedRowsCsv";
import { importRejects } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import type { ImportReport } from "./importReport";
import { getImportRow } from "./uploads";

const PAGE = 1000;

/**
 * The rows an import rejected, as a CSV to fix and import again: the file's own header and values
 * (in its own delimiter, so Excel in a `;` locale opens it as it opened the original), then the
 * line in the original file and the reason. Streamed page by page, whatever the number of rows.
 */
export async function* rejectedRowsCsv(
  ctx: AppContext,
  actor: Actor,
  importId: string,
): AsyncGenerator<string> {
  const imp = await getImportRow(ctx, actor, importId);
  const delimiter = (imp.report as ImportReport | null)?.delimiter ?? ",";
  const header = imp.headers ?? [];
  yield "\uFEFF" + rawCsvLine(rejectedRowsHeader(header), delimiter);
  let after = 0;
  for (;;) {
    const page = await ctx.db
      .select()
      .from(importRejects)
      .where(and(eq(importRejects.importId, imp.id), gt(importRejects.line, after)))
      .orderBy(asc(importRejects.line))
      .limit(PAGE);
    if (!page.length) return;
    let out = "";
    for (const r of page) {
      const cells = [...r.cells];
      while (cells.length < header.length) cells.push("");
      out += rawCsvLine(
        [...cells.slice(0, Math.max(header.length, cells.length)), String(r.line), r.reason],
        delimiter,
      );
    }
    yield out;
    after = page[page.length - 1]!.line;
  }
}
