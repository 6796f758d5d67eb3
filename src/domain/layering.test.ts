import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The domain layer stays pure: it may not import I/O layers (ARCHITECTURE.md §3).
const forbidden =
  /from\s+["'](?:\.\.\/)+(db|channels|providers|jobs|api|app|cli)(\/|["'])|from\s+["'](node:fs|node:net|node:http|node:https|node:child_process|pg|@electric-sql\/pglite|fastify|nodemailer|imapflow)["']/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("src/domain layering", () => {
  it("imports nothing from db/, channels/, providers/, jobs/, api/, app/ or I/O modules", () => {
    const offenders = files(path.join(import.meta.dirname, "."))
      .filter((f) => forbidden.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(import.meta.dirname, f));
    expect(offenders).toEqual([]);
  });
});
