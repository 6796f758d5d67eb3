import { createSocket } from "node:dgram";

export type Zone = Record<
  string,
  {
    a?: string[];
    aaaa?: string[];
    cname?: string;
    mx?: { priority: number; exchange: string }[];
    txt?: string[];
    ptr?: string[];
  }
>;

/**
 * A real DNS server on a loopback UDP port answering A, AAAA, CNAME, MX, TXT and PTR from a table (names
 * lower-case, no trailing dot; PTR under its reverse name, e.g. "25.2.0.192.in-addr.arpa"). Unknown
 * names get NXDOMAIN; known names without the asked type, an empty answer. The table is read on each
 * query, so a test can change a record while the server runs.
 */
/** An IPv6 address in text form ("2001:db8::25") as its 16 bytes. */
function ipv6Bytes(text: string): Buffer {
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === null ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(parseInt(g || "0", 16), i * 2));
  return b;
}

export async function startDnsServer(zone: Zone) {
  const sock = createSocket("udp4");
  sock.on("message", (msg, rinfo) => {
    const id = msg.readUInt16BE(0);
    let off = 12;
    const labels: string[] = [];
    while (msg[off]! > 0) {
      labels.push(msg.subarray(off + 1, off + 1 + msg[off]!).toString("latin1"));
      off += msg[off]! + 1;
    }
    const qEnd = off + 5;
    const qtype = msg.readUInt16BE(off + 1);
    const name = labels.join(".").toLowerCase();
    const rec = zone[name];
    const answers: Buffer[] = [];
    const rr = (type: number, data: Buffer) => {
      const h = Buffer.alloc(12);
      h.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question
      h.writeUInt16BE(type, 2);
      h.writeUInt16BE(1, 4);
      h.writeUInt32BE(60, 6);
      h.writeUInt16BE(data.length, 10);
      answers.push(h, data);
    };
    const encodeName = (n: string) =>
      Buffer.concat([
        ...n.split(".").map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])),
        Buffer.from([0]),
      ]);
    // A name with a CNAME answers only that (the resolver asked for CNAME, or follows it itself).
    if (rec?.cname && (qtype === 5 || qtype === 1 || qtype === 28)) rr(5, encodeName(rec.cname));
    if (rec && !rec.cname && qtype === 28) for (const a of rec.aaaa ?? []) rr(28, ipv6Bytes(a));
    if (rec && qtype === 1) for (const a of rec.a ?? []) rr(1, Buffer.from(a.split(".").map(Number)));
    if (rec && qtype === 15)
      for (const m of rec.mx ?? []) {
        const p = Buffer.alloc(2);
        p.writeUInt16BE(m.priority);
        rr(15, Buffer.concat([p, encodeName(m.exchange)]));
      }
    if (rec && qtype === 12) for (const n of rec.ptr ?? []) rr(12, encodeName(n));
    if (rec && qtype === 16)
      for (const t of rec.txt ?? []) {
        const parts: Buffer[] = [];
        for (let i = 0; i < t.length; i += 255) {
          const s = Buffer.from(t.slice(i, i + 255));
          parts.push(Buffer.from([s.length]), s);
        }
        rr(16, Buffer.concat(parts));
      }
    const count = answers.length / 2;
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(0x8180 | (rec ? 0 : 3), 2); // response, recursion available, NXDOMAIN if unknown
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(count, 6);
    sock.send(Buffer.concat([header, msg.subarray(12, qEnd), ...answers]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, "127.0.0.1", () => r()));
  return {
    address: `127.0.0.1:${sock.address().port}`,
    close: () => new Promise<void>((r) => sock.close(() => r())),
  };
}
