import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let otherKey = "";
const call = (m: string, u: string, body?: unknown, k = key) => api.call(m, u, { key: k, body });

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") });
  api = await testServer(ctx);
  key = (await seedWorkspace(ctx, "Home Co")).apiKey;
  otherKey = (await seedWorkspace(ctx, "Other Co")).apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const done = (j: { checklist: { items: { key: string; done: boolean }[] } }) =>
  j.checklist.items.filter((i) => i.done).map((i) => i.key);

describe("GET /api/home", () => {
  it("a new workspace has nothing to do and an unticked checklist", async () => {
    const r = await call("GET", "/api/home");
    expect(r.status).toBe(200);
    expect(r.json.needs).toEqual({
      repliesToAnswer: 0,
      messagesToApprove: 0,
      emailsToApprove: 0,
      uncertainSends: 0,
      failedJobs: 0,
      linkedinAccount: null,
      pausedSenders: [],
    });
    expect(r.json.scheduled).toEqual({ dueNextDay: 0, nextSendAt: null, sequences: [] });
    expect(done(r.json)).toEqual([]);
    expect(r.json.checklist.complete).toBe(false);
  });

  it("ticks the checklist off from real data and shows what is scheduled, for this workspace only", async () => {
    const list = (await call("POST", "/api/lists", { name: "Home list" })).json;
    await call("POST", "/api/leads", { firstName: "Ana", email: "ana@shop.example", listId: list.id });
    expect(done((await call("GET", "/api/home")).json)).toEqual(["hasLeads"]);
    const sender = (
      await call("POST", "/api/sender-accounts", {
        kind: "sandbox",
        name: "Sandbox",
        fromEmail: "me@sandbox.test",
      })
    ).json;
    const run = (await call("POST", "/api/runs", { name: "Home run", playKey: "builtin:email-only" })).json;
    expect(done((await call("GET", "/api/home")).json)).toEqual(["hasSender", "hasLeads", "hasRun"]);
    const seq = (
      await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Home seq",
        listIds: [list.id],
        senderAccountId: sender.id,
        steps: [
          {
            channel: "email",
            delayDays: 0,
            condition: "always",
            subject: "Hi {{first_name}}",
            body: "Hello {{first_name}}, a note.",
          },
        ],
      })
    ).json;
    expect((await call("POST", `/api/sequences/${seq.id}/launch`)).status).toBe(200);
    const home = (await call("GET", "/api/home")).json;
    expect(done(home)).toEqual(["hasSender", "hasLeads", "hasRun", "hasLaunched"]);
    expect(home.checklist.complete).toBe(true);
    expect(home.scheduled.dueNextDay).toBe(1);
    expect(home.scheduled.sequences).toEqual([
      expect.objectContaining({
        id: seq.id,
        name: "Home seq",
        runId: run.id,
        runName: "Home run",
        dueNextDay: 1,
      }),
    ]);
    expect(typeof home.scheduled.nextSendAt).toBe("string");
    const other = (await call("GET", "/api/home", undefined, otherKey)).json;
    expect(done(other)).toEqual([]);
    expect(other.scheduled.sequences).toEqual([]);
  });

  it("refuses without a key", async () => {
    expect((await api.call("GET", "/api/home")).status).toBe(401);
  });
});
