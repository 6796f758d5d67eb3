import {
  blockedUntil,
  countFailure,
  forgetFailures,
  setBlockedUntil,
} from "../../db/queries/signInThrottleQueries";
import { AppError } from "../../domain/appError";
import {
  accountPolicy,
  clientPolicy,
  delayAfterFailures,
  FAILURE_WINDOW_MS,
  retryPhrase,
} from "../../domain/security/signInThrottle";
import type { AppContext } from "../context";

const keysOf = (email: string, ip: string) => ({ account: `account:${email}`, client: `client:${ip}` });

/**
 * Refuses a sign-in while its account or its client address waits out a delay. Kept in the
 * database, so every web process sees the same counts.
 */
export async function assertSignInAllowed(ctx: AppContext, email: string, ip: string) {
  const now = ctx.clock.now();
  const k = keysOf(email, ip);
  const until = await blockedUntil(ctx.db, [k.account, k.client], now);
  if (!until) return;
  const waitMs = until.getTime() - now.getTime();
  throw new AppError(
    "rate_limited",
    `too many failed sign-ins; try again ${retryPhrase(waitMs)} (at ${until.toISOString().slice(11, 19)} UTC)`,
    { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), retryAt: until.toISOString() },
  );
}

export async function noteSignInFailure(ctx: AppContext, email: string, ip: string) {
  const now = ctx.clock.now();
  const k = keysOf(email, ip);
  for (const [key, policy] of [
    [k.account, accountPolicy],
    [k.client, clientPolicy],
  ] as const) {
    const failures = await countFailure(ctx.db, key, now, FAILURE_WINDOW_MS);
    const delay = delayAfterFailures(failures, policy);
    if (delay) await setBlockedUntil(ctx.db, key, new Date(now.getTime() + delay));
  }
}

/** The account starts fresh; the client address does not (one good account must not reset it). */
export async function noteSignInSuccess(ctx: AppContext, email: string) {
  await forgetFailures(ctx.db, keysOf(email, "").account);
}
