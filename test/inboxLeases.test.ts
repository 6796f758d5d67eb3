import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, AppContext } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { pollInboxes, pollMailbox } from "../src/app/outreach/pollInboxes";
import { createSenderAccount } from "../src/app/outreach/senderAccounts";
import { openDb, queryRows } from "../src/db/client";
import { claimMailboxes, releaseMailboxes, saveCursor } from "../src/db/queries/mailboxLeases";
import { inboundMessages, mailboxCursors, senderAccounts } from "../src/db/schema";
import { startInboxLoop } from "../src/jobs/inboxLoop";
import { appendToInbox, dovecotPath, startDovecot } from "./support/dovecot";
import { eventually } from "./support/eventually";
import { startStallingImap } from "./support/stallingImapServer";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

const pg = !!process.env.DATABASE_URL;
const ci = process.env.CI === "true";
let ctx: TestContext;
let actor: Actor;

beforeAll(async () => {
  ctx = await createTestContext({ clock: undefined });
  const ws = await seedWorkspace(ctx, "Leases");
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "t" };
});
afterAll(async () => {
  await ctx?.close();
});

const imapSender = (name: string, port: number, password = "x") =>
  createSenderAccount(ctx, actor, {
    kind: "smtp",
    name,
    fromEmail: `${name}@leases.example`,
    smtp: { host: "127.0.0.1", port: 25, secure: false },
    imap: { host: "127.0.0.1", port, secure: false, password },
  });

describe("mailbox leases", () => {
  it("one holder at a time; a dead holder's lease runs out and its late write is refused", async () => {
    const s = await imapSender("lease", 1);
    const now = ctx.clock.now();
    const until = new Date(now.getTime() + 60_000);
    const take = (owner: string, at = ctx.clock.now()) =>
      claimMailboxes(ctx.db, {
        owner,
        now: at,
        until: new Date(at.getTime() + 60_000),
        limit: 10,
        onlyIds: [s.id],
      });
    expect((await take("A")).map((m) => m.senderAccountId)).toEqual([s.id]);
    expect(await take("B")).toEqual([]);
    // The holder renews its own lease.
    expect(await take("A")).toHaveLength(1);
    // A never renews again (killed): once its lease has run out, B takes the mailbox.
    ctx.clock.set(new Date(until.getTime() + 1));
    expect(await take("B")).toHaveLength(1);
    const late = {
      id: s.id,
      uidValidity: "1",
      lastUid: 99,
      now: ctx.clock.now(),
      error: null,
      leaseUntil: until,
    };
    expect(await saveCursor(ctx.db, { ...late, owner: "A" })).toBe(false);
    expect(await saveCursor(ctx.db, { ...late, owner: "B", lastUid: 3 })).toBe(true);
    const [c] = await ctx.db.select().from(mailboxCursors).where(eq(mailboxCursors.senderAccountId, s.id));
    expect(c).toMatchObject({ leasedBy: "B", lastUid: 3 });
    // Given back on stop: anyone may take it at once.
    await releaseMailboxes(ctx.db, "B");
    expect(await take("C")).toHaveLength(1);
    await releaseMailboxes(ctx.db, "C");
    await ctx.db.delete(senderAccounts).where(eq(senderAccounts.id, s.id));
  });

  it("a one-off poll leaves alone a mailbox another worker holds", async () => {
    const server = await startStallingImap("silent");
    try {
      const s = await imapSender("held", server.port);
      const now = ctx.clock.now();
      await claimMailboxes(ctx.db, {
        owner: "worker-1",
        now,
        until: new Date(now.getTime() + 60_000),
        limit: 10,
        onlyIds: [s.id],
      });
      expect(await pollInboxes(ctx, { onlyIds: [s.id] })).toBe(0);
      expect(server.accepted()).toBe(0);
      await ctx.db.delete(senderAccounts).where(eq(senderAccounts.id, s.id));
    } finally {
      await server.close();
    }
  });
});

