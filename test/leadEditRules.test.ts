import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Edits")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("editing a lead", () => {
  it("refuses to clear both the email and the LinkedIn URL, with a message, and keeps the lead as it was", async () => {
    const lead = (
      await call("POST", "/api/leads", {
        firstName: "Ivy",
        email: "ivy@a.test",
        linkedinUrl: "linkedin.com/in/ivy",
      })
    ).json;
    const cleared = await call("PATCH", `/api/leads/${lead.id}`, { email: null, linkedinUrl: null });
    expect(cleared.status).toBe(400);
    expect(cleared.json.error.message).toMatch(/needs an email address or a LinkedIn URL/);
    expect((await call("GET", `/api/leads/${lead.id}`)).json).toMatchObject({ email: "ivy@a.test" });
    // Clearing one of them is fine.
    expect((await call("PATCH", `/api/leads/${lead.id}`, { email: null })).status).toBe(200);
  });
});
