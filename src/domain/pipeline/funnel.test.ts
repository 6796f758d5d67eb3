import { describe, expect, it } from "vitest";
import { pipelineView } from "./funnel";

describe("the pipeline funnel", () => {
  it("counts each lead at its stage and every earlier one, as a share of the total", () => {
    const v = pipelineView({
      new: 50,
      audit_complete: 20,
      email_sent: 15,
      opened: 8,
      replied: 4,
      converted: 2,
      bounced: 1,
    });
    expect(v.total).toBe(100);
    expect(v.funnel.map((f) => [f.key, f.count, f.pct])).toEqual([
      ["total", 100, 100],
      ["audited", 50, 50],
      ["email_sent", 30, 30],
      ["opened", 14, 14],
      ["replied", 6, 6],
      ["converted", 2, 2],
    ]);
    expect(v.stages.find((s) => s.status === "bounced")).toMatchObject({
      label: "Bounced",
      count: 1,
      pct: 1,
    });
    expect(v.stages).toHaveLength(15);
  });
  it("is all zeros for an empty workspace, without dividing by zero", () => {
    const v = pipelineView({});
    expect(v.total).toBe(0);
    expect(v.funnel.every((f) => f.count === 0 && f.pct === 0)).toBe(true);
  });
  it("ignores statuses it does not know", () => {
    expect(pipelineView({ new: 1, mystery: 5 }).total).toBe(1);
  });
});
