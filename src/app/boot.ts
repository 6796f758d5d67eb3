import pino from "pino";
import { type Config, loadConfig } from "../config";
import { openDb } from "../db/client";
import { acquireDataDirLock } from "../db/dataDirLock";
import { migrate } from "../db/migrate";
import { type AppContext, type Clock, systemClock } from "./context";
import { resolveSecretKey } from "./security/resolveSecretKey";
import { createSecretBox } from "./security/secretBox";

export type Booted = AppContext & { shutdown(): Promise<void> };

/**
 * Opens the database (PGlite under DATA_DIR with an exclusive lock file, or PostgreSQL), applies
 * migrations under the advisory lock, and assembles the context every use case receives.
 */
export async function boot(
  opts: {
    config?: Config;
    clock?: Clock;
    migrate?: boolean;
    logToStderr?: boolean;
  } = {},
): Promise<Booted> {
  const config = opts.config ?? loadConfig();
  // A CLI command's stdout is its answer (`--json | jq`); its logs go to stderr.
  const log = pino(
    { level: config.logLevel },
    pino.destination({ fd: opts.logToStderr ? 2 : 1, sync: true }),
  );
  const lock = config.databaseUrl ? null : acquireDataDirLock(config.dataDir);
  try {
    const dbHandle = await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteSharedBuffers: config.pgliteSharedBuffers,
    });
    if (dbHandle.fromTemplate)
      log.info({ dataDir: config.dataDir }, "embedded database created from the build's template");
    if (opts.migrate !== false) {
      const { applied } = await migrate(dbHandle.db);
      if (applied.length) log.info({ applied }, "database migrated");
    }
    const secrets = createSecretBox(resolveSecretKey(config));
    return {
      db: dbHandle.db,
      dbHandle,
      config,
      clock: opts.clock ?? systemClock,
      log,
      secrets,
      async shutdown() {
        await dbHandle.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
