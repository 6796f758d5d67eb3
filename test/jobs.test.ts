import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jobs } from "../src/db/schema";
import { defineJob } from "../src/jobs/defineJob";
import { enqueue } from "../src/jobs/enqueue";
import { startWorker } from "../src/jobs/worker";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await seedWorkspace(ctx, "Jobs");
});
afterAll(() => ctx.close());

const rowOf = async (id: number) => (await ctx.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

describe("background jobs", () => {
  it("validates the payload at enqueue time", async () => {
    const def = defineJob({
      kind: "t.validate",
      version: 1,
      payload: z.object({ n: z.number() }),
      handler: async () => null,
    });
    await expect(enqueue(ctx, def, ws.workspaceId, { n: "x" } as never)).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("runs a job, records progress done/total and the result, visible through the API", async () => {
    const def = defineJob({
      kind: "t.count",
      version: 1,
      payload: z.object({ upTo: z.number() }),
      async handler(_c, p, run) {
        for (let i = 1; i <= p.upTo; i++) await run.progress(i, p.upTo);
        return { counted: p.upTo };
      },
    });
    const job = await enqueue(ctx, def, ws.workspaceId, { upTo: 5 });
    const w = startWorker(ctx, [def], { pollMs: 20 });
    await w.idle();
    await w.stop();
    const api = await testServer(ctx);
    const r = await api.call("GET", `/api/jobs/${job.id}`, { key: ws.apiKey });
    await api.close();
    expect(r.json).toMatchObject({
      status: "succeeded",
      progress: { done: 5, total: 5 },
      result: { counted: 5 },
      attempts: 1,
    });
  });

  it("retries a failing job with backoff on the injected clock, then succeeds", async () => {
    let calls = 0;
    const def = defineJob({
      kind: "t.flaky",
      version: 1,
      payload: z.object({}),
      maxAttempts: 3,
      async handler() {
        calls++;
        if (calls < 2) throw new Error("temporary");
        return "ok";
      },
    });
    const job = await enqueue(ctx, def, ws.workspaceId, {});
    const w = startWorker(ctx, [def], { pollMs: 20 });
    await w.idle();
    let row = await rowOf(job.id);
    expect(row.status).toBe("queued");
    expect(row.error).toBe("temporary");
    const wait = row.runAt.getTime() - ctx.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(2_500);
    expect(wait).toBeLessThanOrEqual(5_000);
    ctx.clock.advance(5_000);
    await w.idle();
    await w.stop();
    row = await rowOf(job.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, result: "ok" });
  });

  it("fails for good after maxAttempts", async () => {
    const def = defineJob({
      kind: "t.broken",
      version: 1,
      payload: z.object({}),
      maxAttempts: 2,
      handler: async () => {
        throw new Error("always");
      },
    });
    const job = await enqueue(ctx, def, ws.workspaceId, {});
    const w = startWorker(ctx, [def], { pollMs: 20 });
    await w.idle();
    ctx.clock.advance(60_000);
    await w.idle();
    await w.stop();
    expect(await rowOf(job.id)).toMatchObject({ status: "failed", attempts: 2, error: "always" });
  });

  it("releases claimed work on shutdown without spending an attempt, and another worker finishes it", async () => {
    let started!: () => void;
    const startedP = new Promise<void>((r) => (started = r));
    const def = defineJob({
      kind: "t.long",
      version: 1,
      payload: z.object({}),
      async handler(_c, _p, run) {
        started();
        await new Promise((_, reject) =>
          run.signal.addEventListener("abort", () => reject(new Error("aborted"))),
        );
      },
    });
    const job = await enqueue(ctx, def, ws.workspaceId, {});
    const w1 = startWorker(ctx, [def], { pollMs: 20 });
    await startedP;
    await w1.stop(50);
    expect(await rowOf(job.id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null });
    const quick = { ...def, handler: async () => "done" };
    const w2 = startWorker(ctx, [quick], { pollMs: 20 });
    await w2.idle();
    await w2.stop();
    expect(await rowOf(job.id)).toMatchObject({ status: "succeeded", result: "done" });
  });

  it("takes over a job whose worker died (lease expired)", async () => {
    const def = defineJob({
      kind: "t.orphan",
      version: 1,
      payload: z.object({}),
      handler: async () => "recovered",
    });
    const job = await enqueue(ctx, def, ws.workspaceId, {});
    // Simulate a worker that claimed the job and was SIGKILLed: running, lease in the past.
    await ctx.db
      .update(jobs)
      .set({
        status: "running",
        attempts: 1,
        lockedBy: "dead-worker",
        leaseUntil: new Date(ctx.clock.now().getTime() - 1),
      })
      .where(eq(jobs.id, job.id));
    const w = startWorker(ctx, [def], { pollMs: 20 });
    await w.idle();
    await w.stop();
    expect(await rowOf(job.id)).toMatchObject({ status: "succeeded", attempts: 2, result: "recovered" });
  });

  it("two workers share 60 jobs with no job run twice", async () => {
    const runs = new Map<number, number>();
    const def = defineJob({
      kind: "t.share",
      version: 1,
      payload: z.object({ i: z.number() }),
      async handler(_c, p) {
        runs.set(p.i, (runs.get(p.i) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
      },
    });
    for (let i = 0; i < 60; i++) await enqueue(ctx, def, ws.workspaceId, { i });
    const a = startWorker(ctx, [def], { pollMs: 10, concurrency: 3 });
    const b = startWorker(ctx, [def], { pollMs: 10, concurrency: 3 });
    await Promise.all([a.idle(), b.idle()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });
});
