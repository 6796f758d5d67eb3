import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { actorForCli } from "../app/auth/cliActor";
import { boot } from "../app/boot";
import { importLeads } from "../app/imports/importLeads";
import { formatOf, readRows } from "../app/imports/readSpreadsheet";
import { createImportRecord } from "../app/imports/uploads";
import { findOrCreateList } from "../app/lists/lists";
import { progressBar } from "./progressBar";

export function importCommand(program: Command) {
  program
    .command("import")
    .description("import leads from a CSV or XLSX file into a list (created if missing)")
    .argument("<file>", "CSV or XLSX file")
    .requiredOption("--list <name>", "list to add the leads to")
    .option("--workspace <id-or-name>", "workspace (needed when there is more than one)")
    .option("--json", "print the report as JSON")
    .action(async (file: string, o: { list: string; workspace?: string; json?: boolean }) => {
      const ctx = await boot();
      try {
        const actor = await actorForCli(ctx, o.workspace);
        const list = await findOrCreateList(ctx, actor, o.list, "import");
        const size = statSync(file).size;
        let read = 0;
        const format = formatOf(file);
        const record = await createImportRecord(ctx, actor, {
          fileName: path.basename(file),
          format,
          listId: list.id,
          sizeBytes: size,
        });
        const stream = createReadStream(file, { highWaterMark: 1 << 20 });
        stream.on("data", (c) => (read += c.length));
        const bar = !o.json && process.stderr.isTTY ? progressBar(process.stderr) : null;
        const { report } = await importLeads(ctx, actor, {
          rows: readRows(format, stream),
          listId: list.id,
          importId: record.id,
          fileName: path.basename(file),
          onProgress: (r) => bar?.update(read / size, `${r.totalRows.toLocaleString()} rows`),
        });
        bar?.done();
        if (o.json) console.log(JSON.stringify({ list: { id: list.id, name: list.name }, ...report }));
        else {
          console.log(
            `Imported into "${list.name}": ${report.added} added, ${report.updated} updated, ${report.duplicates} duplicates skipped, ${report.invalid} invalid (of ${report.totalRows} rows).`,
          );
          for (const r of report.invalidRows.slice(0, 20)) console.log(`  line ${r.line}: ${r.reason}`);
          if (report.invalid > 20)
            console.log(`  … and ${report.invalid - 20} more invalid rows (use --json for the full list)`);
        }
      } finally {
        await ctx.shutdown();
      }
    });
}
