/**
 * Claim + render + send into a loopback SMTP sink, against bare pooled nodemailer sends of the same
 * number of messages to the same sink, in one run (goal: at least 70% of bare). Needs DATABASE_URL
 * (a scratch database is created next to it) or runs on an in-memory PGlite.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/sendThroughput.bench.ts 2000
 */
import { PGlite } from "@electric-sql/pglite";
import nodemailer from "nodemailer";
import pg from "pg";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { setupWorkspace } from "../src/app/auth/setupWorkspace";
import type { AppContext } from "../src/app/context";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { createSecretBox } from "../src/app/security/secretBox";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { loadConfig } from "../src/config";
import { openDb, pgliteOptions } from "../src/db/client";
import { migrate } from "../src/db/migrate";
import { leads, listMembers } from "../src/db/schema";

const n = Number(process.argv[2] ?? 2000);
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

// Bare: nodemailer pooled, same message shape, same sink.
const bare = nodemailer.createTransport({
  host: "127.0.0.1",
  port,
  secure: false,
  pool: true,
  maxConnections: 3,
  tls: { rejectUnauthorized: false },
});
let t = performance.now();
const batch = 50;
for (let i = 0; i < n; i += batch)
  await Promise.all(
    Array.from({ length: Math.min(batch, n - i) }, (_, k) =>
      bare.sendMail({
        from: "me@bench.example",
        to: `lead${i + k}@bench.example`,
        subject: `Hi Lead${i + k}`,
        text: "Hello",
      }),
    ),
  );
const bareMs = performance.now() - t;
bare.close();

let handle;
let admin: pg.Client | null = null;
if (process.env.DATABASE_URL) {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query("drop database if exists overture_send_bench with (force)");
  await admin.query("create database overture_send_bench");
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = "/overture_send_bench";
  handle = await openDb({ databaseUrl: u.toString() });
} else handle = await openDb({ pglite: await PGlite.create(pgliteOptions) });
await migrate(handle.db);
const ctx = {
  db: handle.db,
  dbHandle: handle,
  config: loadConfig({ LOG_LEVEL: "silent" }),
  clock: { now: () => new Date() },
  log: pino({ level: "silent" }),
  secrets: createSecretBox("b".repeat(40)),
} as AppContext;
const r = await setupWorkspace(
  ctx,
  { workspaceName: "B", email: "b@bench.example", password: "password-1" },
  { firstRunOnly: false },
);
const actor = {
  workspaceId: r.workspace.id,
  userId: r.user.id,
  role: "owner" as const,
  via: "cli" as const,
  label: "bench",
};
await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
const list = await createList(ctx, actor, { name: "L" });
const ids = await ctx.db
  .insert(leads)
  .values(
    Array.from({ length: n }, (_, i) => ({
      workspaceId: actor.workspaceId,
      firstName: `Lead${i}`,
      email: `lead${i}@bench.example`,
      timezone: "UTC",
    })),
  )
  .returning({ id: leads.id });
for (let i = 0; i < ids.length; i += 1000)
  await ctx.db
    .insert(listMembers)
    .values(
      ids.slice(i, i + 1000).map((l) => ({ listId: list.id, leadId: l.id, workspaceId: actor.workspaceId })),
    );
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
const seq = await createSequence(ctx, actor, {
  runId: run.id,
  name: "S",
  listIds: [list.id],
  senderAccountId: sender.id,
  steps: [
    { channel: "email", delayDays: 0, condition: "always", subject: "Hi {{first_name}}", body: "Hello" },
  ],
});
await launchSequence(ctx, actor, seq.id);
const pool = new ChannelPool(ctx);
received = 0;
t = performance.now();
const sent = await runSchedulerOnce(ctx, pool, 50);
const oursMs = performance.now() - t;
await pool.close();
await handle.close();
if (admin) {
  await admin.query("drop database if exists overture_send_bench with (force)");
  await admin.end();
}
server.close();
if (received < sent) throw new Error(`the sink received ${received} of ${sent} messages`);
const bareRate = n / (bareMs / 1000);
const ourRate = sent / (oursMs / 1000);
console.log(
  `sendThroughput[${handle.kind}] ${n} messages: bare nodemailer ${bareRate.toFixed(0)} msg/s, claim+render+send ${ourRate.toFixed(0)} msg/s, ratio ${((100 * ourRate) / bareRate).toFixed(0)}% (goal >= 70%)`,
);
