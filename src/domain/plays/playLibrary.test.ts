import { describe, expect, it } from "vitest";
import { filterPlays, playLibrary } from "./playLibrary";

describe("play library", () => {
  it("ships at least six motions with unique keys and a first step that always goes", () => {
    expect(playLibrary.length).toBeGreaterThanOrEqual(6);
    expect(new Set(playLibrary.map((p) => p.key)).size).toBe(playLibrary.length);
    for (const p of playLibrary) expect(p.steps[0]).toMatchObject({ delayDays: 0, condition: "always" });
  });
  it("filters by relationship, channel and text", () => {
    expect(filterPlays(playLibrary, { relationship: "stalled" }).map((p) => p.key)).toEqual([
      "builtin:stalled-deal",
    ]);
    expect(filterPlays(playLibrary, { channel: "linkedin" }).map((p) => p.key)).not.toContain(
      "builtin:email-only",
    );
    expect(filterPlays(playLibrary, { q: "event" }).map((p) => p.key)).toEqual(["builtin:event-follow-up"]);
  });
});
