import { connect, type Socket } from "node:net";
import type { ProbeReply } from "../../domain/verification";

/**
 * Asks a mail server whether it would accept mail for some addresses, without sending any:
 * greeting, EHLO (HELO if refused), MAIL FROM, one RCPT TO per address, then RSET and QUIT.
 * A small hand-written client because mail libraries only offer "send", and a probe must stop
 * before DATA.
 */
export async function smtpProbe(o: {
  host: string;
  port: number;
  heloName: string;
  mailFrom: string;
  rcpts: string[];
  timeoutMs?: number;
}): Promise<ProbeReply[]> {
  const socket = connect({ host: o.host, port: o.port });
  socket.setTimeout(o.timeoutMs ?? 10_000);
  const lines = lineReader(socket);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("error", reject);
      socket.once("timeout", () => reject(new Error(`timeout connecting to ${o.host}:${o.port}`)));
    });
    const expect = async (what: string) => {
      const r = await lines.reply();
      if (r.code >= 400) throw new Error(`${what} refused: ${r.code} ${r.text}`);
      return r;
    };
    await expect("greeting");
    socket.write(`EHLO ${o.heloName}\r\n`);
    if ((await lines.reply()).code >= 400) {
      socket.write(`HELO ${o.heloName}\r\n`);
      await expect("HELO");
    }
    socket.write(`MAIL FROM:<${o.mailFrom}>\r\n`);
    await expect("MAIL FROM");
    const replies: ProbeReply[] = [];
    for (const rcpt of o.rcpts) {
      socket.write(`RCPT TO:<${rcpt}>\r\n`);
      replies.push(await lines.reply());
    }
    socket.write("RSET\r\nQUIT\r\n");
    return replies;
  } finally {
    socket.destroy();
  }
}

/** Reads SMTP replies (multi-line "250-…" up to "250 …") from a socket, one at a time. */
function lineReader(socket: Socket) {
  let buffer = "";
  const queue: string[] = [];
  let waiting: ((line: string | Error) => void) | null = null;
  const push = (item: string | Error) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(item);
    } else if (typeof item === "string") queue.push(item);
    else failure = item;
  };
  let failure: Error | null = null;
  socket.on("data", (d: Buffer) => {
    buffer += d.toString("latin1");
    let i = buffer.indexOf("\n");
    while (i >= 0) {
      push(buffer.slice(0, i).replace(/\r$/, ""));
      buffer = buffer.slice(i + 1);
      i = buffer.indexOf("\n");
    }
  });
  socket.on("timeout", () => push(new Error("the mail server stopped answering (timeout)")));
  socket.on("error", (e) => push(e));
  socket.on("close", () => push(new Error("the mail server closed the connection")));
  const line = () =>
    new Promise<string>((resolve, reject) => {
      if (queue.length) return resolve(queue.shift()!);
      if (failure) return reject(failure);
      waiting = (l) => (typeof l === "string" ? resolve(l) : reject(l));
    });
  return {
    async reply(): Promise<ProbeReply> {
      const parts: string[] = [];
      for (;;) {
        const l = await line();
        const m = /^(\d{3})([ -])(.*)$/.exec(l);
        if (!m) throw new Error(`not an SMTP reply: ${l.slice(0, 80)}`);
        parts.push(m[3]!);
        if (m[2] === " ") {
          const text = parts.join(" ");
          const enhanced = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] ?? null;
          return { code: Number(m[1]), enhanced, text: `${m[1]} ${text}` };
        }
      }
    },
  };
}
