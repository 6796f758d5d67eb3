import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dovecotPath, startDovecot } from "./support/dovecot";
import { eventually } from "./support/eventually";
import { runOverture, startOverture } from "./support/serverProcess";
import { startStallingImap } from "./support/stallingImapServer";
import { startTcpProxy } from "./support/tcpProxy";
import { createTestDb, type TestDb } from "./support/testDb";

const ci = process.env.CI === "true";
const stops: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s().catch(() => undefined);
});

describe.skipIf(!dovecotPath && !ci)("stopping a worker", () => {
  it("SIGTERM ends the process within 10 s while an IMAP read hangs and IDLE connections are open", async () => {
    const silent = await startStallingImap("silent");
    const greet = await startStallingImap("greet");
    const dovecot = await startDovecot();
    const idle = await startTcpProxy(dovecot.port);
    stops.push(silent.close, greet.close, dovecot.stop, idle.close);
    let db: TestDb | null = null;
    if (process.env.DATABASE_URL) {
      db = await createTestDb({ poolSize: 1 });
      stops.push(() => db!.close());
    }
    const env: Record<string, string> = {
      ...(db
        ? { DATABASE_URL: db.url! }
        : { DATABASE_URL: "", DATA_DIR: mkdtempSync(path.join(tmpdir(), "overture-sigterm-")) }),
      SECRET_KEY: "sigterm-test-secret-key-000000000000000",
      PORT: "0",
      FETCH_ALLOW_PRIVATE: "127.0.0.1,localhost",
      // Reads of the stalled servers would hang a full minute; the Dovecot inbox is read every second.
      INBOX_POLL_SECONDS: "1",
      INBOX_TIMEOUT_SECONDS: "60",
    };
    const init = await runOverture(
      [
        "init",
        "--workspace",
        "Stop",
        "--email",
        "s@stop.test",
        "--password",
        "violet-harbour-lantern-42",
        "--json",
      ],
      env,
    );
    expect(init.code).toBe(0);
    const { apiKey } = JSON.parse(init.out.trim().split("\n").pop()!) as { apiKey: string };
    const app = await startOverture(["all"], env);
    stops.push(app.stop);
    for (const [name, port] of [
      ["silent", silent.port],
      ["greet", greet.port],
      ["dovecot", idle.port],
    ] as const) {
      const r = await fetch(`${app.url}/api/sender-accounts`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({
          kind: "smtp",
          name,
          fromEmail: `${name}@stop.test`,
          smtp: { host: "127.0.0.1", port: 25, secure: false },
          imap: { host: "127.0.0.1", port, secure: false, password: dovecot.password },
        }),
      });
      expect(r.status).toBe(201);
    }
    // Both stalled reads hang (and their watches), while the Dovecot inbox has been read more than
    // once and keeps its IDLE connection open between reads.
    await eventually(
      async () => silent.open() > 0 && greet.commands() > 0 && idle.accepted() >= 3 && idle.open() > 0,
      60_000,
    );
    const t0 = performance.now();
    const code = await app.stop();
    const ms = performance.now() - t0;
    console.log(`SIGTERM to exit: ${Math.round(ms)} ms (${db ? "PostgreSQL" : "PGlite"})`);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(idle.open()).toBe(0);
  }, 120_000);
});
