import { ImapFlow } from "imapflow";

export type ImapSettings = { host: string; port: number; secure: boolean; user: string; password: string };
export type FetchedMessage = { uid: number; source: Buffer };

/**
 * Reads new messages of INBOX since a UID. Returns the mailbox's UIDVALIDITY so the caller can tell
 * when its cursor no longer means anything.
 */
export async function fetchNewMessages(s: ImapSettings, sinceUid: number, knownValidity: string | null) {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: { user: s.user, pass: s.password },
    logger: false,
    // Loopback test servers run without TLS; real servers are verified.
    tls: { rejectUnauthorized: !["127.0.0.1", "localhost", "::1"].includes(s.host) },
    disableAutoIdle: true,
  });
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
