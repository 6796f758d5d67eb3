import { z } from "zod";
import { defineJob } from "../../src/jobs/defineJob";
import { enqueue } from "../../src/jobs/enqueue";
import type { testServer } from "./testApi";
import type { TestContext } from "./testContext";

type Call = Awaited<ReturnType<typeof testServer>>["call"];

/**
 * What the isolation test needs to know about every route: a valid body for each write, and how to
 * create workspace B's resources whose ids it then throws at every route with A's credentials.
 * Each issue that adds routes adds its bodies and resources here; the test fails on a route it
 * does not know.
 */
export const sampleBodies: Record<string, unknown> = {
  "PATCH /api/workspace": { name: "Renamed by A" },
  "POST /api/members": { email: "intruder@example.test", role: "admin", password: "password-123" },
  "PATCH /api/members/{userId}": { role: "owner" },
  "POST /api/api-keys": { name: "k" },
  "POST /api/auth/switch-workspace": { workspaceId: "__B_WORKSPACE__" },
  "POST /api/auth/login": null,
  "POST /api/setup": null,
  "POST /api/auth/logout": null,
};

const noopJob = defineJob({
  kind: "t.isolation",
  version: 1,
  payload: z.object({}),
  handler: async () => null,
});

export async function createResourcesOfB(
  ctx: TestContext,
  b: { workspaceId: string; apiKey: string },
  call: Call,
) {
  const key = await call("POST", "/api/api-keys", { key: b.apiKey, body: { name: "b-secret" } });
  const member = await call("POST", "/api/members", {
    key: b.apiKey,
    body: { email: "b-member@example.test", role: "member", password: "password-123" },
  });
  const job = await enqueue(ctx, noopJob, b.workspaceId, {});
  return {
    ids: [key.json.id, member.json.userId, String(job.id), b.workspaceId] as string[],
    strings: ["b-secret", "b-member@example.test"],
  };
}
