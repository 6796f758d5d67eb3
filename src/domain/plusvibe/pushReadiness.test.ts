import { describe, expect, it } from "vitest";
import { PUSH_READY_STATUSES, pushReadiness } from "./pushReadiness";

describe("the PlusVibe push readiness guard", () => {
  it("is ready only in a ready status with the writeback variables", () => {
    for (const status of PUSH_READY_STATUSES)
      expect(pushReadiness([{ id: "a", status, hasWritebackVariables: true }])).toEqual({
        ready: ["a"],
        notReady: [],
      });
  });
  it("gives the seed's reason per status", () => {
    const r = pushReadiness([
      { id: "n", status: "new", hasWritebackVariables: false },
      { id: "m", status: null, hasWritebackVariables: false },
      { id: "q", status: "audit_queued", hasWritebackVariables: false },
      { id: "c", status: "audit_complete", hasWritebackVariables: false },
      { id: "b", status: "bounced", hasWritebackVariables: true },
      { id: "g", status: "email_generated", hasWritebackVariables: false },
    ]);
    expect(r.ready).toEqual([]);
    expect(r.notReady.map((x) => [x.id, x.reason])).toEqual([
      ["n", "Lead has not been audited yet, run an audit first"],
      ["m", "Lead has not been audited yet, run an audit first"],
      ["q", "Audit not completed yet"],
      ["c", "Audit completed but writeback hasn't run, re-audit the lead"],
      ["b", "Lead bounced, re-audit or remove"],
      ["g", "Audit completed but writeback hasn't run, re-audit the lead"],
    ]);
  });
  it("splits a mixed selection, keeping each lead's status", () => {
    const r = pushReadiness([
      { id: "ok", status: "opened", hasWritebackVariables: true },
      { id: "no", status: "unsubscribed", hasWritebackVariables: true },
    ]);
    expect(r).toEqual({
      ready: ["ok"],
      notReady: [
        { id: "no", status: "unsubscribed", reason: "Lead unsubscribed, remove it from the selection" },
      ],
    });
  });
});
