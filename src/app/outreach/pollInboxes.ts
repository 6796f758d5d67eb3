import { mailHostGuard } from "../net/mailHostGuard";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { fetchNewMessages, type ImapSettings } from "../../channels/email/imapMailbox";
import { isUniqueViolation } from "../../db/errors";
import {
  claimMailboxes,
  type LeasedMailbox,
  releaseMailboxes,
  saveCursor,
  saveMailboxError,
} from "../../db/queries/mailboxLeases";
import { senderAccounts } from "../../db/schema";
import type { AppContext } from "../context";
import { recordFetchedEmail } from "./recordFetchedEmail";

type SenderRow = typeof senderAccounts.$inferSelect;

/** How long a worker keeps a mailbox without renewing: a killed worker's mailboxes wait this long. */
export const inboxLeaseMs = (ctx: AppContext) =>
  (ctx.config.inbox.pollSeconds + 2 * ctx.config.inbox.timeoutSeconds) * 1000;

export const imapSettingsOf = (ctx: AppContext, acc: SenderRow): ImapSettings => ({
  host: acc.imapHost!,
  port: acc.imapPort ?? 993,
  secure: acc.imapSecure,
  user: acc.imapUser ?? acc.fromEmail,
  password: acc.imapPasswordEnc ? ctx.secrets.decrypt(acc.imapPasswordEnc) : "",
  guard: mailHostGuard(ctx.config.mailHostAllowlist),
});

/** The sender rows of leased mailboxes (with IMAP settings). */
export async function sendersOf(ctx: AppContext, ids: string[]) {
  if (!ids.length) return [];
  return ctx.db
    .select()
    .from(senderAccounts)
    .where(
      and(
        inArray(senderAccounts.id, ids),
        eq(senderAccounts.kind, "smtp"),
        isNotNull(senderAccounts.imapHost),
      ),
    );
}

/**
 * Reads one leased mailbox and records what prospects sent, in UID order, moving the cursor past
 * each message recorded; a backlog is read in slices, each within the deadline, renewing the lease
 * between them. A message already recorded (another reader got it first) counts as done. A read
 * that fails or runs past its deadline leaves the reason on the mailbox. Returns how many messages
 * were recorded.
 */
export async function pollMailbox(
  ctx: AppContext,
  acc: SenderRow,
  start: LeasedMailbox,
  owner: string,
  signal?: AbortSignal,
): Promise<number> {
  let recorded = 0;
  let cursor = { validity: start.uidValidity || null, lastUid: start.lastUid };
  for (let slice = 0; slice < 50 && !signal?.aborted; slice++) {
    let fetched: Awaited<ReturnType<typeof fetchNewMessages>>;
    try {
      fetched = await fetchNewMessages(imapSettingsOf(ctx, acc), cursor.lastUid, cursor.validity, {
        deadlineMs: ctx.config.inbox.timeoutSeconds * 1000,
        signal,
      });
    } catch (e) {
      // A worker stopping is not the server's fault: the mailbox keeps its last state.
      if (signal?.aborted) return recorded;
      const error = (e as Error).message;
      ctx.log.warn({ err: error, sender: acc.id }, "inbox poll failed");
      await saveMailboxError(ctx.db, { id: acc.id, owner, now: ctx.clock.now(), error });
      return recorded;
    }
    let lastUid = cursor.validity === fetched.validity ? cursor.lastUid : 0;
    let error: string | null = null;
    for (const f of fetched.messages) {
      try {
        recorded += await recordFetchedEmail(ctx, acc, f.source);
      } catch (e) {
        if (!isUniqueViolation(e)) {
          error = `message UID ${f.uid} could not be recorded: ${(e as Error).message}`;
          ctx.log.error({ err: e, sender: acc.id, uid: f.uid }, "inbound message not recorded");
          break;
        }
      }
      lastUid = Math.max(lastUid, f.uid);
    }
    const now = ctx.clock.now();
    const kept = await saveCursor(ctx.db, {
      id: acc.id,
      owner,
      uidValidity: fetched.validity,
      lastUid,
      now,
      error,
      leaseUntil: new Date(now.getTime() + inboxLeaseMs(ctx)),
    });
    if (!kept || error || !fetched.more) break;
    cursor = { validity: fetched.validity, lastUid };
  }
  return recorded;
}

/**
 * Runs `work` over `items`, at most `n` at a time: one slow mailbox holds one slot, not the others.
 */
export async function eachLimited<T>(items: T[], n: number, work: (t: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(n, queue.length) }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) await work(t);
    }),
  );
}

/**
 * One read of every sender inbox that no worker holds right now, each under a lease taken for this
 * call and given back after it (the worker's inbox loop keeps its leases instead). Mailboxes are read
 * a few at a time, each within its own deadline. Returns how many messages were recorded.
 */
export async function pollInboxes(ctx: AppContext, o: { onlyIds?: string[] } = {}) {
  const owner = `poll:${randomUUID()}`;
  const now = ctx.clock.now();
  const held = await claimMailboxes(ctx.db, {
    owner,
    now,
    until: new Date(now.getTime() + inboxLeaseMs(ctx)),
    limit: 10_000,
    onlyIds: o.onlyIds,
  });
  let recorded = 0;
  try {
    const byId = new Map(
      (
        await sendersOf(
          ctx,
          held.map((h) => h.senderAccountId),
        )
      ).map((a) => [a.id, a]),
    );
    await eachLimited(held, ctx.config.inbox.concurrency, async (h) => {
      const acc = byId.get(h.senderAccountId);
      if (acc) recorded += await pollMailbox(ctx, acc, h, owner);
    });
  } finally {
    await releaseMailboxes(ctx.db, owner);
  }
  return recorded;
}
