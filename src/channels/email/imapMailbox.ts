import type { ImapFlow } from "imapflow";

import { isIP } from "node:net";

export type ImapSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  /** Resolves and checks the host before connecting (MAIL_HOST_ALLOWLIST); absent = connect as is. */
  guard?: (host: string) => Promise<string>;
};
export type FetchedMessage = { uid: number; source: Buffer };

/**
 * How long one mailbox may take. imapflow's own defaults (90 s to connect, 16 s for the greeting,
 * 5 min of socket silence) let one stalled server hold its caller for minutes; every read here has
 * an overall deadline as well, so a server that trickles bytes cannot either.
 */
export type ImapTimeouts = { deadlineMs: number };

const loopback = ["127.0.0.1", "localhost", "::1"];

/** imapflow's per-phase timeouts, derived from the overall deadline. */
const phases = (t: ImapTimeouts) => ({
  connectionTimeout: Math.min(15_000, t.deadlineMs),
  greetingTimeout: Math.min(15_000, Math.max(1_000, Math.floor(t.deadlineMs / 2))),
  socketTimeout: Math.min(60_000, t.deadlineMs),
});

/** Connects to the address the guard checked; certificates and SNI use the name entered. */
export const imapClient = async (s: ImapSettings, t: ImapTimeouts, extra: Record<string, unknown>) => {
  const address = s.guard ? await s.guard(s.host) : s.host;
  // Loaded on first use: a server whose senders have no IMAP settings never carries it (~30 MB).
  const { ImapFlow } = await import("imapflow");
  return new ImapFlow({
    host: address,
    ...(address !== s.host && !isIP(s.host) ? { servername: s.host } : {}),
    port: s.port,
    secure: s.secure,
    auth: { user: s.user, pass: s.password },
    logger: false,
    ...phases(t),
    // Loopback test servers run without TLS; real servers are verified.
    tls: { rejectUnauthorized: !loopback.includes(s.host) },
    ...extra,
  });
};

/** What a person reads in the sender's "last error": which part of the conversation did not happen. */
export function describeImapError(e: unknown, s: ImapSettings, t: ImapTimeouts): Error {
  const err = e as { code?: string; message?: string };
  const where = `${s.host}:${s.port}`;
  const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  if (err.code === "GREETING_TIMEOUT")
    return new Error(
      `the IMAP server at ${where} accepted the connection but sent no greeting within ${secs(phases(t).greetingTimeout)}`,
    );
  if (err.code === "CONNECT_TIMEOUT")
    return new Error(
      `could not connect to the IMAP server at ${where} within ${secs(phases(t).connectionTimeout)}`,
    );
  if (err.code === "ETIMEOUT")
    return new Error(`the IMAP server at ${where} stopped answering (socket timeout)`);
  return e instanceof Error ? e : new Error(String(e));
}

/** Closes a client without waiting on a server that may never answer LOGOUT. */
export async function closeQuietly(client: ImapFlow, graceMs = 1_000) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.logout().catch(() => undefined),
    new Promise((r) => (timer = setTimeout(r, graceMs))),
  ]);
  clearTimeout(timer);
  client.close();
}

/**
 * Reads up to `limit` new messages of INBOX since a UID, within `deadlineMs` whatever the server
 * does (`more` says whether others wait). Returns the mailbox's UIDVALIDITY so the caller can tell
 * when its cursor no longer means anything. `signal` ends the read at once (worker shutdown).
 */
export async function fetchNewMessages(
  s: ImapSettings,
  sinceUid: number,
  knownValidity: string | null,
  o: ImapTimeouts & { limit?: number; signal?: AbortSignal },
): Promise<{ validity: string; messages: FetchedMessage[]; more: boolean }> {
  const client = await imapClient(s, o, { disableAutoIdle: true });
  client.on("error", () => undefined);
  let ended: Error | null = null;
  const end = (e: Error) => {
    ended ??= e;
    client.close();
  };
  const timer = setTimeout(
    () =>
      end(new Error(`the IMAP server at ${s.host}:${s.port} did not finish within ${o.deadlineMs / 1000} s`)),
    o.deadlineMs,
  );
  const onAbort = () => end(new Error("the worker is stopping"));
  o.signal?.addEventListener("abort", onAbort);
  try {
    await client.connect();
    const box = await client.mailboxOpen("INBOX", { readOnly: true });
    const validity = String(box.uidValidity);
    const from = knownValidity === validity ? sinceUid + 1 : 1;
    const messages: FetchedMessage[] = [];
    let more = false;
    if (box.exists > 0 && (box.uidNext ?? Number.MAX_SAFE_INTEGER) > from) {
      // `from:*` names the last message even when it is below `from` (RFC 9051), hence the filter.
      const uids = ((await client.search({ uid: `${from}:*` }, { uid: true })) || [])
        .filter((u) => u >= from)
        .sort((a, b) => a - b);
      const take = uids.slice(0, o.limit ?? 200);
      more = uids.length > take.length;
      if (take.length)
        for await (const m of client.fetch(take.join(","), { uid: true, source: true }, { uid: true }))
          if (m.source) messages.push({ uid: m.uid, source: m.source });
    }
    await closeQuietly(client);
    if (ended) throw ended;
    return { validity, messages: messages.sort((a, b) => a.uid - b.uid), more };
  } catch (e) {
    client.close();
    throw ended ?? describeImapError(e, s, o);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Keeps one connection to an inbox open in IDLE and calls `onNew` when the server announces new
 * mail. IDLE is only a wake-up: notifications can be late, lost or merged, so the caller still reads
 * by UID from its cursor (and keeps polling). Reconnects with a growing delay when the connection
 * drops or the server stalls (the same timeouts as a read).
 */
export function watchInbox(s: ImapSettings, t: ImapTimeouts, onNew: () => void, onError: (e: Error) => void) {
  let stopped = false;
  let client: ImapFlow | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 1_000;
  const start = async () => {
    if (stopped) return;
    // This connection does nothing else: enter IDLE right away (imapflow waits 15 s by default).
    let c: ImapFlow;
    try {
      c = await imapClient(s, t, { autoIdleDelay: 200, maxIdleTime: 4 * 60_000, socketTimeout: 5 * 60_000 });
    } catch (e) {
      // A refused or unresolvable host: say so, and look again later (DNS or settings may change).
      onError(e instanceof Error ? e : new Error(String(e)));
      if (!stopped) retry = setTimeout(start, (delay = Math.min(delay * 2, 300_000)));
      return;
    }
    if (stopped) return;
    client = c;
    c.on("exists", () => onNew());
    c.on("error", (e: Error) => onError(describeImapError(e, s, t)));
    c.on("close", () => {
      if (stopped || client !== c) return;
      retry = setTimeout(start, delay);
      delay = Math.min(delay * 2, 300_000);
    });
    // Setting up has the read's deadline; a server that stalls there is retried later, like a drop.
    const setup = setTimeout(() => c.close(), t.deadlineMs);
    try {
      await c.connect();
      await c.mailboxOpen("INBOX", { readOnly: true });
      clearTimeout(setup);
      delay = 1_000;
      // Anything that arrived while we were not listening is picked up by the caller's read.
      onNew();
    } catch (e) {
      clearTimeout(setup);
      onError(describeImapError(e, s, t));
      c.close();
    }
  };
  void start();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (client) await closeQuietly(client);
    },
  };
}
