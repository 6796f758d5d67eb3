import { describe, expect, it } from "vitest";
import { automaticTransitionAllowed, leadStatusLabels } from "./leadStatus";

describe("lead status", () => {
  it("uses the seed's badge labels", () => {
    expect(leadStatusLabels.audit_complete).toBe("Audited");
    expect(leadStatusLabels.email_generated).toBe("Email Ready");
  });
  it.each([
    ["new", "email_sent", true],
    ["email_sent", "new", false],
    ["replied", "email_sent", false],
    ["replied", "converted", true],
    ["bounced", "opened", false],
    ["opened", "replied", true],
  ] as const)("%s → %s automatic = %s", (from, to, ok) => {
    expect(automaticTransitionAllowed(from, to)).toBe(ok);
  });
});
