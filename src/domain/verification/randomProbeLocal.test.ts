import { describe, expect, it } from "vitest";
import { checkSyntax } from "./checkSyntax";
import { randomProbeLocal } from "./randomProbeLocal";

describe("randomProbeLocal", () => {
  it("is deterministic in its seed", () => {
    expect(randomProbeLocal("acme.com:2025-01-01")).toBe(randomProbeLocal("acme.com:2025-01-01"));
  });

  it("differs between seeds, even ones a character apart", () => {
    const seeds = Array.from({ length: 500 }, (_, i) => `acme.com:${i}`);
    expect(new Set(seeds.map(randomProbeLocal)).size).toBe(seeds.length);
    expect(randomProbeLocal("a")).not.toBe(randomProbeLocal("b"));
  });

  it("is a 16-character [a-z0-9] local part starting with a letter, valid in an address", () => {
    for (const seed of ["", "x", "acme.com", "münchen.de", "🙂"]) {
      const local = randomProbeLocal(seed);
      expect(local).toMatch(/^[a-z][a-z0-9]{15}$/);
      expect(checkSyntax(`${local}@acme.com`).ok).toBe(true);
    }
  });

  it("mixes letters and digits rather than repeating one character", () => {
    const local = randomProbeLocal("acme.com");
    expect(new Set(local).size).toBeGreaterThan(5);
  });
});
