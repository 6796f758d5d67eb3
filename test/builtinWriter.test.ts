import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { generateDrafts, regenerateDraft } from "../src/app/lab/messageDrafts";
import { getMessagingLab } from "../src/app/lab/messagingLab";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { createRun } from "../src/app/outreach/runs";
import { createSequence, setSequenceSteps, updateSequence } from "../src/app/outreach/sequences";
import { createStrategyProfile } from "../src/app/outreach/strategyProfiles";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let actor: Actor;
let seqId = "";

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  const ws = await seedWorkspace(ctx, "Writer");
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "me" };
  const list = await createList(ctx, actor, { name: "Writer list" });
  for (const [firstName, company] of [
    ["Ana", "Initech"],
    ["Bo", "Globex"],
  ])
    await createLead(ctx, actor, {
      firstName,
      company,
      jobTitle: "Head of Sales",
      email: `${firstName.toLowerCase()}@${company.toLowerCase()}.test`,
      linkedinUrl: `linkedin.com/in/${firstName.toLowerCase()}`,
      listId: list.id,
    });
  const profile = await createStrategyProfile(ctx, actor, {
    name: "RevOps",
    senderName: "Mia",
    senderCompany: "Acme Sales",
    offer: "a free 20-minute RevOps audit",
    proofPoints: ["Globex booked 30% more meetings"],
    callToAction: "Open to a 15-minute call next week",
  });
  const run = await createRun(ctx, actor, { name: "LinkedIn first", playKey: "builtin:linkedin-first" });
  // The play's own steps: invite, then three emails. Step 2 is the first email.
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name: "LinkedIn first",
    listIds: [list.id],
    strategyProfileId: profile.id,
  });
  seqId = seq.id;
  await updateSequence(ctx, actor, seqId, { messageSource: "personalised" });
});
afterAll(async () => ctx.close());

const lab = () => getMessagingLab(ctx, actor, seqId, { limit: 50 });

describe("the built-in writer in a LinkedIn-first sequence", () => {
  it("writes step 2 as the first email, with a subject and grammatical sentences", async () => {
    await generateDrafts(ctx, actor, seqId);
    const l = await lab();
    for (const lead of l.leads) {
      const first = lead.messages.find((m) => m.stepIndex === 2)!;
      expect(first.subject.trim()).not.toBe("");
      expect(first.body).not.toMatch(/follow-up|following up|earlier|my last email/i);
      expect(first.body).toContain("I'd like to offer you a free 20-minute RevOps audit.");
      expect(first.body).not.toMatch(/\bwe a free|I help teams a free/);
      const invite = lead.messages.find((m) => m.stepIndex === 1)!;
      expect(invite.body).not.toMatch(/I help teams a free/);
      expect(lead.messages.find((m) => m.stepIndex === 3)!.body).toMatch(/follow|earlier|last email/i);
      // Nothing about the text blocks the lead (no LinkedIn account is connected here: that is another finding).
      const text = [
        "subject_missing",
        "unfilled_merge_variable",
        "empty_body",
        "template_placeholder",
        "note_too_long",
      ];
      expect(lead.findings.filter((f) => text.includes(f.code))).toEqual([]);
    }
  });

  it("honours the subject set on the step in Rewrite and Regenerate", async () => {
    const seq = (await lab()).sequence;
    expect(seq.steps.map((s) => s.channel)).toEqual(["linkedin_invite", "email", "email", "email"]);
    await setSequenceSteps(ctx, actor, seqId, [
      { channel: "linkedin_invite", delayDays: 0, condition: "always" },
      { channel: "email", delayDays: 3, condition: "no_reply", subject: "RevOps at {{company|your team}}" },
      { channel: "email", delayDays: 5, condition: "no_reply" },
    ]);
    await generateDrafts(ctx, actor, seqId, { mode: "unapproved" });
    const leads = (await lab()).leads;
    const subjects = leads.map((l) => l.messages.find((m) => m.stepIndex === 2)!.subject).sort();
    expect(subjects).toEqual(["RevOps at Globex", "RevOps at Initech"]);
    const one = leads[0]!.messages.find((m) => m.stepIndex === 2)!;
    const again = await regenerateDraft(ctx, actor, one.id);
    expect(again.subject).toBe(one.subject);
  });
});
