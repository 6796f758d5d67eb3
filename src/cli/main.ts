import { Command } from "commander";
import { ConfigError, loadConfig } from "../config";
import { DataDirLockedError } from "../db/dataDirLock";
import { isAppError } from "../domain/appError";
import { dataCommands } from "./dataCommands";
import { importCommand } from "./importCommand";
import { initCommand } from "./initCommand";

const program = new Command()
  .name("overture")
  .description(
    "Overture: self-hosted outbound prospecting. Configuration comes from the environment (docs/configuration.md).",
  );

// The server stack is loaded only by the commands that run it, so `--help` and the small
// commands start fast.
const serveCmd = (mode: "serve" | "worker" | "all") => async () => {
  const [{ boot }, { run }] = await Promise.all([import("../app/boot"), import("../main")]);
  return run(await boot(), mode);
};

program
  .command("all", { isDefault: true })
  .description("web server and worker in one process (default)")
  .action(serveCmd("all"));
program.command("serve").description("web server and API only").action(serveCmd("serve"));
program.command("worker").description("background worker only").action(serveCmd("worker"));
program
  .command("migrate")
  .description("apply pending database migrations and exit")
  .action(async () => {
    const { boot } = await import("../app/boot");
    const ctx = await boot({ migrate: false, logToStderr: true });
    const { migrate } = await import("../db/migrate");
    const { applied } = await migrate(ctx.db);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    await ctx.shutdown();
  });
program
  .command("build-pglite-template", { hidden: true })
  .description("(build step) a migrated, empty embedded database that new data directories start from")
  .action(async () => {
    const [{ PGlite }, { openDb, pgliteOptions }, { listMigrations, migrate }, tpl] = await Promise.all([
      import("@electric-sql/pglite"),
      import("../db/client"),
      import("../db/migrate"),
      import("../db/pgliteTemplate"),
    ]);
    const work = tpl.templateWorkDir();
    const pg = await PGlite.create(work, pgliteOptions);
    await migrate((await openDb({ pglite: pg })).db);
    await pg.close();
    const r = tpl.installTemplate(
      work,
      listMigrations().map((m) => m.id),
    );
    console.error(`wrote ${r.dir}`);
  });
initCommand(program);
importCommand(program);
dataCommands(program);

const json = process.argv.includes("--json");
try {
  loadConfig();
  await program.parseAsync(process.argv);
} catch (e) {
  const known = e instanceof ConfigError || e instanceof DataDirLockedError || isAppError(e);
  if (json) {
    // A script that asked for JSON gets JSON for failures too: one object with a code, on stdout.
    const code = isAppError(e)
      ? e.code
      : e instanceof ConfigError
        ? "config"
        : e instanceof DataDirLockedError
          ? "data_dir_locked"
          : "internal";
    const message = e instanceof Error ? e.message : String(e);
    process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    if (!known) console.error(e);
    process.exit(isAppError(e) ? 2 : 1);
  }
  if (known) {
    console.error(`overture: ${e.message}`);
    process.exit(isAppError(e) ? 2 : 1);
  }
  throw e;
}
