import type { Logger } from "pino";
import type { Config } from "../config";
import type { Db, DbHandle } from "../db/client";
import type { SecretBox } from "./security/secretBox";

/**
 * Time is injected everywhere so schedules and expiries are tested exactly. `sleep` is how a use case
 * waits between tries (reading a test message back): a test clock moves its time on instead.
 */
export type Clock = { now(): Date; sleep(ms: number): Promise<void> };
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export type AppContext = {
  db: Db;
  dbHandle: DbHandle;
  config: Config;
  clock: Clock;
  log: Logger;
  secrets: SecretBox;
};

/** Who is acting: every use case that reads or writes tenant data takes one, and scopes by its workspace. */
export type Actor = {
  workspaceId: string;
  userId: string | null;
  role: "owner" | "admin" | "member";
  via: "session" | "api_key" | "cli" | "system";
  label: string;
};

/** Work done by Overture itself on a workspace's behalf (a provider's event, a scheduler step). */
export const systemActor = (workspaceId: string, label: string): Actor => ({
  workspaceId,
  userId: null,
  role: "admin",
  via: "system",
  label,
});
