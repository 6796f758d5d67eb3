import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { projectRoot } from "../paths";

/**
 * A migrated, empty embedded database made once at build time (dist/pglite-template.tgz): a new
 * data directory starts as a copy of it instead of running initdb and every migration, which is
 * most of a first `overture init` or `npm start`. It is used only when it was made from exactly
 * the migrations this code has; otherwise the directory is created and migrated as usual.
 */
const file = path.join(projectRoot, "dist/pglite-template.tgz");
const idsFile = `${file}.json`;

export function templateFor(migrationIds: string[]): Blob | null {
  if (!existsSync(file) || !existsSync(idsFile)) return null;
  try {
    const ids = JSON.parse(readFileSync(idsFile, "utf8")) as string[];
    if (ids.length !== migrationIds.length || ids.some((id, i) => id !== migrationIds[i])) return null;
    return new Blob([readFileSync(file)]);
  } catch {
    return null;
  }
}

export const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Writes the template from a migrated database (atomically, for processes starting meanwhile). */
export async function writeTemplate(db: PGlite, migrationIds: string[]) {
  mkdirSync(path.dirname(file), { recursive: true });
  const dump = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
  writeFileSync(`${file}.tmp`, dump);
  writeFileSync(`${idsFile}.tmp`, JSON.stringify(migrationIds));
  renameSync(`${file}.tmp`, file);
  renameSync(`${idsFile}.tmp`, idsFile);
  return { file, bytes: dump.length };
}
