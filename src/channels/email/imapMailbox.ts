import { ImapFlow } from "imapflow";

export type ImapSettings = { host: string; port: number; secure: boolean; user: string; password: string };
export type FetchedMessage = { uid: number; source: Buffer };

const imapClient = (s: ImapSettings, extra: { disableAutoIdle?: boolean; autoIdleDelay?: number }) =>
  new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: { user: s.user, pass: s.password },
    logger: false,
    // Loopback test servers run without TLS; real servers are verified.
    tls: { rejectUnauthorized: !["127.0.0.1", "localhost", "::1"].includes(s.host) },
    ...extra,
  });

/**
 * Reads new messages of INBOX since a UID. Returns the mailbox's UIDVALIDITY so the caller can tell
 * when its cursor no longer means anything.
 */
export async function fetchNewMessages(s: ImapSettings, sinceUid: number, knownValidity: string | null) {
  const client = imapClient(s, { disableAutoIdle: true });
  await client.connect();
  try {
    const box = await client.mailboxOpen("INBOX", { readOnly: true });
    const validity = String(box.uidValidity);
    const from = knownValidity === validity ? sinceUid + 1 : 1;
    const messages: FetchedMessage[] = [];
    if (box.exists > 0 && (box.uidNext ?? Number.MAX_SAFE_INTEGER) > from) {
      for await (const m of client.fetch(`${from}:*`, { uid: true, source: true }, { uid: true })) {
        if (m.uid >= from && m.source) messages.push({ uid: m.uid, source: m.source });
      }
    }
    return { validity, messages };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * Keeps one connection per inbox open in IDLE and calls `onNew` when the server announces new mail.
 * IDLE is only a wake-up: notifications can be late, lost or merged, so the caller still reads by
 * UID from its cursor (and keeps polling). Reconnects with a growing delay when the connection drops.
 */
export function watchInbox(s: ImapSettings, onNew: () => void, onError: (e: Error) => void) {
  let stopped = false;
  let client: ImapFlow | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 1_000;
  const start = async () => {
    if (stopped) return;
    // This connection does nothing else: enter IDLE right away (imapflow waits 15 s by default).
    const c = imapClient(s, { autoIdleDelay: 200 });
    client = c;
    c.on("exists", () => onNew());
    c.on("error", (e: Error) => onError(e));
    c.on("close", () => {
      if (stopped || client !== c) return;
      retry = setTimeout(start, delay);
      delay = Math.min(delay * 2, 300_000);
    });
    try {
      await c.connect();
      await c.mailboxOpen("INBOX", { readOnly: true });
      delay = 1_000;
      // Anything that arrived while we were not listening is picked up by the caller's read.
      onNew();
    } catch (e) {
      onError(e as Error);
      c.close();
    }
  };
  void start();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.logout().catch(() => client?.close());
    },
  };
}
