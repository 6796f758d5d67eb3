import { inArray, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";
import { loginThrottle } from "../schema";

/** The latest block among the keys (null when none is blocked at `now`). */
export async function blockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db
    .select({ until: loginThrottle.blockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys));
  const until = rows
    .map((r) => r.until)
    .filter((d): d is Date => !!d && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until ?? null;
}

/**
 * Counts one more failure on a key in one statement (two web processes failing at once both
 * count), forgetting failures older than the window; returns the new count.
 */
export async function countFailure(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
  const since = new Date(now.getTime() - windowMs);
  const [row] = await queryRows<{ failures: number }>(
    db,
    sql`insert into login_throttle (key, failures, last_failure_at) values (${key}, 1, ${now})
        on conflict (key) do update set
          failures = case when login_throttle.last_failure_at < ${since} then 1 else login_throttle.failures + 1 end,
          last_failure_at = excluded.last_failure_at
        returning failures`,
  );
  return Number(row!.failures);
}

export async function setBlockedUntil(db: Db, key: string, until: Date) {
  await db.execute(
    sql`update login_throttle set blocked_until = greatest(coalesce(blocked_until, ${until}), ${until}) where key = ${key}`,
  );
}

export async function forgetFailures(db: Db, key: string) {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
