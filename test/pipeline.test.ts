import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { compactStatusCounts, statusCounts } from "../src/app/pipeline/pipeline";
import { leadStatuses } from "../src/domain/leadStatus";
import { queryRows, sqlArray } from "../src/db/client";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let actor: Actor;
let other: Actor;
let key = "";

const fullCount = async (workspaceId: string) =>
  Object.fromEntries(
    (
      await queryRows<{ status: string; n: number }>(
        ctx.db,
        sql`select status, count(*)::int as n from leads where workspace_id = ${workspaceId}::uuid group by status`,
      )
    ).map((r) => [r.status, r.n]),
  );

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  const a = await seedWorkspace(ctx, "Pipe");
  key = a.apiKey;
  actor = { workspaceId: a.workspaceId, userId: a.userId, role: "owner", via: "cli", label: "t" };
  const b = await seedWorkspace(ctx, "Other");
  other = { workspaceId: b.workspaceId, userId: b.userId, role: "owner", via: "cli", label: "t" };
  // 2,000 leads in one statement (as an import batch does), spread over every status.
  for (const ws of [actor.workspaceId, other.workspaceId])
    await ctx.db.execute(sql`insert into leads (workspace_id, email, status)
      select ${ws}::uuid, 'p' || g || '@pipe.example', (${sqlArray([...leadStatuses])}::text[])[1 + g % ${leadStatuses.length}]
      from generate_series(1, 2000) g`);
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("pipeline counts", () => {
  it("match a full count after a bulk insert, per workspace", async () => {
    expect(await statusCounts(ctx, actor)).toEqual(await fullCount(actor.workspaceId));
    expect(Object.values(await statusCounts(ctx, actor)).reduce((a, b) => a! + b!, 0)).toBe(2000);
  });

  it("stay exact under 10,000 concurrent status changes from 8 connections, with deletes, inserts and compaction", async () => {
    const ids = (
      await queryRows<{ id: string }>(
        ctx.db,
        sql`select id from leads where workspace_id = ${actor.workspaceId}::uuid`,
      )
    ).map((r) => r.id);
    let n = 0;
    const worker = async (w: number) => {
      for (; n < 10_000;) {
        const i = n++;
        const id = ids[(i * 7919 + w) % ids.length]!;
        const to = leadStatuses[(i * 31 + w) % leadStatuses.length]!;
        await ctx.db.execute(sql`update leads set status = ${to} where id = ${id}::uuid`);
        if (i % 997 === 0) await compactStatusCounts(ctx, actor.workspaceId);
        if (i % 1501 === 0)
          await ctx.db.execute(sql`delete from leads where id = ${ids[(i + 13) % ids.length]!}::uuid`);
        if (i % 1499 === 0)
          await ctx.db.execute(
            sql`insert into leads (workspace_id, email, status) values (${actor.workspaceId}::uuid, ${`extra${i}@pipe.example`}, 'new')`,
          );
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    expect(n).toBeGreaterThanOrEqual(10_000);
    expect(await statusCounts(ctx, actor)).toEqual(await fullCount(actor.workspaceId));
    expect(await statusCounts(ctx, other)).toEqual(await fullCount(other.workspaceId));
    await compactStatusCounts(ctx, actor.workspaceId);
    const rows = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from lead_status_deltas where workspace_id = ${actor.workspaceId}::uuid`,
    );
    expect(rows[0]!.n).toBeLessThanOrEqual(leadStatuses.length);
    expect(await statusCounts(ctx, actor)).toEqual(await fullCount(actor.workspaceId));
  });

  it("answer over the API with the funnel, stages and sample leads, filtered by list", async () => {
    const r = await api.call("GET", "/api/pipeline", { key });
    expect(r.status).toBe(200);
    const full = await fullCount(actor.workspaceId);
    const total = Object.values(full).reduce((a, b) => a + b, 0);
    expect(r.json.total).toBe(total);
    expect(r.json.funnel[0]).toMatchObject({ key: "total", count: total, pct: 100 });
    expect(r.json.funnel.find((f: { key: string }) => f.key === "converted").count).toBe(full.converted ?? 0);
    expect(r.json.stages.find((s: { status: string }) => s.status === "replied").count).toBe(
      full.replied ?? 0,
    );

    const list = await api.call("POST", "/api/lists", { key, body: { name: "Two" } });
    const a = await api.call("POST", "/api/leads", {
      key,
      body: { email: "a@two.example", listId: list.json.id },
    });
    await api.call("POST", "/api/leads", { key, body: { email: "b@two.example", listId: list.json.id } });
    await api.call("PATCH", `/api/leads/${a.json.id}`, { key, body: { status: "replied" } });
    const filtered = await api.call("GET", `/api/pipeline?listId=${list.json.id}`, { key });
    expect(filtered.json.total).toBe(2);
    // Marked replied by hand: it replied, but it was never audited, sent an email or opened one.
    expect(filtered.json.funnel.map((f: { count: number }) => f.count)).toEqual([2, 0, 0, 0, 1, 0]);
    const sample = await api.call("GET", `/api/pipeline/stages/replied/leads?listId=${list.json.id}`, {
      key,
    });
    expect(sample.json.map((l: { email: string }) => l.email)).toEqual(["a@two.example"]);
    expect((await api.call("GET", "/api/pipeline/stages/nonsense/leads", { key })).status).toBe(400);
  });
});