// Two workers need two processes' worth of connections: PostgreSQL only (PGlite is one process by design).
describe.skipIf(!pg || (!dovecotPath && !ci))(
  "two workers reading the same Dovecot inbox (PostgreSQL)",
  () => {
    let imap: Awaited<ReturnType<typeof startDovecot>>;
    const workers: { ctx: AppContext; close(): Promise<void> }[] = [];
    beforeAll(async () => {
      imap = await startDovecot();
      for (let i = 0; i < 2; i++) {
        const h = await openDb({ databaseUrl: ctx.testDb.url!, poolSize: 3 });
        workers.push({
          ctx: { ...ctx, db: h.db, dbHandle: h, log: pino({ level: "silent" }) },
          close: () => h.close(),
        });
      }
    });
    afterAll(async () => {
      for (const w of workers) await w.close();
      await imap?.stop();
    });

    const reply = (i: number) =>
      appendToInbox(
        imap.port,
        "inbox@leases.example",
        imap.password,
        `From: P${i} <p${i}@prospect.example>\r\nTo: inbox@leases.example\r\nSubject: Re: Hello\r\nMessage-ID: <two-${i}@prospect.example>\r\n\r\nHappy to talk, ${i}.\r\n`,
      );
    const recorded = async () =>
      queryRows<{ message_id: string; n: number }>(
        ctx.db,
        sql`select message_id, count(*)::int as n from inbound_messages where workspace_id = ${actor.workspaceId}::uuid group by message_id`,
      );

    it("record each message once, one worker holding the mailbox and its IDLE watch, the other taking over", async () => {
      const list = await createList(ctx, actor, { name: "Two" });
      for (let i = 0; i < 31; i++)
        await createLead(ctx, actor, {
          firstName: `P${i}`,
          email: `p${i}@prospect.example`,
          listId: list.id,
        });
      const s = await createSenderAccount(ctx, actor, {
        kind: "smtp",
        name: "inbox",
        fromEmail: "inbox@leases.example",
        smtp: { host: "127.0.0.1", port: 25, secure: false },
        imap: { host: "127.0.0.1", port: imap.port, secure: false, password: imap.password },
      });
      for (let i = 0; i < 10; i++) await reply(i);

      // Both workers run at once, polling often, with IDLE watches.
      const loops = workers.map((w) => startInboxLoop(w.ctx, { intervalMs: 100 }));
      await eventually(async () => (await recorded()).length >= 10);
      // The rest arrive while both run (IDLE wakes the holder).
      for (let i = 10; i < 30; i++) await reply(i);
      await eventually(async () => (await recorded()).length >= 30);

      const holders = loops.filter((l) => l.held().includes(s.id));
      expect(holders).toHaveLength(1);
      const [cursor] = await ctx.db
        .select()
        .from(mailboxCursors)
        .where(eq(mailboxCursors.senderAccountId, s.id));
      expect(cursor!.leasedBy).toBe(holders[0]!.owner);
      expect(holders[0]!.watching()).toBe(1);
      expect(loops.find((l) => l !== holders[0])!.watching()).toBe(0);

      // The holder stops (gives the mailbox back); the other takes it over and reads the next reply.
      await holders[0]!.stop();
      const rest = loops.find((l) => l !== holders[0])!;
      await reply(30);
      await eventually(async () => (await recorded()).length >= 31);
      expect(rest.held()).toContain(s.id);
      await rest.stop();

      const rows = await recorded();
      expect(rows).toHaveLength(31);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    }, 120_000);

    it("two reads of one mailbox at the same instant (a lease taken over mid-read) still record each message once", async () => {
      const s = await createSenderAccount(ctx, actor, {
        kind: "smtp",
        name: "race",
        fromEmail: "race@leases.example",
        smtp: { host: "127.0.0.1", port: 25, secure: false },
        imap: {
          host: "127.0.0.1",
          port: imap.port,
          secure: false,
          user: "inbox@leases.example",
          password: imap.password,
        },
      });
      const before = await ctx.db.select().from(inboundMessages);
      for (let i = 31; i < 41; i++) {
        await createLead(ctx, actor, { firstName: `P${i}`, email: `p${i}@prospect.example` });
        await reply(i);
      }
      const [acc] = await ctx.db.select().from(senderAccounts).where(eq(senderAccounts.id, s.id));
      // Both start from the top of the inbox, as if neither knew of the other.
      const start = { senderAccountId: s.id, uidValidity: "", lastUid: 0 };
      await Promise.all(workers.map((w, i) => pollMailbox(w.ctx, acc!, start, `racer-${i}`)));
      const after = await ctx.db.select().from(inboundMessages);
      // The ten new replies are recorded once each; the older ones, read again, are not recorded again.
      expect(after.length).toBe(before.length + 10);
      const rows = await recorded();
      expect(rows.every((r) => r.n === 1)).toBe(true);
    }, 60_000);
  },
);
