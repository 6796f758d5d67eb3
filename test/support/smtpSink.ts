import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string; headers: Record<string, string> };

function headersOf(raw: string) {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const out: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).toLowerCase()] ??= line.slice(i + 1).trim();
  }
  return out;
}

/**
 * A real SMTP server on loopback that keeps what it receives; `reject` makes it refuse recipients.
 * `pause()` holds the answer to every message's DATA (the message is kept, as a real server that
 * already queued it would, but the client does not hear so) until `resume()`; `held()` gives the
 * client ports of the held messages.
 */
export async function startSmtpSink(
  opts: {
    rejectRecipients?: RegExp;
    /** The refusal for those recipients: its reply code and text ("5.1.1 ... User unknown"). */
    rejectWith?: { code: number; text: string };
    user?: string;
    password?: string;
    delayMs?: number;
  } = {},
) {
  const received: Received[] = [];
  let paused = false;
  let waiting: { port: number; go: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, cb) {
      if (opts.user && (auth.username !== opts.user || auth.password !== opts.password))
        return cb(new Error("535 bad credentials"));
      cb(null, { user: auth.username });
    },
    logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.rejectRecipients?.test(address.address))
        return cb(
          Object.assign(new Error(opts.rejectWith?.text ?? "5.1.1 no such user"), {
            responseCode: opts.rejectWith?.code ?? 550,
          }),
        );
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        if (paused) await new Promise<void>((go) => waiting.push({ port: session.remotePort, go }));
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          headers: headersOf(raw),
        });
        cb();
      });
    },
  });
  // A client killed mid-conversation resets its connection; that is the point of some tests.
  server.on("error", () => {});
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)),
  );
  return {
    port,
    received,
    pause: () => void (paused = true),
    resume: () => {
      paused = false;
      for (const w of waiting) w.go();
      waiting = [];
    },
    held: () => waiting.map((w) => w.port),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
