import { buildServer } from "./api/server";
import type { Booted } from "./app/boot";
import { jobDefinitions } from "./jobs/registry";
import { startSchedulerLoop } from "./jobs/schedulerLoop";
import { startWorker, type Worker } from "./jobs/worker";

export type Mode = "serve" | "worker" | "all";

/**
 * The three process shapes over one core: `serve` (HTTP only), `worker` (jobs only), `all` (both,
 * the embedded default). SIGTERM/SIGINT stop accepting work, finish or release claimed jobs, then
 * close the database.
 */
export async function run(ctx: Booted, mode: Mode) {
  let worker: Worker | null = null;
  let server: Awaited<ReturnType<typeof buildServer>> | null = null;
  let scheduler: ReturnType<typeof startSchedulerLoop> | null = null;
  if (mode !== "serve") {
    worker = startWorker(ctx, jobDefinitions);
    scheduler = startSchedulerLoop(ctx);
  }
  if (mode !== "worker") {
    server = await buildServer(ctx);
    await server.listen({ port: ctx.config.port, host: ctx.config.host });
    const addr = server.server.address();
    const port = typeof addr === "object" && addr ? addr.port : ctx.config.port;
    const shown = ctx.config.host === "0.0.0.0" || ctx.config.host === "::" ? "localhost" : ctx.config.host;
    const url = ctx.config.publicUrl ?? `http://${shown}:${port}`;
    console.log(
      `\n  Overture is running (${ctx.dbHandle.kind}${mode === "all" ? ", with worker" : ""}): ${url}\n`,
    );
  } else {
    console.log(`Overture worker ${worker!.id} started (${ctx.dbHandle.kind})`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, "shutting down");
    if (server) {
      // In-flight requests get 5 s to finish; browsers holding keep-alive connections open (or a
      // request arriving mid-close) must not keep the process alive, so the rest are then cut.
      const closing = server.close();
      const cut = setTimeout(() => server?.server.closeAllConnections(), 5_000);
      await closing;
      clearTimeout(cut);
    }
    await scheduler?.stop();
    await worker?.stop();
    await ctx.shutdown();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
