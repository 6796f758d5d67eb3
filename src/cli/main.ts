import { Command } from "commander";
import { boot } from "../app/boot";
import { ConfigError, loadConfig } from "../config";
import { DataDirLockedError } from "../db/dataDirLock";
import { isAppError } from "../domain/appError";
import { run } from "../main";
import { importCommand } from "./importCommand";
import { initCommand } from "./initCommand";

const program = new Command()
  .name("overture")
  .description(
    "Overture: self-hosted outbound prospecting. Configuration comes from the environment (docs/configuration.md).",
  );

const serveCmd = (mode: "serve" | "worker" | "all") => async () => run(await boot(), mode);

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
    const ctx = await boot({ migrate: false });
    const { migrate } = await import("../db/migrate");
    const { applied } = await migrate(ctx.db);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    await ctx.shutdown();
  });
initCommand(program);
importCommand(program);

try {
  loadConfig();
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || isAppError(e)) {
    console.error(`overture: ${e.message}`);
    process.exit(isAppError(e) ? 2 : 1);
  }
  throw e;
}
