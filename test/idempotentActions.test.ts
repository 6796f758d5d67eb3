import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { enrollments, inboundMessages, messages, runs, sequences } from "../src/db/schema";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let pool: ChannelPool;
let key = "";
let listId = "";
let senderId = "";
let runId = "";
const call = (m: string, u: string, body?: unknown, idem?: string) =>
  api.app
    .inject({
      method: m as "POST",
      url: u,
      headers: { authorization: `Bearer ${key}`, ...(idem ? { "idempotency-key": idem } : {}) },
      payload: body as object | undefined,
    })
    .then((r) => ({ status: r.statusCode, json: r.body ? r.json() : null }));
const steps = [
  { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hi {{first_name}}, an idea." },
];

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") });
  api = await testServer(ctx);
  pool = new ChannelPool(ctx);
  key = (await seedWorkspace(ctx, "Idem")).apiKey;
  await call("PATCH", "/api/workspace", { timezone: "UTC" });
  listId = (await call("POST", "/api/lists", { name: "Idem list" })).json.id;
  for (const n of ["ann", "ben", "cat"])
    await call("POST", "/api/leads", { firstName: n, email: `${n}@idem.test`, listId });
  senderId = (
    await call("POST", "/api/sender-accounts", {
      kind: "sandbox",
      name: "Sandbox",
      fromEmail: "me@sandbox.test",
      minGapSeconds: 0,
      jitterSeconds: 0,
    })
  ).json.id;
});
afterAll(async () => {
  await pool.close();
  await api.close();
  await ctx.close();
});

const newSequence = (name: string, idem?: string) =>
  call("POST", "/api/sequences", { runId, name, listIds: [listId], senderAccountId: senderId, steps }, idem);

describe("idempotent actions", () => {
  it("a run and a sequence created twice with one Idempotency-Key exist once, even when both requests race", async () => {
    const r1 = await call("POST", "/api/runs", { name: "Once", playKey: "builtin:email-only" }, "run-1");
    const r2 = await call("POST", "/api/runs", { name: "Once", playKey: "builtin:email-only" }, "run-1");
    expect(r1.status).toBe(201);
    expect(r2).toEqual(r1);
    runId = r1.json.id;
    expect((await ctx.db.select().from(runs)).length).toBe(1);

    const raced = await Promise.all([newSequence("Twice", "seq-1"), newSequence("Twice", "seq-1")]);
    const ok = raced.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of raced) if (r.status !== 201) expect(r.status).toBe(409); // "still being processed"
    expect((await newSequence("Twice", "seq-1")).json.id).toBe(ok[0]!.json.id);
    expect((await ctx.db.select().from(sequences).where(eq(sequences.name, "Twice"))).length).toBe(1);
    // A key is 1-200 visible ASCII characters; anything else is a 400 naming the header.
    expect(
      (await call("POST", "/api/runs", { name: "x", playKey: "builtin:email-only" }, "a b")).status,
    ).toBe(400);
  });

  it("a second Launch answers the first launch's result, and two at once enroll each lead once", async () => {
    const seq = (await newSequence("Launch twice")).json.id;
    const [a, b] = await Promise.all([
      call("POST", `/api/sequences/${seq}/launch`),
      call("POST", `/api/sequences/${seq}/launch`),
    ]);
    expect(a.json).toMatchObject({ enrolled: 3, active: 3 });
    expect(b.json).toEqual(a.json);
    const again = await call("POST", `/api/sequences/${seq}/launch`);
    expect(again).toEqual({ status: 200, json: a.json });
    expect((await ctx.db.select().from(enrollments).where(eq(enrollments.sequenceId, seq))).length).toBe(3);
  });

  it("a sandbox reply sent twice with one key is recorded once", async () => {
    while ((await runSchedulerOnce(ctx, pool)) > 0);
    const [m] = await ctx.db.select().from(messages).limit(1);
    const reply = () =>
      call("POST", `/api/sandbox/messages/${m!.id}/reply`, { text: "Sounds good" }, "reply-1");
    const first = await reply();
    expect(first.status).toBe(200);
    expect((await reply()).json).toEqual(first.json);
    expect((await ctx.db.select().from(inboundMessages)).length).toBe(1);
  });

  it("archives a sequence (paused, hidden, kept) and deletes it saying what goes with it", async () => {
    const seq = (await call("GET", "/api/sequences")).json.find(
      (s: { name: string }) => s.name === "Launch twice",
    );
    const archived = await call("POST", `/api/sequences/${seq.id}/archive`, { archived: true });
    expect(archived.json).toMatchObject({ status: "paused", archivedAt: expect.any(String) });
    expect((await call("GET", "/api/sequences")).json.map((s: { id: string }) => s.id)).not.toContain(seq.id);
    expect((await call("GET", "/api/sequences?archived=true")).json.map((s: { id: string }) => s.id)).toEqual(
      [seq.id],
    );
    const before = (await ctx.db.select().from(messages)).length;
    expect(before).toBe(3);
    const preview = await call("GET", `/api/sequences/${seq.id}/deletion`);
    expect(preview.json).toEqual({ sequences: 1, enrollments: 3, messages: 3, drafts: 0 });
    const gone = await call("DELETE", `/api/sequences/${seq.id}`);
    expect(gone.json).toEqual({ deleted: preview.json });
    expect((await call("GET", `/api/sequences/${seq.id}`)).status).toBe(404);
    expect((await ctx.db.select().from(messages)).length).toBe(0);
    expect((await ctx.db.select().from(inboundMessages)).length).toBe(1); // the reply stays in the Inbox

    const run = await call("POST", `/api/runs/${runId}/archive`, { archived: true });
    expect(run.json.archivedAt).toEqual(expect.any(String));
    expect((await call("GET", "/api/runs")).json).toEqual([]);
    expect((await call("DELETE", `/api/runs/${runId}`)).json.deleted.sequences).toBe(1);
    expect((await call("GET", `/api/runs/${runId}`)).status).toBe(404);
  });
});
