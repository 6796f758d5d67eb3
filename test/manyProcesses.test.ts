import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/client";
import { startSmtpSink } from "./support/smtpSink";
import { freePort, startOverture } from "./support/serverProcess";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";
import { eventually } from "./support/eventually";

// Real processes sharing one PostgreSQL database: PGlite is one process by design.
const pg = !!process.env.DATABASE_URL;
const LEADS = 1000;
const IN_FLIGHT = 4;

type Proc = Awaited<ReturnType<typeof startOverture>>;
let ctx: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const procs: Proc[] = [];

beforeAll(async () => {
  if (!pg) return;
  ctx = await createTestContext();
  // Each delivery takes a little while, so the kill lands while sends are in flight.
  sink = await startSmtpSink({ delayMs: 25 });
});
afterAll(async () => {
  if (!pg) return;
  for (const p of procs) await p.stop();
  await sink.close();
  await ctx.close();
});

function csv(prefix: string, n: number) {
  const rows = ["First name,Email,Company,Time zone"];
  for (let i = 0; i < n; i++) rows.push(`P${i},${prefix}${i}@many.example,Co ${i},UTC`);
  return rows.join("\n") + "\n";
}

function client(base: string, key: string) {
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(base + url, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each call reads its own fields
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {}
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return json;
  };
}

