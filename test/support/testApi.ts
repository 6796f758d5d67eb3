import { buildServer } from "../../src/api/server";
import { setupWorkspace } from "../../src/app/auth/setupWorkspace";
import type { TestContext } from "./testContext";

type Inject = Awaited<ReturnType<typeof buildServer>>["inject"];

/** A workspace with an owner and an API key, and a tiny client that calls the real Fastify app. */
export async function seedWorkspace(ctx: TestContext, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "")}-owner@example.test`;
  const r = await setupWorkspace(
    ctx,
    { workspaceName: name, email, password: "password-123" },
    { firstRunOnly: false, withApiKey: true },
  );
  return {
    workspaceId: r.workspace.id,
    userId: r.user.id,
    email,
    password: "password-123",
    apiKey: r.apiKey!.key,
  };
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
