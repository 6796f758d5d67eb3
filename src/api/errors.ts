import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type AppErrorCode, isAppError } from "../domain/appError";

const statusOf: Record<AppErrorCode, number> = {
  validation: 400,
  too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_ready: 409,
  setup_done: 409,
  integration_missing: 422,
  rate_limited: 429,
  upstream_failed: 502,
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The one place expected failures become HTTP: `{ error: { code, message, details } }`. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (err.code === "rate_limited" && typeof retry === "number") reply.header("retry-after", String(retry));
    return reply
      .status(statusOf[err.code])
      .send({ error: { code: err.code, message: err.message, details: err.details } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? "body";
    const fields = err.validation.map((v) => ({
      field: [where, ...v.instancePath.split("/").filter(Boolean)].join("."),
      message: v.message,
    }));
    const first = fields[0];
    return reply.status(400).send({
      error: {
        code: "validation",
        message: first ? `${first.field}: ${first.message}` : "invalid request",
        details: fields,
      },
    });
  }
  if (err.statusCode === 429) {
    return reply
      .status(429)
      .send({ error: { code: "rate_limited", message: "too many attempts; wait a minute and try again" } });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large.
    return reply
      .status(err.statusCode)
      .send({ error: { code: err.code ?? "bad_request", message: err.message } });
  }
  req.log.error({ err }, "unhandled error");
  return reply
    .status(500)
    .send({ error: { code: "internal", message: "something went wrong on our side; it has been logged" } });
}
