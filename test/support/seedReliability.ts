/**
 * Child-process seed for the kill test: opens the database the way `overture` does (so PGlite's
 * single-process rule is respected), creates N leads, an SMTP sender pointing at the test's sink,
 * and launches a one-step sequence. Run with: node --import tsx test/support/seedReliability.ts
 */
import { updateDeliverabilitySettings } from "../../src/app/senders/senderHealthReport";
import { setupWorkspace } from "../../src/app/auth/setupWorkspace";
import { boot } from "../../src/app/boot";
import { createList } from "../../src/app/lists/lists";
import { launchSequence } from "../../src/app/outreach/enrollments";
import { createRun } from "../../src/app/outreach/runs";
import { createSenderAccount } from "../../src/app/outreach/senderAccounts";
import { createSequence } from "../../src/app/outreach/sequences";
import { updateWorkspace } from "../../src/app/workspaces/workspaceSettings";
import { leads, listMembers } from "../../src/db/schema";

const n = Number(process.env.SEED_LEADS ?? 300);
const ctx = await boot();
const r = await setupWorkspace(
  ctx,
  { workspaceName: "Kill test", email: "kill@test.example", password: "violet-harbour-lantern-42" },
  { firstRunOnly: false },
);
const actor = {
  workspaceId: r.workspace.id,
  userId: r.user.id,
  role: "owner" as const,
  via: "cli" as const,
  label: "seed",
};
// A window that is always open, so every lead is due now whatever the hour of the test.
await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
// Every lead is at kill.example: the per-domain limit would hold all but 20 of them.
await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
const list = await createList(ctx, actor, { name: "Kill list" });
const rows = Array.from({ length: n }, (_, i) => ({
  workspaceId: actor.workspaceId,
  firstName: `Lead${i}`,
  email: `lead${i}@kill.example`,
  timezone: "UTC",
}));
const inserted = await ctx.db.insert(leads).values(rows).returning({ id: leads.id });
await ctx.db
  .insert(listMembers)
  .values(inserted.map((l) => ({ listId: list.id, leadId: l.id, workspaceId: actor.workspaceId })));
const sender = await createSenderAccount(ctx, actor, {
  kind: "smtp",
  name: "Sink",
  fromEmail: "me@kill.example",
  smtp: { host: "127.0.0.1", port: Number(process.env.SINK_PORT), secure: false },
  dailyCap: 100000,
  minGapSeconds: 0,
  jitterSeconds: 0,
});
const run = await createRun(ctx, actor, { name: "Kill run", playKey: "builtin:email-only" });
const seq = await createSequence(ctx, actor, {
  runId: run.id,
  name: "Kill",
  listIds: [list.id],
  senderAccountId: sender.id,
  steps: [
    {
      channel: "email",
      delayDays: 0,
      condition: "always",
      subject: "Hello {{first_name}}",
      body: "Hi {{first_name}}",
    },
  ],
});
await launchSequence(ctx, actor, seq.id);
await ctx.shutdown();
console.log("seeded");
