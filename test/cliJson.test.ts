import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runOverture } from "./support/serverProcess";
import { TEST_SECRET } from "./support/testContext";

function env() {
  // The embedded database on both test passes: what is checked is the CLI's output, and a new data
  // directory logs how it was made.
  const e: Record<string, string> = {
    DATABASE_URL: "",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-cli-")),
    SECRET_KEY: TEST_SECRET,
    // Logs at info, so a log line on stdout would break the JSON below.
    LOG_LEVEL: "info",
  };
  return e;
}

describe("the CLI's --json output", () => {
  it("is exactly one JSON document on stdout, logs on stderr; a failure is one JSON error with a code and a non-zero exit", async () => {
    const e = env();
    const ok = await runOverture(
      [
        "init",
        "--workspace",
        "Json Co",
        "--email",
        "j@json.test",
        "--password",
        "quiet-harbor-lamp-93",
        "--json",
      ],
      e,
    );
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout);
    expect(doc.apiKey).toMatch(/^ovk_/);
    expect(doc.workspaceName).toBe("Json Co");
    // The start-up log went to stderr.
    expect(ok.stderr).toMatch(/created from the build's template|database migrated/);

    const bad = await runOverture(
      ["init", "--workspace", "X", "--email", "x@json.test", "--password", "short", "--json"],
      e,
    );
    expect(bad.code).not.toBe(0);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: { code: "validation", message: expect.stringMatching(/password/) },
    });
  });
});
