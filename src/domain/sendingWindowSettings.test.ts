import { describe, expect, it } from "vitest";
import { isValidTimeZone, workspaceSettingsSchema } from "./sendingWindowSettings";

describe("workspace settings", () => {
  it("accepts IANA zones and rejects made-up ones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
  it("rejects a window that ends before it starts, naming the field", () => {
    const r = workspaceSettingsSchema.safeParse({ windowStart: "17:00", windowEnd: "09:00" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["windowEnd"]);
  });
  it("rejects 24:00 and accepts 09:30", () => {
    expect(workspaceSettingsSchema.safeParse({ windowStart: "24:00" }).success).toBe(false);
    expect(workspaceSettingsSchema.safeParse({ windowStart: "09:30" }).success).toBe(true);
  });
});