async function upload(base: string, key: string, listId: string, name: string, content: string) {
  const form = new FormData();
  form.append("file", new Blob([content], { type: "text/csv" }), name);
  const res = await fetch(`${base}/api/imports`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  expect(res.status).toBe(201);
  const preview = (await res.json()) as { importId: string };
  return client(base, key)("POST", `/api/imports/${preview.importId}/start`, { listId });
}

async function start(mode: "serve" | "worker", env: Record<string, string>): Promise<Proc> {
  const port = mode === "serve" ? String(await freePort()) : "0";
  const p = await startOverture([mode], { ...env, PORT: port });
  procs.push(p);
  return p;
}

describe.skipIf(!pg)("two web and three worker processes on PostgreSQL", () => {
  it("send every message at most once, finish the import and keep answering when a worker and a web process are killed", async () => {
    const ws = await seedWorkspace(ctx, "Many processes");
    const env = {
      DATABASE_URL: ctx.testDb.url!,
      SECRET_KEY: ctx.config.secretKey!,
      SEND_IN_FLIGHT: String(IN_FLIGHT),
      SEND_LEASE_SECONDS: "5",
      JOB_LEASE_SECONDS: "5",
      INBOX_POLL_SECONDS: "3600",
    };
    const [webA, webB] = [await start("serve", env), await start("serve", env)];
    const workers = [await start("worker", env), await start("worker", env), await start("worker", env)];
    const a = client(webA.url, ws.apiKey);
    const b = client(webB.url, ws.apiKey);

    // The surviving web process is asked something every 100 ms for the whole test; none may fail.
    const failures: string[] = [];
    let asked = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        asked++;
        try {
          const r = await fetch(`${webB.url}/api/lists`, {
            headers: { authorization: `Bearer ${ws.apiKey}` },
          });
          if (r.status !== 200) failures.push(`status ${r.status}`);
        } catch (e) {
          failures.push(String(e));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    await b("PATCH", "/api/workspace", { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
    // Every lead is at one domain; the per-domain limit would hold all but 20.
    await a("PATCH", "/api/deliverability", { perDomainDailyLimit: 0 });
    const first = await a("POST", "/api/lists", { name: "First" });
    const firstImport = await upload(webA.url, ws.apiKey, first.id, "first.csv", csv("p", LEADS));
    // Imported by a worker; its progress read through the other web process.
    const done = async (id: string) => (await b("GET", `/api/imports/${id}`)).status === "done";
    await eventually(() => done(firstImport.id), 90_000);

    const sender = await b("POST", "/api/sender-accounts", {
      kind: "smtp",
      name: "Many",
      fromEmail: "s@many-sender.example",
      smtp: { host: "127.0.0.1", port: sink.port, secure: false },
      dailyCap: 10000,
      minGapSeconds: 0,
      jitterSeconds: 0,
    });
    const run = await a("POST", "/api/runs", { name: "Many", playKey: "builtin:email-only" });
    const seq = await b("POST", "/api/sequences", {
      runId: run.id,
      name: "Many",
      listIds: [first.id],
      senderAccountId: sender.id,
      steps: [
        {
          channel: "email",
          delayDays: 0,
          condition: "always",
          subject: "A note for {{company}}",
          body: "Hi {{first_name}}, a short note from the many-process test.",
        },
      ],
    });
    const launched = await a("POST", `/api/sequences/${seq.id}/launch`, {});
    expect(launched.enrolled ?? launched.active ?? LEADS).toBeGreaterThan(0);

    // A second import starts while the sends go out.
    const second = await b("POST", "/api/lists", { name: "Second" });
    const secondImport = await upload(webA.url, ws.apiKey, second.id, "second.csv", csv("q", LEADS));

    // Mid-way: one worker and one web process die without a chance to clean up.
    // The server holds its answers, so the worker killed is one with sends attempted and unanswered.
    await eventually(async () => sink.received.length >= 150, 90_000);
    sink.pause();
    await eventually(async () => sink.held().length > 0, 30_000);
    const victim = workers.find((w) => sink.held().some((port) => ownsLocalPort(w.pid, port)));
    expect(victim).toBeDefined();
    process.kill(victim!.pid, "SIGKILL");
    process.kill(webA.pid, "SIGKILL");
    const atKill = sink.received.length;
    sink.resume();
    expect(atKill).toBeLessThan(LEADS);

    // Everything settles on the survivors: each lead has its message sent, or 'uncertain' (the
    // killed worker had attempted it; it waits for a person and is never retried blindly).
    const statusCounts = async () =>
      Object.fromEntries(
        (
          await queryRows<{ status: string; n: number }>(
            ctx.db,
            sql`select m.status, count(*)::int as n from messages m join enrollments e on e.id = m.enrollment_id
                where e.sequence_id = ${seq.id} group by m.status`,
          )
        ).map((r) => [r.status, r.n]),
      ) as Record<string, number>;
    await eventually(async () => {
      const c = await statusCounts();
      return (c.sent ?? 0) + (c.uncertain ?? 0) === LEADS;
    }, 120_000);
    await eventually(() => done(secondImport.id), 90_000);
    watching = false;
    await watcher;

    const counts = await statusCounts();
    const recipients = sink.received.map((r) => r.to[0]!);
    // Never twice.
    expect(new Set(recipients).size).toBe(recipients.length);
    // What the killed worker had in flight is uncertain (at least the held one, at most its in-flight
    // limit); every 'sent' one arrived.
    expect(counts.uncertain ?? 0).toBeGreaterThanOrEqual(1);
    expect(counts.uncertain ?? 0).toBeLessThanOrEqual(IN_FLIGHT);
    const sentTo = await queryRows<{ email: string }>(
      ctx.db,
      sql`select l.email from messages m join leads l on l.id = m.lead_id
          join enrollments e on e.id = m.enrollment_id where e.sequence_id = ${seq.id} and m.status = 'sent'`,
    );
    const got = new Set(recipients);
    expect(sentTo.filter((r) => !got.has(r.email))).toEqual([]);
    expect(recipients.length).toBeGreaterThanOrEqual(sentTo.length);
    expect(recipients.length).toBeLessThanOrEqual(sentTo.length + (counts.uncertain ?? 0));

    // The import the killed processes were part of is whole: every row once.
    const members = await queryRows<{ n: number; d: number }>(
      ctx.db,
      sql`select count(*)::int as n, count(distinct l.email)::int as d
          from list_members m join leads l on l.id = m.lead_id where m.list_id = ${second.id}`,
    );
    expect(members[0]).toEqual({ n: LEADS, d: LEADS });

    // The surviving web process answered every time.
    expect(asked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  }, 300_000);
});

/** Whether process `pid` holds the TCP socket whose local port is `port` (from /proc, Linux). */
function ownsLocalPort(pid: number, port: number) {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"])
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && parseInt(f[1]!.split(":")[1]!, 16) === port) inodes.add(f[9]!);
    }
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      const m = readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
      return !!m && inodes.has(m[1]!);
    } catch {
      return false;
    }
  });
}
