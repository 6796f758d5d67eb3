import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secretBox";

describe("secretBox", () => {
  const box = createSecretBox("k".repeat(32));
  it("round-trips and never stores the plain text", () => {
    const enc = box.encrypt("smtp-password");
    expect(enc).not.toContain("smtp-password");
    expect(box.decrypt(enc)).toBe("smtp-password");
    expect(box.encrypt("smtp-password")).not.toBe(enc);
  });
  it("rejects a tampered box and another key", () => {
    const enc = box.encrypt("x");
    expect(() => box.decrypt(`${enc.slice(0, -2)}AA`)).toThrow();
    expect(() => createSecretBox("j".repeat(32)).decrypt(enc)).toThrow();
  });
  it("verifies its own signatures only", () => {
    const sig = box.sign("lead:1");
    expect(box.verify("lead:1", sig)).toBe(true);
    expect(box.verify("lead:2", sig)).toBe(false);
  });
});
