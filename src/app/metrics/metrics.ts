import { Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import {
  dueBacklog,
  inboxPollLag,
  jobLatencyLastHour,
  jobQueue,
  messagesLastDay,
  senderIds,
} from "../../db/queries/metricsQueries";
import type { AppContext } from "../context";
import { readSenderHealth } from "../senders/senderHealthGuard";

export type Metrics = {
  registry: Registry;
  /** Records one answered HTTP request (route pattern, not the URL, so ids do not explode labels). */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
};

/**
 * The process's Prometheus registry: its own HTTP latency and Node's runtime figures, plus the
 * installation's sending, queue, inbox and sender-health figures read from the database at each
 * scrape (every process reports the same cluster-wide values for those).
 */
export function createMetrics(ctx: Pick<AppContext, "db" | "clock">): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "overture_" });
  const http = new Histogram({
    name: "overture_http_request_duration_seconds",
    help: "HTTP request latency by method, route pattern and status class",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => Promise<void>) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        await collect(this);
      },
    });
  gauge(
    "overture_messages_last_24h",
    "Messages claimed in the last 24 hours, by channel and outcome",
    ["channel", "status"],
    async (g) => {
      for (const r of await messagesLastDay(ctx.db, ctx.clock.now()))
        g.set({ channel: r.channel, status: r.status }, r.n);
    },
  );
  gauge(
    "overture_due_backlog",
    "Active enrollments whose next step is due and not yet sent",
    [],
    async (g) => {
      g.set((await dueBacklog(ctx.db, ctx.clock.now())).due);
    },
  );
  gauge("overture_due_backlog_oldest_seconds", "How long the oldest due step has waited", [], async (g) =>
    g.set((await dueBacklog(ctx.db, ctx.clock.now())).oldestSeconds),
  );
  gauge(
    "overture_jobs",
    "Background jobs due or running, by kind and state",
    ["kind", "state"],
    async (g) => {
      for (const r of await jobQueue(ctx.db, ctx.clock.now())) {
        g.set({ kind: r.kind, state: "queued" }, r.queued);
        g.set({ kind: r.kind, state: "running" }, r.running);
      }
    },
  );
  gauge(
    "overture_jobs_oldest_queued_seconds",
    "How long the oldest due job of each kind has waited",
    ["kind"],
    async (g) => {
      for (const r of await jobQueue(ctx.db, ctx.clock.now()))
        if (r.oldest !== null) g.set({ kind: r.kind }, r.oldest);
    },
  );
  gauge(
    "overture_job_latency_seconds",
    "Mean time from due to finished, jobs finished in the last hour",
    ["kind"],
    async (g) => {
      for (const r of await jobLatencyLastHour(ctx.db, ctx.clock.now())) g.set({ kind: r.kind }, r.seconds);
    },
  );
  gauge("overture_inbox_poll_lag_seconds", "Time since each mailbox was last read", ["sender"], async (g) => {
    for (const r of await inboxPollLag(ctx.db, ctx.clock.now()))
      if (r.lag !== null) g.set({ sender: r.senderAccountId }, r.lag);
  });
  const health = async (g: Gauge, rate: "bounceRate" | "complaintRate") => {
    for (const s of await senderIds(ctx.db))
      g.set({ sender: s.id }, (await readSenderHealth(ctx, s.workspaceId, s.id))[rate]);
  };
  gauge(
    "overture_sender_bounce_rate",
    "Permanent + policy bounces over the sender's recent sends",
    ["sender"],
    (g) => health(g, "bounceRate"),
  );
  gauge("overture_sender_complaint_rate", "Spam complaints over the sender's recent sends", ["sender"], (g) =>
    health(g, "complaintRate"),
  );
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      http.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
    },
  };
}
