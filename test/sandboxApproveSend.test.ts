import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads, outreachEmails } from "../src/db/schema";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let emailId = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") });
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "Sandbox send");
  key = ws.apiKey;
  await call("POST", "/api/sender-accounts", {
    kind: "sandbox",
    name: "Sandbox",
    fromEmail: "me@sandbox.test",
  });
  const [lead] = await ctx.db
    .insert(leads)
    .values({ workspaceId: ws.workspaceId, firstName: "Tess", email: "tess@acme.example" })
    .returning();
  // The email an audit's writeback leaves in the Emails queue.
  const [e] = await ctx.db
    .insert(outreachEmails)
    .values({
      workspaceId: ws.workspaceId,
      leadId: lead!.id,
      subject: "A note on your website",
      body: "Hi Tess, one thing.",
    })
    .returning();
  emailId = e!.id;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("Approve & send through the sandbox sender", () => {
  it("lands in the sandbox mailbox, counts in usage and analytics, and can be answered as the prospect", async () => {
    const sent = await call("POST", `/api/emails/${emailId}/send`, {});
    expect(sent.json).toMatchObject({ status: "sent" });
    const box = (await call("GET", "/api/sandbox/messages")).json;
    expect(box).toEqual([
      expect.objectContaining({
        id: emailId,
        channel: "email",
        subject: "A note on your website",
        toAddress: "tess@acme.example",
      }),
    ]);
    const usage = (await call("GET", "/api/usage")).json;
    expect(JSON.stringify(usage)).toMatch(/"emailsSent":1\b/);
    const analytics = (await call("GET", "/api/analytics")).json;
    expect(analytics.totals.sent).toBe(1);
    const reply = await call("POST", `/api/sandbox/messages/${emailId}/reply`, { text: "Tell me more" });
    expect(reply.json).toMatchObject({ kind: "human_reply" });
    expect((await call("GET", "/api/sandbox/messages")).json[0].replies).toBe(1);
  });
});
