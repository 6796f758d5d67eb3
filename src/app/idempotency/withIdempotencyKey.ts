import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { idempotencyKeys } from "../../db/schema";
import type { AppContext } from "../context";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Stored answers are JSON: their timestamps come back as Dates, as the response schemas expect. */
const revive = (_: string, v: unknown) => (typeof v === "string" && ISO.test(v) ? new Date(v) : v);

/**
 * Runs `fn` once per (workspace, scope, key): the first request does the work and its answer is kept;
 * a repeat gets that answer; a repeat while the first still runs is told so (409), never run twice.
 * A failed first attempt keeps nothing, so it can be retried with the same key. No key: just `fn`.
 */
export async function withIdempotencyKey<T>(
  ctx: AppContext,
  workspaceId: string,
  scope: string,
  key: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (key === undefined || key === "") return fn();
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
    throw new AppError("validation", "the Idempotency-Key header must be 1-200 visible ASCII characters", {
      field: "Idempotency-Key",
    });
  const where = and(
    eq(idempotencyKeys.workspaceId, workspaceId),
    eq(idempotencyKeys.scope, scope),
    eq(idempotencyKeys.key, key),
  );
  const claimed = await ctx.db
    .insert(idempotencyKeys)
    .values({ workspaceId, scope, key, createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning();
  if (!claimed.length) {
    const [row] = await ctx.db.select().from(idempotencyKeys).where(where);
    if (row?.response === null || row?.response === undefined)
      throw new AppError("conflict", "the same request (Idempotency-Key) is still being processed");
    return JSON.parse(JSON.stringify(row.response), revive) as T;
  }
  try {
    const result = await fn();
    await ctx.db
      .update(idempotencyKeys)
      .set({ response: JSON.parse(JSON.stringify(result ?? null)) as unknown })
      .where(where);
    return result;
  } catch (e) {
    await ctx.db.delete(idempotencyKeys).where(where);
    throw e;
  }
}

/** The Idempotency-Key header of a request, if any. */
export const idempotencyKeyOf = (req: { headers: Record<string, unknown> }) => {
  const v = req.headers["idempotency-key"];
  return typeof v === "string" ? v.trim() : undefined;
};
