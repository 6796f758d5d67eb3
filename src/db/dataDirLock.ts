import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Another Overture process (pid ${pid}) is already using the embedded database in ${path.dirname(lockFile)}.\n` +
        "Embedded PGlite allows only one process per data directory (two would silently lose data).\n" +
        "Stop the other process, use another DATA_DIR, or set DATABASE_URL to use PostgreSQL for several processes.",
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Exclusive lock file for the embedded data directory. PGlite itself takes no lock, so this is
 * what stops a second process. A lock left by a dead process (crash, SIGKILL) is taken over.
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), "overture.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) throw new DataDirLockedError(file, pid);
      rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`could not acquire ${file}`);
}
