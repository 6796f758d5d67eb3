/**
 * From a reply landing in the IMAP inbox to its sequence stopped (goal: p95 under 5 s). A real
 * dovecot on loopback, a worker's scheduler loop with its default 5 s poll and IMAP IDLE wake-up,
 * replies appended one at a time at random moments; latency read from the database.
 *   node --import tsx bench/replyToStop.bench.ts 40
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/replyToStop.bench.ts 40
 */
import { eq } from "drizzle-orm";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { enrollments, messages } from "../src/db/schema";
import { startSchedulerLoop } from "../src/jobs/schedulerLoop";
import { appendToInbox, startDovecot } from "../test/support/dovecot";
import { launchEmailSequence } from "../test/support/emailSequence";
import { startSmtpSink } from "../test/support/smtpSink";
import { benchContext } from "./support/benchContext";

const n = Number(process.argv[2] ?? 40);
const imap = await startDovecot();
const sink = await startSmtpSink();
const bench = await benchContext("reply");
const { ctx, actor } = bench;
const list = await createList(ctx, actor, { name: "L" });
const leadIds: string[] = [];
for (let i = 0; i < n; i++)
  leadIds.push(
    (await createLead(ctx, actor, { firstName: `P${i}`, email: `p${i}@prospect.example`, listId: list.id }))
      .id,
  );
await launchEmailSequence(ctx, actor, {
  listId: list.id,
  smtpPort: sink.port,
  fromEmail: "me@overture.test",
  imap: { port: imap.port, password: imap.password },
  steps: [
    { channel: "email", delayDays: 0, condition: "always", subject: "Hello", body: "Hi" },
    { channel: "email", delayDays: 2, condition: "no_reply", body: "Bump" },
  ],
});
// `poll` as second argument measures polling alone (no IDLE wake-up), for comparison.
const pollOnly = process.argv[3] === "poll";
const loop = startSchedulerLoop(ctx, 5_000, { watchInboxes: !pollOnly, inboxIntervalMs: 5_000 });
const wait = (ms: number) => new Promise((res) => setTimeout(res, ms));
while ((await ctx.db.select().from(messages).where(eq(messages.status, "sent"))).length < n) await wait(100);

const latencies: number[] = [];
for (const leadId of leadIds) {
  // A random moment relative to the poll timer, so polling alone would average 2.5 s.
  await wait(Math.random() * 5000);
  const [m] = await ctx.db.select().from(messages).where(eq(messages.leadId, leadId));
  const t0 = performance.now();
  await appendToInbox(
    imap.port,
    "me@overture.test",
    imap.password,
    `From: <${m!.toAddress}>\r\nTo: me@overture.test\r\nSubject: Re: Hello\r\nMessage-ID: <reply-${leadId}@prospect.example>\r\nIn-Reply-To: ${m!.messageId}\r\n\r\nLet's talk.\r\n`,
  );
  for (;;) {
    const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, leadId));
    if (e!.state === "replied") break;
    await wait(10);
  }
  latencies.push(performance.now() - t0);
}
await loop.stop();
await bench.close();
await imap.stop();
await sink.close();
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
console.log(
  `replyToStop[${bench.kind}${pollOnly ? ", polling only" : ", IDLE + polling"}] ${n} replies: p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, max ${q(1).toFixed(0)} ms (goal p95 < 5000 ms)`,
);
