/**
 * Claim + render + send into a loopback SMTP sink, against bare pooled nodemailer sends of the same
 * number of messages to the same sink, in one run (goal: at least 70% of bare). Needs DATABASE_URL
 * (a scratch database is created next to it) or runs on an in-memory PGlite.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/sendThroughput.bench.ts 2000 3
 */
import { updateDeliverabilitySettings } from "../src/app/senders/senderHealthReport";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { leads, listMembers } from "../src/db/schema";
import { benchContext } from "./support/benchContext";

const n = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 3);
let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(s, _x, cb) {
    s.on("data", () => {});
    s.on("end", () => {
      received++;
      cb();
    });
  },
});
server.on("error", () => {});
const port = await new Promise<number>((r) =>
  server.listen(0, "127.0.0.1", () => r((server.server.address() as { port: number }).port)),
);

// Bare: nodemailer pooled, same message shape, same sink, 50 messages in flight.
const unsubscribeExample =
  "http://127.0.0.1:3000/unsubscribe/AZqJ1x2bcYl0m0XzAZqJ1x2bcYl0m0XzAZqJ1x2bcYl0m0Xz.AZqJ1x2bcYl0m0XzAZqJ1x";
async function bareRun() {
  const bare = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    pool: true,
    maxConnections: 3,
    tls: { rejectUnauthorized: false },
  });
  const t = performance.now();
  for (let i = 0; i < n; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, k) =>
        // The same bytes our scheduler sends: names, threading id, unsubscribe footer and RFC 8058 headers.
        bare.sendMail({
          from: { name: "", address: "me@bench.example" },
          to: { name: `Lead${i + k}`, address: `lead${i + k}@bench.example` },
          subject: `Hi Lead${i + k}`,
          text: `Hello\n\n--\nNot interested? Unsubscribe: ${unsubscribeExample}`,
          messageId: `<${randomUUID()}@bench.example>`,
          headers: {
            "List-Unsubscribe": `<${unsubscribeExample}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        }),
      ),
    );
  const ms = performance.now() - t;
  bare.close();
  return n / (ms / 1000);
}

const bench = await benchContext("send");
const { ctx, actor } = bench;
// Every lead is at bench.example: the per-domain limit is off, as for a bare nodemailer run.
await updateDeliverabilitySettings(ctx, actor, { perDomainDailyLimit: 0 });
const sender = await createSenderAccount(ctx, actor, {
  kind: "smtp",
  name: "S",
  fromEmail: "me@bench.example",
  smtp: { host: "127.0.0.1", port, secure: false },
  dailyCap: 1_000_000,
  minGapSeconds: 0,
  jitterSeconds: 0,
});
const run = await createRun(ctx, actor, { name: "R", playKey: "builtin:email-only" });

/** A fresh list of n leads and a one-step sequence on it, launched: n sends due now. */
async function prepareRound(r: number) {
  const list = await createList(ctx, actor, { name: `L${r}` });
  const ids = await ctx.db
    .insert(leads)
    .values(
      Array.from({ length: n }, (_, i) => ({
        workspaceId: actor.workspaceId,
        firstName: `Lead${i}`,
        email: `lead${i}.r${r}@bench.example`,
        timezone: "UTC",
      })),
    )
    .returning({ id: leads.id });
  for (let i = 0; i < ids.length; i += 1000)
    await ctx.db
      .insert(listMembers)
      .values(
        ids
          .slice(i, i + 1000)
          .map((l) => ({ listId: list.id, leadId: l.id, workspaceId: actor.workspaceId })),
      );
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name: `S${r}`,
    listIds: [list.id],
    senderAccountId: sender.id,
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi {{first_name}}", body: "Hello" },
    ],
  });
  await launchSequence(ctx, actor, seq.id);
}

// Rounds alternate bare and ours so machine noise hits both alike; the median ratio is reported.
const ratios: number[] = [];
const rates: [number, number][] = [];
const pool = new ChannelPool(ctx);
for (let r = 0; r < rounds; r++) {
  const bareRate = await bareRun();
  await prepareRound(r);
  received = 0;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const sent = await runSchedulerOnce(ctx, pool);
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (process.env.BENCH_VERBOSE)
    console.error(`round ${r}: node CPU ${((used.user + used.system) / 10 / wall).toFixed(0)}% of wall time`);
  const ourRate = sent / (wall / 1000);
  if (sent !== n || received < sent)
    throw new Error(`round ${r}: sent ${sent}, the sink received ${received}`);
  ratios.push(ourRate / bareRate);
  rates.push([bareRate, ourRate]);
}
await pool.close();
await bench.close();
server.close();
const mid = [...ratios.keys()].sort((a, b) => ratios[a]! - ratios[b]!)[Math.floor(rounds / 2)]!;
console.log(
  `sendThroughput[${bench.kind}] ${n} messages x ${rounds} rounds, median round: bare nodemailer ${rates[mid]![0].toFixed(0)} msg/s, claim+render+send ${rates[mid]![1].toFixed(0)} msg/s, ratio ${(100 * ratios[mid]!).toFixed(0)}% (goal >= 70%; all rounds ${ratios.map((x) => `${(100 * x).toFixed(0)}%`).join(" ")})`,
);
