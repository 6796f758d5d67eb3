import pino from "pino";
import type { AppContext, Clock } from "../../src/app/context";
import { createSecretBox } from "../../src/app/security/secretBox";
import { loadConfig } from "../../src/config";
import { createTestDb, type TestDb } from "./testDb";

export type TestClock = Clock & { set(d: Date | string): void; advance(ms: number): void };

/** A clock tests move by hand: schedules, expiries and backoffs are asserted exactly. */
export function testClock(start: Date | string = "2026-03-02T08:00:00Z"): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
    // Waiting moves the clock by the time asked and yields to I/O once, so nothing sleeps for real.
    sleep: async (ms) => {
      t += ms;
      await new Promise((r) => setImmediate(r));
    },
  };
}

export const TEST_SECRET = "test-secret-key-that-is-long-enough-000";

export type TestContext = AppContext & { clock: TestClock; testDb: TestDb; close(): Promise<void> };

export async function createTestContext(
  opts: { clock?: TestClock; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const testDb = await createTestDb();
  const config = loadConfig({
    LOG_LEVEL: "silent",
    SECRET_KEY: TEST_SECRET,
    LOGIN_RATE_LIMIT: "1000",
    FETCH_ALLOW_PRIVATE: "127.0.0.1,localhost",
    // SMTP/IMAP/verification peers of the tests listen on loopback.
    MAIL_HOST_ALLOWLIST: "127.0.0.1,localhost,::1",
    ...opts.env,
  });
  const clock = opts.clock ?? testClock();
  return {
    db: testDb.db,
    dbHandle: testDb,
    testDb,
    config,
    clock,
    log: pino({ level: "silent" }),
    secrets: createSecretBox(TEST_SECRET),
    close: () => testDb.close(),
  };
}
