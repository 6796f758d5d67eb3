import createClient from "openapi-fetch";
import type { paths } from "./schema";

/** The one HTTP client of the SPA, typed from the server's OpenAPI document (`npm run gen:api`). */
export const client = createClient<paths>({ credentials: "same-origin" });

type Json<R> = R extends { content: { "application/json": infer J } } ? J : never;
type Success<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : R extends { 202: infer A }
        ? Json<A>
        : never
  : never;
/** The JSON a successful call of `P` answers with, straight from the generated schema. */
export type Get<P extends keyof paths> = Success<paths[P]["get"]>;
export type Post<P extends keyof paths> = Success<paths[P]["post"]>;

/** Errors arrive as { error: { code, message, details } }; a structured 409 (readiness) travels as details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Envelope = { error?: { code?: string; message?: string; details?: unknown } };

/** The data of an answer, or the answer's error thrown as an ApiError. */
export async function data<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const r = await call;
  if (r.response.ok) return r.data as D;
  const body = (r.error ?? {}) as Envelope;
  const e = body.error ?? {};
  throw new ApiError(
    r.response.status,
    e.code ?? "error",
    e.message ?? (r.response.statusText || `HTTP ${r.response.status}`),
    body.error ? e.details : r.error,
  );
}

export const isNotFound = (e: unknown) =>
  e instanceof ApiError && (e.status === 404 || (e.status === 400 && /params\./.test(e.message)));
