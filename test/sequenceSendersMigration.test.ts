import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { createRun } from "../src/app/outreach/runs";
import { createSequence } from "../src/app/outreach/sequences";
import { queryRows } from "../src/db/client";
import { migrate } from "../src/db/migrate";
import { enrollments, sequenceSenders } from "../src/db/schema";
import { launchSandboxSequence } from "./support/emailSequence";
import { openAllDayWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe("migration 0023 (sequence senders)", () => {
  it("gives every sequence with a sender that rotation of one, and its enrollments that sender", async () => {
    const { actor } = await openAllDayWorkspace(ctx, "Backfill");
    const list = await createList(ctx, actor, { name: "L" });
    for (const n of ["a", "b"])
      await createLead(ctx, actor, { firstName: n, email: `${n}@backfill.example`, listId: list.id });
    const launched = await launchSandboxSequence(ctx, actor, {
      listId: list.id,
      fromEmail: "me@backfill.example",
      steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
    });
    const run = await createRun(ctx, actor, { name: "R2", playKey: "builtin:email-only" });
    const none = await createSequence(ctx, actor, { runId: run.id, name: "No sender", listIds: [] });
    // The database as it was before 0023, with the same rows; then migrate again.
    await ctx.db.execute(sql.raw(`drop table sequence_senders`));
    await ctx.db.execute(sql.raw(`alter table enrollments drop column sender_account_id`));
    await ctx.db.execute(sql.raw(`delete from overture_migrations where id = '0023_sequence_senders'`));
    expect((await migrate(ctx.db)).applied).toEqual(["0023_sequence_senders"]);

    const rotation = await ctx.db.select().from(sequenceSenders);
    expect(rotation.filter((r) => r.workspaceId === actor.workspaceId)).toEqual([
      {
        sequenceId: launched.sequenceId,
        senderAccountId: launched.senderId,
        workspaceId: actor.workspaceId,
        position: 0,
      },
    ]);
    expect(rotation.some((r) => r.sequenceId === none.id)).toBe(false);
    const rows = await ctx.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.sequenceId, launched.sequenceId));
    expect(rows.map((e) => e.senderAccountId)).toEqual([launched.senderId, launched.senderId]);
    const [left] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from enrollments where sender_account_id is null`,
    );
    expect(left!.n).toBe(0);
  });
});
