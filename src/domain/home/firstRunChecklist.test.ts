import { describe, expect, it } from "vitest";
import { firstRunChecklist } from "./firstRunChecklist";

const none = { hasSender: false, hasLeads: false, hasRun: false, hasLaunched: false };

describe("firstRunChecklist", () => {
  it("lists the four steps in order, none done, for an empty workspace", () => {
    const c = firstRunChecklist(none);
    expect(c.items.map((i) => [i.key, i.done])).toEqual([
      ["hasSender", false],
      ["hasLeads", false],
      ["hasRun", false],
      ["hasLaunched", false],
    ]);
    expect(c.complete).toBe(false);
  });
  it.each([
    [{ ...none, hasSender: true }, ["hasSender"], false],
    [{ ...none, hasLeads: true, hasRun: true }, ["hasLeads", "hasRun"], false],
    [
      { hasSender: true, hasLeads: true, hasRun: true, hasLaunched: false },
      ["hasSender", "hasLeads", "hasRun"],
      false,
    ],
    [{ ...none, hasLaunched: true }, ["hasLaunched"], true],
  ])("ticks off %o", (facts, done, complete) => {
    const c = firstRunChecklist(facts);
    expect(c.items.filter((i) => i.done).map((i) => i.key)).toEqual(done);
    expect(c.complete).toBe(complete);
  });
  it("links every step to the page where it is done", () => {
    expect(firstRunChecklist(none).items.map((i) => i.href)).toEqual([
      "/settings?tab=senders",
      "/lists",
      "/plays",
      "/runs",
    ]);
  });
});
