import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, runOverture } from "./serverProcess";
import { TEST_SECRET } from "./testContext";
import { createTestDb, type TestDb } from "./testDb";

/**
 * An empty installation for the real server: a fresh data dir and port, and a scratch PostgreSQL
 * database when DATABASE_URL is set (closed by `close`).
 */
export async function e2eDataDir(extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = {
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-e2e-")),
    PORT: String(await freePort()),
    SECRET_KEY: TEST_SECRET,
    ...extraEnv,
  };
  let db: TestDb | null = null;
  if (process.env.DATABASE_URL) {
    db = await createTestDb({ poolSize: 1 });
    env.DATABASE_URL = db.url!;
  }
  return { env, close: () => db?.close() };
}

/**
 * What a browser test needs before it starts the real server: an empty installation (e2eDataDir)
 * and a workspace made with `overture init`, whose API key the test uses to arrange data.
 */
export async function e2eWorkspace(workspace: string, email: string, extraEnv: Record<string, string> = {}) {
  const { env, close } = await e2eDataDir(extraEnv);
  const init = await runOverture(
    ["init", "--workspace", workspace, "--email", email, "--password", "violet-harbour-lantern-42", "--json"],
    env,
  );
  const apiKey = JSON.parse(init.out.trim().split("\n").pop()!).apiKey as string;
  return { env, apiKey, close };
}

/** Calls the running server's API with the workspace's key, to arrange data around what the browser does. */
export const apiCaller =
  (baseUrl: string, apiKey: string) =>
  async (method: string, url: string, body?: unknown): Promise<any> => {
    const r = await fetch(baseUrl + url, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // A set-up call that fails says which one, instead of a later step failing for no clear reason.
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json();
  };

/** Over the API: a sandbox sender (no gap, no jitter), a run and a one-email sequence on a list, launched. */
export async function launchSandboxEmailOverApi(
  call: ReturnType<typeof apiCaller>,
  o: { listId: string; fromEmail: string; subject: string; body: string },
) {
  const sender = await call("POST", "/api/sender-accounts", {
    kind: "sandbox",
    name: "Sandbox",
    fromEmail: o.fromEmail,
    minGapSeconds: 0,
    jitterSeconds: 0,
  });
  const run = await call("POST", "/api/runs", { name: "Sandbox run", playKey: "builtin:email-only" });
  const seq = await call("POST", "/api/sequences", {
    runId: run.id,
    name: "Sandbox sequence",
    listIds: [o.listId],
    senderAccountId: sender.id,
    steps: [{ channel: "email", delayDays: 0, condition: "always", subject: o.subject, body: o.body }],
  });
  await call("POST", `/api/sequences/${seq.id}/launch`, {});
  return { senderId: sender.id as string, runId: run.id as string, sequenceId: seq.id as string };
}
