import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { createSenderAccount, updateSenderAccount } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { mailboxCursors } from "../src/db/schema";
import { startSchedulerLoop } from "../src/jobs/schedulerLoop";
import { launchEmailSequence } from "./support/emailSequence";
import { eventually } from "./support/eventually";
import { startSmtpSink } from "./support/smtpSink";
import { startStallingImap } from "./support/stallingImapServer";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let silent: Awaited<ReturnType<typeof startStallingImap>>;
let greet: Awaited<ReturnType<typeof startStallingImap>>;
let loop: ReturnType<typeof startSchedulerLoop> | null = null;

const actorOf = (ws: { workspaceId: string; userId: string }): Actor => ({
  workspaceId: ws.workspaceId,
  userId: ws.userId,
  role: "owner",
  via: "cli",
  label: "t",
});

beforeAll(async () => {
  // Real seconds for the IMAP deadline (it is an I/O timeout, not a schedule): 10 s a read, so the
  // greeting may take 5 s.
  ctx = await createTestContext({ env: { INBOX_TIMEOUT_SECONDS: "10" } });
  sink = await startSmtpSink();
  silent = await startStallingImap("silent");
  greet = await startStallingImap("greet");
});
afterAll(async () => {
  await loop?.stop();
  await silent?.close();
  await greet?.close();
  await sink?.close();
  await ctx?.close();
});

describe("an IMAP server that stops answering", () => {
  it("delays no other workspace's sends, and its read ends by its own timeout saying so", async () => {
    // Two stalled inboxes in one workspace: one server never greets, one greets and then goes quiet.
    const stalled = actorOf(await seedWorkspace(ctx, "Stalled inboxes"));
    const stalledIds: Record<string, string> = {};
    for (const [name, server] of [
      ["silent", silent],
      ["greet", greet],
    ] as const)
      stalledIds[name] = (
        await createSenderAccount(ctx, stalled, {
          kind: "smtp",
          name,
          fromEmail: `${name}@stalled.example`,
          smtp: { host: "127.0.0.1", port: sink.port, secure: false },
          imap: { host: "127.0.0.1", port: server.port, secure: false, password: "x" },
        })
      ).id;
    const cursorOf = async (id: string) =>
      (await ctx.db.select().from(mailboxCursors).where(eq(mailboxCursors.senderAccountId, id)))[0];

    // Another workspace's send, ready beforehand with its sender paused, so that it becomes due in one
    // statement once the reads hang (on a loaded machine, seeding could outlast the read deadline).
    const other = actorOf(await seedWorkspace(ctx, "Healthy"));
    await updateWorkspace(ctx, other, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    const list = await createList(ctx, other, { name: "L" });
    await createLead(ctx, other, {
      firstName: "Hal",
      email: "hal@healthy.example",
      timezone: "UTC",
      listId: list.id,
    });
    const healthy = await launchEmailSequence(ctx, other, {
      listId: list.id,
      smtpPort: sink.port,
      fromEmail: "me@healthy.example",
      steps: [{ channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" }],
    });
    await updateSenderAccount(ctx, other, healthy.senderId, { paused: "waiting for the stalled reads" });

    loop = startSchedulerLoop(ctx, 100);
    // Both reads are under way and hanging: each server holds a connection, neither read has ended.
    await eventually(async () => silent.accepted() > 0 && greet.commands() > 0);
    // The other workspace's send becomes due now.
    await updateSenderAccount(ctx, other, healthy.senderId, { paused: null });
    await eventually(async () => sink.received.some((r) => r.to[0] === "hal@healthy.example"));

    // The order of events: the send went out while both reads were still hanging.
    for (const id of Object.values(stalledIds)) {
      const c = await cursorOf(id);
      expect(c?.lastPolledAt ?? null).toBeNull();
      expect(c?.lastError ?? null).toBeNull();
      expect(c?.leasedBy).toBe(loop.inbox!.owner);
    }
    expect(silent.open()).toBeGreaterThan(0);
    expect(greet.open()).toBeGreaterThan(0);

    // Each read then ends by its own timeout, and the sender says which.
    const silentDone = await eventually(async () => (await cursorOf(stalledIds.silent!))?.lastError);
    expect(silentDone).toMatch(/accepted the connection but sent no greeting within 5 s/);
    const greetDone = await eventually(async () => (await cursorOf(stalledIds.greet!))?.lastError);
    expect(greetDone).toMatch(/did not finish within 10 s|stopped answering/);
  }, 60_000);
});
