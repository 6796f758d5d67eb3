// What `overture import` does; loaded only when the command runs (see main.ts).
import { createReadStream, createWriteStream, statSync } from "node:fs";
import path from "node:path";
import { actorForCli } from "../app/auth/cliActor";
import { boot } from "../app/boot";
import { fileByteSource } from "../app/imports/byteSource";
import { importLeads } from "../app/imports/importLeads";
import { formatOf, openSheet } from "../app/imports/readSpreadsheet";
import { rejectedRowsCsv } from "../app/imports/rejectedRows";
import { createImportRecord } from "../app/imports/uploads";
import { findOrCreateList } from "../app/lists/lists";
import { progressBar } from "./progressBar";
import type { TextEncoding } from "../domain/imports/detectEncoding";

export type ImportOptions = {
  list: string;
  workspace?: string;
  json?: boolean;
  encoding?: TextEncoding;
  delimiter?: string;
  rejected?: string;
};

export async function importAction(file: string, o: ImportOptions) {
  const ctx = await boot({ logToStderr: true });
  try {
    const actor = await actorForCli(ctx, o.workspace);
    const list = await findOrCreateList(ctx, actor, o.list, "import");
    const size = statSync(file).size;
    const head = await fileByteSource(file);
    const format = formatOf(file, await head.read(0, 8));
    let read = 0;
    const record = await createImportRecord(ctx, actor, {
      fileName: path.basename(file),
      format,
      listId: list.id,
      sizeBytes: size,
    });
    const { info, rows } = await openSheet(
      format,
      {
        stream: () => {
          const s = createReadStream(file, { highWaterMark: 1 << 20 });
          s.on("data", (c) => (read += c.length));
          return s;
        },
        bytes: async () => head,
      },
      { encoding: o.encoding, delimiter: o.delimiter },
    );
    const bar = !o.json && process.stderr.isTTY ? progressBar(process.stderr) : null;
    const { report } = await importLeads(ctx, actor, {
      rows,
      read: { encoding: info.encoding, delimiter: info.delimiter },
      listId: list.id,
      importId: record.id,
      fileName: path.basename(file),
      onProgress: (r) => bar?.update(read / size, `${r.totalRows.toLocaleString()} rows`),
    });
    bar?.done();
    await head.close();
    if (o.rejected && report.invalid) {
      const out = createWriteStream(o.rejected);
      for await (const chunk of rejectedRowsCsv(ctx, actor, record.id)) out.write(chunk);
      await new Promise<void>((r) => out.end(r));
    }
    if (o.json) console.log(JSON.stringify({ list: { id: list.id, name: list.name }, ...report }));
    else {
      const how = info.encoding
        ? ` (read as ${info.encoding}, delimiter ${JSON.stringify(info.delimiter)})`
        : "";
      console.log(
        `Imported into "${list.name}"${how}: ${report.added} added, ${report.updated} updated, ${report.duplicates} duplicates skipped, ${report.invalid} rejected, ${report.warningCount} warnings (of ${report.totalRows} rows).`,
      );
      for (const r of report.invalidRows.slice(0, 20)) console.log(`  line ${r.line}: ${r.reason}`);
      if (report.invalid > 20)
        console.log(
          `  … and ${report.invalid - 20} more rejected rows (use --rejected FILE for all of them)`,
        );
      for (const w of report.warnings.slice(0, 10)) console.log(`  line ${w.line} (warning): ${w.message}`);
      if (o.rejected && report.invalid) console.log(`Rejected rows written to ${o.rejected}.`);
    }
  } finally {
    await ctx.shutdown();
  }
}
