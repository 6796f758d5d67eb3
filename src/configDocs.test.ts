import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configSpec, loadConfig } from "./config";

describe("configuration", () => {
  it("documents every variable in docs/configuration.md", () => {
    const doc = readFileSync(path.join(import.meta.dirname, "../docs/configuration.md"), "utf8");
    const missing = Object.keys(configSpec).filter((k) => !doc.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
  it("applies defaults and rejects bad values naming them", () => {
    expect(loadConfig({}).port).toBe(3000);
    expect(() => loadConfig({ PORT: "70000", DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    const bad = () => loadConfig({ PORT: "70000", DATABASE_URL: "mysql://x", SECRET_KEY: "short" });
    expect(bad).toThrow(/PORT: /);
    expect(bad).toThrow(/DATABASE_URL: must start with postgres/);
    expect(bad).toThrow(/SECRET_KEY: must be at least 32 characters \(got <secret>\)/);
  });
});
