import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;

beforeAll(async () => {
  // 3 December, 10:00 in Berlin: the month began at 23:00 UTC on 30 November.
  ctx = await createTestContext({ clock: testClock("2026-12-03T09:00:00Z") });
  api = await testServer(ctx);
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("Settings → Usage", () => {
  it("names the current month of a workspace east of UTC, not the one before", async () => {
    const ws = await seedWorkspace(ctx, "Usage month");
    await updateWorkspace(
      ctx,
      { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" },
      { timezone: "Europe/Berlin" },
    );
    const u = await api.call("GET", "/api/usage", { key: ws.apiKey });
    expect(u.status).toBe(200);
    expect(u.json.month).toBe("2026-12");
    expect(u.json.resetsOn).toBe("2027-01-01");
  });
});
