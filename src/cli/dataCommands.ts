import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config";
import { acquireDataDirLock } from "../db/dataDirLock";
import { AppError } from "../domain/appError";

const print = (json: boolean | undefined, doc: object, text: string) =>
  console.log(json ? JSON.stringify(doc) : text);

function embeddedOnly(what: string) {
  if (loadConfig().databaseUrl)
    throw new AppError(
      "validation",
      `${what} works on the embedded database; with DATABASE_URL set, use pg_dump / pg_restore (docs/operations.md)`,
    );
}

/** backup, restore and move-to-postgres: the embedded database's way out of one laptop. */
export function dataCommands(program: Command) {
  program
    .command("backup <file>")
    .description("write a snapshot of the embedded database to FILE (the server must be stopped)")
    .option("--json", "print a JSON object")
    .action(async (file: string, o: { json?: boolean }) => {
      embeddedOnly("backup");
      const { boot } = await import("../app/boot");
      // boot takes the data directory's lock: a running server makes this refuse, never copy a
      // database that is being written.
      const ctx = await boot({ migrate: false, logToStderr: true });
      try {
        const dump = await ctx.dbHandle.pglite!.dumpDataDir("gzip");
        const bytes = Buffer.from(await dump.arrayBuffer());
        writeFileSync(file, bytes);
        print(o.json, { file, bytes: bytes.length }, `Backup written to ${file} (${bytes.length} bytes).`);
      } finally {
        await ctx.shutdown();
      }
    });
  program
    .command("restore <file>")
    .description("replace the embedded database with a backup (the current one is kept aside)")
    .option("--json", "print a JSON object")
    .action(async (file: string, o: { json?: boolean }) => {
      embeddedOnly("restore");
      if (!existsSync(file)) throw new AppError("not_found", `no backup file ${file}`);
      const config = loadConfig();
      const [{ PGlite }, { openDb, pgliteOptions }, { migrate }] = await Promise.all([
        import("@electric-sql/pglite"),
        import("../db/client"),
        import("../db/migrate"),
      ]);
      const lock = acquireDataDirLock(config.dataDir);
      try {
        const dir = path.resolve(config.dataDir, "pglite");
        let keptAside: string | null = null;
        if (existsSync(dir) && readdirSync(dir).length) {
          // Undo is one rename away: nothing of the current database is deleted.
          keptAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
          renameSync(dir, keptAside);
        }
        const db = await PGlite.create(dir, {
          ...pgliteOptions,
          loadDataDir: new Blob([readFileSync(file)]),
        });
        const h = await openDb({ pglite: db });
        const { applied } = await migrate(h.db);
        const ws = await db.query<{ n: number }>("select count(*)::int as n from workspaces");
        await db.close();
        print(
          o.json,
          { restored: file, workspaces: ws.rows[0]!.n, migrated: applied, keptAside },
          `Restored ${file}: ${ws.rows[0]!.n} workspace(s).${keptAside ? ` The previous database is kept in ${keptAside}.` : ""}`,
        );
      } finally {
        lock.release();
      }
    });
  program
    .command("move-to-postgres <databaseUrl>")
    .description("copy everything from the embedded database into an empty PostgreSQL database")
    .option("--json", "print a JSON object")
    .action(async (url: string, o: { json?: boolean }) => {
      embeddedOnly("move-to-postgres");
      if (!/^postgres(ql)?:\/\//.test(url))
        throw new AppError("validation", "the target must be a postgres:// or postgresql:// URL");
      const [{ boot }, { openDb }, { migrate }, { moveToPostgres }] = await Promise.all([
        import("../app/boot"),
        import("../db/client"),
        import("../db/migrate"),
        import("../db/ops/moveToPostgres"),
      ]);
      const ctx = await boot({ logToStderr: true });
      const target = await openDb({ databaseUrl: url, poolSize: 1 });
      try {
        await migrate(target.db);
        const client = await target.pool!.connect();
        try {
          const report = await moveToPostgres(ctx.dbHandle.pglite!, client);
          print(
            o.json,
            report,
            `Copied ${report.rows} rows in ${report.tables.length} tables; every count matches.\n` +
              "Run the server with DATABASE_URL set to that database and SECRET_KEY set to the embedded key " +
              `(${path.join(path.resolve(ctx.config.dataDir), "secret.key")}, or your SECRET_KEY): stored passwords are encrypted with it.`,
          );
        } finally {
          client.release();
        }
      } finally {
        await target.close();
        await ctx.shutdown();
      }
    });
}
