import { describe, expect, it } from "vitest";
import { deliverabilitySettings } from "./deliverabilitySettings";
import { senderHealth } from "./senderHealth";

const s = deliverabilitySettings({});

describe("senderHealth", () => {
  it.each([
    [{ sends: 200, bounces: 10, complaints: 0 }, false, null],
    [
      { sends: 200, bounces: 11, complaints: 0 },
      true,
      "bounces reached 5.5% of the last 200 sends (the limit is 5.0%)",
    ],
    [{ sends: 1000, bounces: 0, complaints: 3 }, false, null],
    [
      { sends: 1000, bounces: 0, complaints: 4 },
      true,
      "spam complaints reached 0.40% of the last 1000 sends (the limit is 0.30%)",
    ],
    [{ sends: 19, bounces: 19, complaints: 19 }, false, null],
    [
      { sends: 20, bounces: 2, complaints: 0 },
      true,
      "bounces reached 10.0% of the last 20 sends (the limit is 5.0%)",
    ],
    [{ sends: 0, bounces: 0, complaints: 0 }, false, null],
  ])("%o → pause %s", (counts, pause, reason) => {
    const h = senderHealth(counts, s);
    expect(h.verdict.pause).toBe(pause);
    expect(h.verdict.pause ? h.verdict.reason : null).toBe(reason);
  });

  it("reports complaints before bounces, since they hurt most", () => {
    const h = senderHealth({ sends: 100, bounces: 50, complaints: 1 }, s);
    expect(h.verdict.pause && h.verdict.reason).toMatch(/^spam complaints/);
  });

  it("follows the workspace's thresholds", () => {
    const lax = deliverabilitySettings({ bouncePauseRate: 0.2, healthMinSends: 5 });
    expect(senderHealth({ sends: 10, bounces: 2, complaints: 0 }, lax).verdict.pause).toBe(false);
    expect(senderHealth({ sends: 10, bounces: 3, complaints: 0 }, lax).verdict.pause).toBe(true);
  });

  it("computes the rates", () => {
    expect(senderHealth({ sends: 50, bounces: 5, complaints: 1 }, s)).toMatchObject({
      bounceRate: 0.1,
      complaintRate: 0.02,
    });
  });
});
