import { z } from "zod";
import { defineJob } from "../../src/jobs/defineJob";
import { enqueue } from "../../src/jobs/enqueue";
import { storeUpload } from "../../src/app/imports/uploads";
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
  "POST /api/members": {
    email: "intruder@example.test",
    role: "admin",
    password: "violet-harbour-lantern-42",
  },
  "PATCH /api/members/{userId}": { role: "owner" },
  "POST /api/api-keys": { name: "k" },
  "POST /api/auth/switch-workspace": { workspaceId: "__B_WORKSPACE__" },
  "POST /api/auth/login": null,
  "POST /api/setup": null,
  "POST /api/auth/logout": null,
  "POST /api/leads": { email: "x@alpha.test", listId: "__B_LIST__" },
  "POST /api/leads/bulk": { action: "delete", ids: ["__B_LEAD__"] },
  "PATCH /api/leads/{id}": { firstName: "Hacked" },
  "POST /api/lists": { name: "Alpha list" },
  "PATCH /api/lists/{id}": { name: "Hacked" },
  "POST /api/lists/{id}/duplicate": {},
  "POST /api/lists/{id}/members": { leadIds: ["__B_LEAD__"] },
  "POST /api/lists/{id}/members/remove": { leadIds: ["__B_LEAD__"] },
  "POST /api/imports": null,
  "POST /api/imports/{id}/start": { listId: "__B_LIST__" },
  "POST /api/blocklist": { value: "alpha.test" },
  "POST /api/blocklist/import": { text: "alpha.test" },
  "POST /api/plays": {
    name: "Alpha play",
    category: "new_business",
    relationship: "cold",
    channels: ["email"],
    steps: [{ channel: "email", delayDays: 0, condition: "always" }],
  },
  "POST /api/runs": { name: "Alpha run", playKey: "builtin:email-only" },
  "PATCH /api/runs/{id}": { status: "completed" },
  "POST /api/strategy-profiles": { name: "Alpha strategy" },
  "POST /api/sender-accounts": { kind: "sandbox", name: "Alpha sandbox", fromEmail: "a@alpha.test" },
  "PATCH /api/sender-accounts/{id}": { name: "Hacked" },
  "POST /api/sender-accounts/{id}/domain-check": { dkimSelector: "hacked" },
  "POST /api/sender-accounts/{id}/domain-check/override": { reason: "Hacked" },
  "POST /api/sender-accounts/{id}/domain-check/find-dkim": {},
  "POST /api/leads/audits": { leadIds: ["__B_LEAD__"] },
  "POST /api/leads/verify-emails": { leadIds: ["__B_LEAD__"] },
  "POST /api/leads/enrich": { leadIds: ["__B_LEAD__"] },
  "POST /api/leads/{id}/enrich": {},
  "PATCH /api/emails/{id}": { subject: "Hacked" },
  "POST /api/emails/{id}/send": {},
  "POST /api/sequences": { runId: "__B_RUN__", name: "steal", listIds: ["__B_LIST__"] },
  "PATCH /api/sequences/{id}": { name: "Hacked" },
  "PUT /api/sequences/{id}/steps": { steps: [{ channel: "email", delayDays: 0, condition: "always" }] },
  "POST /api/sandbox/messages/{id}/reply": { text: "fake reply" },
  "POST /api/sandbox/messages/{id}/report": { kind: "complaint" },
  "PATCH /api/deliverability": { bouncePauseRate: 0.5 },
  "POST /api/sequences/{id}/messages/generate": {},
  "PATCH /api/messages/drafts/{id}": { body: "Hacked" },
  "POST /api/messages/drafts/{id}/regenerate": {},
  "POST /api/messages/drafts/approve": { ids: ["__B_DRAFT__"] },
  "POST /api/webhooks": { url: "https://alpha.example/hook", events: ["lead.replied"] },
  "PATCH /api/webhooks/{id}": { active: false },
  "POST /api/webhooks/{id}/ping": {},
  "POST /api/webhook-deliveries/{id}/redeliver": {},
  "POST /api/inbox/leads/{id}/{channel}/reply": { text: "Hacked reply" },
  "POST /api/inbox/messages/{id}/classify": { classification: "unsubscribe_request" },
  "PATCH /api/usage/limits": { emailsSent: 0 },
  "PUT /api/integrations/plusvibe": {
    apiKey: "k",
    workspaceId: "w",
    baseUrl: "https://plusvibe.alpha.example/api/v1",
  },
  "POST /api/plusvibe/leads/push": { leadIds: ["__B_LEAD__"], campaignId: "c1" },
  "POST /api/plusvibe/leads/complete": { leadIds: ["__B_LEAD__"] },
  "POST /api/plusvibe/sync": {},
  "PUT /api/integrations/linkedin": { apiKey: "k", dsn: "unipile.alpha.example", accountId: "acc" },
  "POST /api/linkedin/webhooks/{token}": null,
  "PUT /api/integrations/linkedin/limits": { invitesPerDay: 1 },
  "POST /api/integrations/linkedin/poll": {},
  "POST /api/discovery/interpret": { text: "CTOs in Germany" },
  "POST /api/discovery/preview": { provider: "sandbox", filters: {} },
  "POST /api/discovery/searches": { provider: "sandbox", filters: {}, count: 1 },
  "POST /api/leads/{id}/linkedin/withdraw": {},
  "POST /api/plusvibe/webhooks/{token}": null,
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
    body: { email: "b-member@example.test", role: "member", password: "violet-harbour-lantern-42" },
  });
  const job = await enqueue(ctx, noopJob, b.workspaceId, {});
  const list = await call("POST", "/api/lists", { key: b.apiKey, body: { name: "Bravo prospects" } });
  const lead = await call("POST", "/api/leads", {
    key: b.apiKey,
    body: { email: "secret-prospect@bravo.test", firstName: "Bravolead", listId: list.json.id },
  });
  const block = await call("POST", "/api/blocklist", {
    key: b.apiKey,
    body: { value: "bravo-competitor.test" },
  });
  const entries = await call("GET", "/api/blocklist", { key: b.apiKey });
  const bActor = {
    workspaceId: b.workspaceId,
    userId: null,
    role: "owner" as const,
    via: "cli" as const,
    label: "b",
  };
  const imp = await storeUpload(
    ctx,
    bActor,
    "bravo.csv",
    (async function* () {
      yield new TextEncoder().encode("email\nimported@bravo.test\n");
    })(),
  );
  if (lead.status !== 201 || block.status !== 201)
    throw new Error(`could not seed B: ${lead.body} ${block.body}`);
  const run = await call("POST", "/api/runs", {
    key: b.apiKey,
    body: { name: "Bravo run", playKey: "builtin:email-only" },
  });
  const sender = await call("POST", "/api/sender-accounts", {
    key: b.apiKey,
    body: { kind: "sandbox", name: "Bravo sandbox", fromEmail: "bravo@bravo.test" },
  });
  const strategy = await call("POST", "/api/strategy-profiles", {
    key: b.apiKey,
    body: { name: "Bravo strategy" },
  });
  const seq = await call("POST", "/api/sequences", {
    key: b.apiKey,
    body: {
      runId: run.json.id,
      name: "Bravo sequence",
      listIds: [list.json.id],
      senderAccountId: sender.json.id,
      steps: [
        { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello {{first_name}}" },
      ],
    },
  });
  const launched = await call("POST", `/api/sequences/${seq.json.id}/launch`, { key: b.apiKey });
  if (launched.status !== 200) throw new Error(`could not launch B: ${launched.body}`);
  const { runSchedulerOnce } = await import("../../src/app/outreach/scheduler");
  const { ChannelPool } = await import("../../src/app/outreach/senderAccounts");
  ctx.clock.advance(2 * 3_600_000); // into the 09:00 sending window
  await runSchedulerOnce(ctx, new ChannelPool(ctx));
  const outbox = await call("GET", "/api/sandbox/messages", { key: b.apiKey });
  const dash = await call("GET", `/api/sequences/${seq.json.id}/dashboard`, { key: b.apiKey });
  if (!outbox.json.length) throw new Error(`B's sequence sent nothing: ${JSON.stringify(dash.json)}`);
  const { audits } = await import("../../src/db/schema");
  const [audit] = await ctx.db
    .insert(audits)
    .values({
      workspaceId: b.workspaceId,
      leadId: lead.json.id,
      domain: "bravo.test",
      status: "complete",
      grade: "C",
    })
    .returning();
  const email = await call("POST", `/api/leads/${lead.json.id}/generate-email`, { key: b.apiKey });
  if (email.status !== 201) throw new Error(`could not write B's email: ${email.body}`);
  const lab = await call("POST", "/api/sequences", {
    key: b.apiKey,
    body: { runId: run.json.id, name: "Bravo lab", listIds: [list.json.id], senderAccountId: sender.json.id },
  });
  await call("PATCH", `/api/sequences/${lab.json.id}`, {
    key: b.apiKey,
    body: { messageSource: "personalised" },
  });
  const { generateDrafts } = await import("../../src/app/lab/messageDrafts");
  await generateDrafts(ctx, bActor, lab.json.id);
  const { messageDrafts } = await import("../../src/db/schema");
  const [draft] = await ctx.db.select().from(messageDrafts);
  if (!draft) throw new Error("could not write B's lab message");
  const hook = await call("POST", "/api/webhooks", {
    key: b.apiKey,
    body: { url: "https://bravo.example/hook", events: ["lead.status_changed"], description: "Bravo hook" },
  });
  const ping = await call("POST", `/api/webhooks/${hook.json.id}/ping`, { key: b.apiKey });
  const { recordInboundMessage } = await import("../../src/app/outreach/inbound");
  await recordInboundMessage(ctx, {
    workspaceId: b.workspaceId,
    leadId: lead.json.id,
    channel: "email",
    from: "secret-prospect@bravo.test",
    subject: "Re: Hi",
    text: "Bravo's secret answer",
  });
  const { inboundMessages } = await import("../../src/db/schema");
  const [inbound] = await ctx.db.select().from(inboundMessages);
  return {
    ids: [
      key.json.id,
      member.json.userId,
      String(job.id),
      b.workspaceId,
      list.json.id,
      lead.json.id,
      entries.json[0].id,
      imp.id,
      run.json.id,
      sender.json.id,
      strategy.json.id,
      seq.json.id,
      outbox.json[0].id,
      audit!.id,
      email.json.id,
      lab.json.id,
      draft.id,
      hook.json.id,
      ping.json.id,
      inbound!.id,
    ] as string[],
    strings: [
      "b-secret",
      "b-member@example.test",
      "secret-prospect@bravo.test",
      "Bravolead",
      "bravo-competitor.test",
      "Bravo prospects",
      "bravo.csv",
      "Bravo run",
      "Bravo sandbox",
      "Bravo strategy",
      "Bravo sequence",
      "bravo.example/hook",
      "Bravo's secret answer",
    ],
    placeholders: {
      __B_WORKSPACE__: b.workspaceId,
      __B_LEAD__: lead.json.id,
      __B_LIST__: list.json.id,
      __B_RUN__: run.json.id,
      __B_DRAFT__: draft.id,
    } as Record<string, string>,
  };
}
