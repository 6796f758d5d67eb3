import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../src/db/dataDirLock";
import { runOverture } from "./support/serverProcess";

describe("the overture binary", () => {
  it("refuses a second process on the same embedded data directory, with a clear message", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "overture-lock-"));
    const lock = acquireDataDirLock(dir);
    try {
      const r = await runOverture(["migrate"], { DATA_DIR: dir, DATABASE_URL: "" });
      expect(r.code).toBe(1);
      expect(r.out).toContain("Another Overture process");
      expect(r.out).toContain("only one process per data directory");
    } finally {
      lock.release();
    }
    const ok = await runOverture(["migrate"], { DATA_DIR: dir, DATABASE_URL: "" });
    // Released, it runs: a new data directory starts from the build's migrated template.
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/database is up to date|applied: 0000_foundation/);
    expect(ok.code).toBe(0);
  });

  it("takes over a lock left by a dead process", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "overture-stale-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(dir, "overture.lock"), "999999");
    const l = acquireDataDirLock(dir);
    l.release();
  });

  it("exits non-zero naming the variable when configuration is bad", async () => {
    const r = await runOverture(["migrate"], {
      PORT: "not-a-port",
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-cfg-")),
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/PORT: .*expected number/i);
  });

  it("init --json prints an object with an apiKey", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "overture-init-"));
    const r = await runOverture(
      [
        "init",
        "--workspace",
        "Scripted",
        "--email",
        "s@x.test",
        "--password",
        "violet-harbour-lantern-42",
        "--json",
      ],
      { DATA_DIR: dir, DATABASE_URL: "" },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out.trim().split("\n").pop()!);
    expect(out.apiKey).toMatch(/^ovk_/);
    expect(out.workspaceName).toBe("Scripted");
  });
});
