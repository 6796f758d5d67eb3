import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { getMessagingLab } from "../src/app/lab/messagingLab";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { createRun } from "../src/app/outreach/runs";
import { createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence, type StepInput } from "../src/app/outreach/sequences";
import { enrollments, leads } from "../src/db/schema";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let actor: Actor;
let api: Awaited<ReturnType<typeof testServer>>;
let key = "";
let listId = "";
let sandboxId = "";
let smtpId = "";
const id: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  const ws = await seedWorkspace(ctx, "Readiness");
  key = ws.apiKey;
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "me" };
  api = await testServer(ctx);
  listId = (await createList(ctx, actor, { name: "Forty" })).id;
  for (const name of ["Ana", "Bo", "Cy", "Di"]) {
    id[name] = (
      await createLead(ctx, actor, {
        firstName: name,
        email: `${name.toLowerCase()}@good.test`,
        linkedinUrl: name === "Di" ? `linkedin.com/in/${name.toLowerCase()}` : undefined,
        listId,
      })
    ).id;
  }
  await ctx.db.update(leads).set({ emailStatus: "valid" }).where(eq(leads.workspaceId, actor.workspaceId));
  sandboxId = (
    await createSenderAccount(ctx, actor, { kind: "sandbox", name: "Sandbox", fromEmail: "me@sandbox.test" })
  ).id;
  smtpId = (
    await createSenderAccount(ctx, actor, {
      kind: "smtp",
      name: "Real",
      fromEmail: "me@real.test",
      smtp: { host: "127.0.0.1", port: 1, secure: false },
    })
  ).id;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const written: StepInput[] = [
  {
    channel: "email",
    delayDays: 0,
    condition: "always",
    subject: "Hello {{first_name}}",
    body: "Hi {{first_name}}, a real note.",
  },
];
async function sequence(name: string, senderAccountId: string, steps?: StepInput[]) {
  const run = await createRun(ctx, actor, { name, playKey: "builtin:email-only" });
  return (
    await createSequence(ctx, actor, { runId: run.id, name, listIds: [listId], senderAccountId, steps })
  ).id;
}
const launch = (seq: string, body?: unknown) =>
  api.call("POST", `/api/sequences/${seq}/launch`, { key, body });
const codesOf = async (seq: string, lead: string) =>
  (await getMessagingLab(ctx, actor, seq, { limit: 50 })).leads
    .find((l) => l.id === lead)!
    .findings.map((f) => `${f.severity} ${f.code}`);

describe("readiness before launch", () => {
  it("holds a sequence whose steps are still the play's placeholder text", async () => {
    const seq = await sequence("Untouched", sandboxId); // the play's steps, as created
    expect(await codesOf(seq, id.Ana!)).toContain("blocking template_placeholder");
    const lab = await getMessagingLab(ctx, actor, seq);
    expect(lab.counts).toMatchObject({ ready: 0, blocking: 4 });
    expect(lab.canLaunch).toBe(false);
    const r = await launch(seq);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/placeholder text/);
  });

  it("holds LinkedIn steps with no LinkedIn account, and warns when the whole sequence is a sandbox rehearsal", async () => {
    const steps: StepInput[] = [
      ...written,
      { channel: "linkedin_invite", delayDays: 1, condition: "no_reply", body: "Hi {{first_name}}" },
    ];
    const real = await sequence("Real LinkedIn", smtpId, steps);
    expect(await codesOf(real, id.Di!)).toContain("blocking no_linkedin_account");
    expect(await codesOf(real, id.Ana!)).not.toContain("blocking no_linkedin_account"); // no LinkedIn profile: email only
    const rehearsal = await sequence("Rehearsal", sandboxId, steps);
    expect(await codesOf(rehearsal, id.Di!)).toContain("warning no_linkedin_account");
  });

  it("one bad lead does not hold the others: launch lists it and launches the rest when asked to skip it", async () => {
    await ctx.db.update(leads).set({ emailStatus: "invalid" }).where(eq(leads.id, id.Bo!));
    const seq = await sequence("Skip one", sandboxId);
    await api.call("PUT", `/api/sequences/${seq}/steps`, { key, body: { steps: written } });
    const refused = await launch(seq);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.launchable).toBe(3);
    expect(refused.json.error.details.skippable).toEqual([
      { leadId: id.Bo, name: "Bo", reason: expect.stringContaining("failed verification") },
    ]);
    const ok = await launch(seq, { skipBlocked: true });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ enrolled: 4, active: 3, blocked: 1, skipped: 1 });
    const [bo] = await ctx.db.select().from(enrollments).where(eq(enrollments.leadId, id.Bo!));
    expect(bo).toMatchObject({ state: "blocked", nextStepAt: null });
    expect(bo!.stateReason).toMatch(/^skipped at launch: The email address bo@good.test failed verification/);
  });

  it("the Lab can remove a lead from a sequence: it is neither checked nor enrolled, and can be put back", async () => {
    const seq = await sequence("Remove one", sandboxId, written);
    expect((await launch(seq)).status).toBe(409); // Bo's invalid address holds it
    expect((await api.call("PUT", `/api/sequences/${seq}/exclusions/${id.Bo}`, { key })).status).toBe(200);
    expect((await api.call("PUT", `/api/sequences/${seq}/exclusions/${id.Bo}`, { key })).status).toBe(200);
    const lab = await getMessagingLab(ctx, actor, seq);
    expect(lab.leads.map((l) => l.name).sort()).toEqual(["Ana", "Cy", "Di"]);
    expect(lab.canLaunch).toBe(true);
    const listed = await api.call("GET", `/api/sequences/${seq}/exclusions`, { key });
    expect(listed.json).toEqual([expect.objectContaining({ leadId: id.Bo, excludedBy: expect.any(String) })]);
    expect((await api.call("DELETE", `/api/sequences/${seq}/exclusions/${id.Bo}`, { key })).status).toBe(200);
    expect((await getMessagingLab(ctx, actor, seq)).leads).toHaveLength(4);
    await api.call("PUT", `/api/sequences/${seq}/exclusions/${id.Bo}`, { key });
    expect((await launch(seq)).json).toMatchObject({ enrolled: 3, active: 3, skipped: 0 });
    const bad = await api.call("PUT", `/api/sequences/${seq}/exclusions/not-a-uuid`, { key });
    expect(bad.status).toBe(400);
  });
});
