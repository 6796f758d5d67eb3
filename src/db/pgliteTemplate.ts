import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths";

/**
 * A migrated, empty embedded database made once at build time (dist/pglite-template/, a closed
 * PGlite data directory): a new data directory starts as a plain file copy of it instead of running
 * initdb and every migration, which is most of a first `overture init` or `npm start`. A copy on
 * disk, not PGlite's `loadDataDir` of a tarball: unpacking through the WebAssembly file system took
 * 5 s and grew the heap by the size of the database for the life of the process. It is used only
 * when it was made from exactly the migrations this code has; otherwise the directory is created and
 * migrated as usual.
 */
const dir = path.join(projectRoot, "dist/pglite-template");
const idsFile = `${dir}.json`;

export function templateDirFor(migrationIds: string[]): string | null {
  if (!existsSync(path.join(dir, "PG_VERSION")) || !existsSync(idsFile)) return null;
  try {
    const ids = JSON.parse(readFileSync(idsFile, "utf8")) as string[];
    if (ids.length !== migrationIds.length || ids.some((id, i) => id !== migrationIds[i])) return null;
    return dir;
  } catch {
    return null;
  }
}

export const isEmptyDir = (d: string) => !existsSync(d) || readdirSync(d).length === 0;

/**
 * A new data directory as a copy of the template (copy-on-write where the file system can); false,
 * with nothing left behind, when the template moved away during the copy.
 */
export function copyTemplate(from: string, to: string) {
  try {
    cpSync(from, to, { recursive: true, mode: 1 /* COPYFILE_FICLONE, falls back to a copy */ });
    return true;
  } catch {
    rmSync(to, { recursive: true, force: true });
    return false;
  }
}

/** Where the build makes the template before moving it into place (emptied first). */
export function templateWorkDir() {
  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  return work;
}

/**
 * Puts a closed, migrated data directory in place as the template. The ids are removed first and
 * written last, so a process starting meanwhile sees no template (and migrates as usual) rather
 * than a half-moved one.
 */
export function installTemplate(made: string, migrationIds: string[]) {
  rmSync(idsFile, { force: true });
  const old = `${dir}.${process.pid}.old`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(made, dir);
  rmSync(old, { recursive: true, force: true });
  writeFileSync(`${idsFile}.tmp`, JSON.stringify(migrationIds));
  renameSync(`${idsFile}.tmp`, idsFile);
  return { dir };
}
