import { buildServer } from "../../src/api/server";
import { setupWorkspace } from "../../src/app/auth/setupWorkspace";
import type { Actor } from "../../src/app/context";
import { updateWorkspace } from "../../src/app/workspaces/workspaceSettings";
import type { TestContext } from "./testContext";

type Inject = Awaited<ReturnType<typeof buildServer>>["inject"];

/** A workspace with an owner and an API key, and a tiny client that calls the real Fastify app. */
export async function seedWorkspace(ctx: TestContext, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "")}-owner@example.test`;
  const r = await setupWorkspace(
    ctx,
    { workspaceName: name, email, password: "violet-harbour-lantern-42" },
    { firstRunOnly: false, withApiKey: true },
  );
  return {
    workspaceId: r.workspace.id,
    userId: r.user.id,
    email,
    password: "violet-harbour-lantern-42",
    apiKey: r.apiKey!.key,
  };
}

/** The workspace's owner as the use cases see it, for tests that call them directly. */
export const ownerOf = (ws: { workspaceId: string; userId: string }, label = "t"): Actor => ({
  workspaceId: ws.workspaceId,
  userId: ws.userId,
  role: "owner",
  via: "cli",
  label,
});

/** A workspace whose sending window is the whole day, every day, so every due step may go now. */
export async function openAllDayWorkspace(ctx: TestContext, name: string) {
  const ws = await seedWorkspace(ctx, name);
  const actor = ownerOf(ws);
  await updateWorkspace(ctx, actor, { windowStart: "00:00", windowEnd: "23:59", skipWeekends: false });
  return { ws, actor };
}

export async function testServer(ctx: TestContext) {
  const app = await buildServer(ctx, { serveWeb: false });
  await app.ready();
  const call =
    (inject: Inject) =>
    async (method: string, url: string, opts: { key?: string; cookie?: string; body?: unknown } = {}) => {
      const headers: Record<string, string> = {};
      if (opts.key) headers.authorization = `Bearer ${opts.key}`;
      if (opts.cookie) headers.cookie = opts.cookie;
      const res = await inject({
        method: method as "GET",
        url,
        headers,
        payload: opts.body as object | undefined,
      });
      let json: any = null;
      try {
        json = res.json();
      } catch {}
      return { status: res.statusCode, json, headers: res.headers, body: res.body };
    };
  return { app, call: call(app.inject.bind(app)), close: () => app.close() };
}

/** A multipart/form-data body for inject(): text fields first, then one file. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string },
) {
  const boundary = `----overture${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "text/csv"}\r\n\r\n`,
    ),
  );
  parts.push(typeof file.content === "string" ? Buffer.from(file.content) : file.content);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
