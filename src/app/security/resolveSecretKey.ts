import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config";

/**
 * Production must set SECRET_KEY (several processes need the same one). Embedded mode generates one
 * on first start and keeps it beside the data, so `npm start` works with no configuration.
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  if (config.databaseUrl) {
    throw new Error(
      "SECRET_KEY is required when DATABASE_URL is set (every process must share it). Generate one with: openssl rand -base64 48",
    );
  }
  const file = path.join(path.resolve(config.dataDir), "secret.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(48).toString("base64url");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
