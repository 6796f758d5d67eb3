import pino from "pino";
import type { AppContext } from "../app/context";
import { createSecretBox } from "../app/security/secretBox";
import { loadConfig } from "../config";
import { buildServer } from "./server";

/**
 * The OpenAPI document without a database: routes only close over the context, so a server built
 * on one whose `db` is never touched describes itself exactly as the running one does.
 */
export async function openapiDocument(): Promise<Record<string, unknown>> {
  const secret = "openapi-document-only-no-secret-is-used-here";
  const ctx = {
    config: loadConfig({ LOG_LEVEL: "silent", SECRET_KEY: secret }),
    clock: { now: () => new Date(0), sleep: async () => {} },
    log: pino({ level: "silent" }),
    secrets: createSecretBox(secret),
  } as unknown as AppContext;
  const app = await buildServer(ctx, { serveWeb: false });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return doc;
}
