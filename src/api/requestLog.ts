import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

/** Requests slower than this, and every 4xx/5xx answer, get one line at info. */
export const SLOW_REQUEST_MS = 1000;

/**
 * Fastify logs two lines per request by default, which buries what matters in the terminal: keep
 * one line for a request that failed or was slow, none for the rest.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    const ms = Math.round(reply.elapsedTime);
    const failed = Boolean(error) || reply.statusCode >= 400;
    if (!failed && ms < SLOW_REQUEST_MS) return;
    const line = { method: req.method, url: req.url.split("?")[0], status: reply.statusCode, ms };
    req.log.info(error ? { ...line, err: error } : line, failed ? "request failed" : "slow request");
  }
}
