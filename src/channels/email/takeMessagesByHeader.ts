import {
  closeQuietly,
  describeImapError,
  type FetchedMessage,
  imapClient,
  type ImapSettings,
  type ImapTimeouts,
} from "./imapMailbox";

/**
 * Reads and deletes the INBOX messages whose header `name` contains `value` (IMAP SEARCH HEADER),
 * within `deadlineMs`: for a message we put there ourselves (the DKIM probe), which should not stay
 * in the person's mailbox. [] when none is there yet.
 */
export async function takeMessagesByHeader(
  s: ImapSettings,
  header: { name: string; value: string },
  o: ImapTimeouts,
): Promise<FetchedMessage[]> {
  const client = await imapClient(s, o, { disableAutoIdle: true });
  client.on("error", () => undefined);
  let ended: Error | null = null;
  const timer = setTimeout(() => {
    ended = new Error(
      `the IMAP server at ${s.host}:${s.port} did not finish within ${o.deadlineMs / 1000} s`,
    );
    client.close();
  }, o.deadlineMs);
  try {
    await client.connect();
    await client.mailboxOpen("INBOX");
    const uids = (await client.search({ header: { [header.name]: header.value } }, { uid: true })) || [];
    const messages: FetchedMessage[] = [];
    if (uids.length) {
      for await (const m of client.fetch(uids.join(","), { uid: true, source: true }, { uid: true }))
        if (m.source) messages.push({ uid: m.uid, source: m.source });
      await client.messageDelete(uids.join(","), { uid: true });
    }
    await closeQuietly(client);
    if (ended) throw ended;
    return messages.sort((a, b) => a.uid - b.uid);
  } catch (e) {
    client.close();
    throw ended ?? describeImapError(e, s, o);
  } finally {
    clearTimeout(timer);
  }
}
