import type { z } from "zod";
import type { AppContext } from "../app/context";

export type JobRunContext = {
  jobId: number;
  workspaceId: string | null;
  attempt: number;
  /** Report progress; the API and UI show done/total. Cheap to call often (writes are throttled). */
  progress(done: number, total?: number | null): Promise<void>;
  /** Aborted when the worker shuts down: long handlers stop at a safe point and the job is released. */
  signal: AbortSignal;
};

/** A job is an id, a versioned validated payload and a handler that calls a use case in app/. */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  kind: string;
  version: number;
  payload: S;
  maxAttempts?: number;
  handler(ctx: AppContext, payload: z.infer<S>, run: JobRunContext): Promise<unknown>;
};

export const defineJob = <S extends z.ZodType>(def: JobDefinition<S>) => def;
