import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
const ws = { key: "", seq: "", list: "" };
const early = { key: "", seq: "" }; // a workspace whose window opens at 02:30, inside the US spring-forward gap
const other = { key: "", lead: "" };
let launched: { key: string; seq: string; lead: string } = { key: "", seq: "", lead: "" };

async function workspaceWithSequence(name: string, settings: Parameters<typeof updateWorkspace>[2]) {
  const w = await seedWorkspace(ctx, name);
  const actor: Actor = {
    workspaceId: w.workspaceId,
    userId: w.userId,
    role: "owner",
    via: "cli",
    label: "test",
  };
  await updateWorkspace(ctx, actor, settings);
  const list = await createList(ctx, actor, { name: "Preview" });
  const run = await createRun(ctx, actor, { name: "Preview run", playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name: "Three steps",
    listIds: [list.id],
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" },
      { channel: "email", delayDays: 1, condition: "no_reply", subject: "Re", body: "Again" },
      { channel: "linkedin_message", delayDays: 2, condition: "no_reply", body: "On LinkedIn" },
    ],
  });
  return { w, actor, list, seq };
}

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T12:00:00Z") });
  api = await testServer(ctx);
  // Weekends are sending days here so that a step can fall on the Sundays clocks change.
  const a = await workspaceWithSequence("Zones", { timezone: "Europe/Paris", skipWeekends: false });
  Object.assign(ws, { key: a.w.apiKey, seq: a.seq.id, list: a.list.id });
  const b = await workspaceWithSequence("Early", {
    timezone: "Europe/Paris",
    skipWeekends: false,
    windowStart: "02:30",
    windowEnd: "17:00",
  });
  Object.assign(early, { key: b.w.apiKey, seq: b.seq.id });
  const c = await workspaceWithSequence("Other", { timezone: "UTC" });
  other.key = c.w.apiKey;
  other.lead = (await createLead(ctx, c.actor, { email: "x@other.example", location: "Berlin" })).id;
  // A launched sequence: the preview shows the enrollment as the scheduler holds it.
  const d = await workspaceWithSequence("Launched", { timezone: "Europe/Paris", skipWeekends: true });
  const sender = await createSenderAccount(ctx, d.actor, {
    kind: "sandbox",
    name: "Sandbox",
    fromEmail: "me@launched.example",
  });
  const run = await createRun(ctx, d.actor, { name: "Launched run", playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, d.actor, {
    runId: run.id,
    name: "Launched",
    listIds: [d.list.id],
    senderAccountId: sender.id,
    steps: [
      { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "Hello" },
      { channel: "email", delayDays: 3, condition: "no_reply", subject: "Re", body: "Again" },
    ],
  });
  const lead = await createLead(ctx, d.actor, {
    email: "kim@launched.example",
    phone: "+1 415 555 0100",
    listId: d.list.id,
  });
  await launchSequence(ctx, d.actor, seq.id); // at the clock's Monday 2026-03-09 12:00Z
  launched = { key: d.w.apiKey, seq: seq.id, lead: lead.id };
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const preview = (seq: string, key: string, q: Record<string, string>) =>
  api.call("GET", `/api/sequences/${seq}/preview?${new URLSearchParams(q)}`, { key });

describe("scheduling preview through the API", () => {
  it.each([
    // [the lead, asOf, zone, source, confidence, [three instants], first step's local time in the lead's zone and the workspace's]
    // The cases, on Monday 2026-03-09 12:00Z (US clocks changed the day before; Europe's not yet).
    [
      { phone: "+1 415 555 0100" },
      "2026-03-09T12:00:00Z",
      "America/Los_Angeles",
      "phone",
      "likely",
      ["2026-03-09T16:00:00.000Z", "2026-03-10T16:00:00.000Z", "2026-03-12T16:00:00.000Z"],
      "2026-03-09T09:00-07:00 Mon",
      "2026-03-09T17:00+01:00 Mon",
    ],
    [
      { phone: "+7 727 123 4567" },
      "2026-03-09T12:00:00Z",
      "Asia/Almaty",
      "phone",
      "likely",
      ["2026-03-10T04:00:00.000Z", "2026-03-11T04:00:00.000Z", "2026-03-13T04:00:00.000Z"],
      "2026-03-10T09:00+05:00 Tue",
      "2026-03-10T05:00+01:00 Tue",
    ],
    [
      { location: "Perth, Scotland" },
      "2026-03-09T12:00:00Z",
      "Europe/London",
      "location",
      "exact",
      ["2026-03-09T12:00:00.000Z", "2026-03-10T09:00:00.000Z", "2026-03-12T09:00:00.000Z"],
      "2026-03-09T12:00+00:00 Mon",
      "2026-03-09T13:00+01:00 Mon",
    ],
    [
      { location: "Paris, Texas" },
      "2026-03-09T12:00:00Z",
      "America/Chicago",
      "location",
      "likely",
      ["2026-03-09T14:00:00.000Z", "2026-03-10T14:00:00.000Z", "2026-03-12T14:00:00.000Z"],
      "2026-03-09T09:00-05:00 Mon",
      "2026-03-09T15:00+01:00 Mon",
    ],
    [
      { location: "Kathmandu, Nepal" },
      "2026-03-09T12:00:00Z",
      "Asia/Kathmandu",
      "location",
      "exact",
      ["2026-03-10T03:15:00.000Z", "2026-03-11T03:15:00.000Z", "2026-03-13T03:15:00.000Z"],
      "2026-03-10T09:00+05:45 Tue",
      "2026-03-10T04:15+01:00 Tue",
    ],
    // DST: the first step is due on the day clocks change, the next ones after it.
    // US spring forward, Sunday 2026-03-08 (EST -5 → EDT -4): asOf Saturday 18:00 EST.
    [
      { location: "New York, NY" },
      "2026-03-07T23:00:00Z",
      "America/New_York",
      "location",
      "exact",
      ["2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z", "2026-03-11T13:00:00.000Z"],
      "2026-03-08T09:00-04:00 Sun",
      "2026-03-08T14:00+01:00 Sun",
    ],
    // EU spring forward, Sunday 2026-03-29 (CET +1 → CEST +2): asOf Saturday 18:00 CET.
    [
      { location: "Berlin, Germany" },
      "2026-03-28T17:00:00Z",
      "Europe/Berlin",
      "location",
      "exact",
      ["2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-04-01T07:00:00.000Z"],
      "2026-03-29T09:00+02:00 Sun",
      "2026-03-29T09:00+02:00 Sun",
    ],
    // Sydney falls back, Sunday 2026-04-05 (AEDT +11 → AEST +10): asOf Saturday 18:00 AEDT.
    [
      { phone: "+61 2 9123 4567" },
      "2026-04-04T07:00:00Z",
      "Australia/Sydney",
      "phone",
      "likely",
      ["2026-04-04T23:00:00.000Z", "2026-04-05T23:00:00.000Z", "2026-04-07T23:00:00.000Z"],
      "2026-04-05T09:00+10:00 Sun",
      "2026-04-05T01:00+02:00 Sun",
    ],
    // Chile falls back at midnight, Sunday 2026-04-05 (-03 → -04): asOf Saturday 19:00 -03.
    [
      { location: "Santiago, Chile" },
      "2026-04-04T22:00:00Z",
      "America/Santiago",
      "location",
      "exact",
      ["2026-04-05T13:00:00.000Z", "2026-04-06T13:00:00.000Z", "2026-04-08T13:00:00.000Z"],
      "2026-04-05T09:00-04:00 Sun",
      "2026-04-05T15:00+02:00 Sun",
    ],
    // New Zealand falls back, Sunday 2026-04-05 (NZDT +13 → NZST +12): asOf Saturday 19:00 NZDT.
    [
      { location: "Auckland, New Zealand" },
      "2026-04-04T06:00:00Z",
      "Pacific/Auckland",
      "location",
      "exact",
      ["2026-04-04T21:00:00.000Z", "2026-04-05T21:00:00.000Z", "2026-04-07T21:00:00.000Z"],
      "2026-04-05T09:00+12:00 Sun",
      "2026-04-04T23:00+02:00 Sat",
    ],
  ])(
    "%o as of %s → %s (%s, %s)",
    async (lead, asOf, zone, source, confidence, instants, leadLocal, wsLocal) => {
      const r = await preview(ws.seq, ws.key, { ...lead, asOf });
      expect(r.status).toBe(200);
      expect(r.json.zone).toMatchObject({ zone, source, confidence });
      expect(r.json.workspaceZone).toBe("Europe/Paris");
      expect(r.json.steps.map((s: { at: string }) => s.at)).toEqual(instants);
      expect(r.json.steps.map((s: { status: string }) => s.status)).toEqual([
        "scheduled",
        "scheduled",
        "scheduled",
      ]);
      expect(r.json.steps[0]).toMatchObject({
        channel: "email",
        condition: "always",
        leadLocal,
        workspaceLocal: wsLocal,
      });
      expect(r.json.steps[1].condition).toBe("no_reply");
    },
  );

  it("opens a window that starts inside the skipped hour at the first instant after the jump", async () => {
    // 02:30 does not exist in New York on 2026-03-08: clocks go from 02:00 EST to 03:00 EDT.
    const r = await preview(early.seq, early.key, {
      timezone: "America/New_York",
      asOf: "2026-03-07T23:00:00Z",
    });
    expect(r.status).toBe(200);
    expect(r.json.zone).toMatchObject({ zone: "America/New_York", source: "lead", confidence: "exact" });
    expect(r.json.steps.map((s: { at: string }) => s.at)).toEqual([
      "2026-03-08T07:00:00.000Z", // 03:00 EDT, the first instant of the day at or after 02:30
      "2026-03-09T06:30:00.000Z", // 02:30 EDT the next day
      "2026-03-11T06:30:00.000Z",
    ]);
    expect(r.json.steps[0].leadLocal).toBe("2026-03-08T03:00-04:00 Sun");
  });

  it("previews a stored lead: its zone, and the steps it cannot receive skipped with the reason", async () => {
    const { call } = api;
    const created = await call("POST", "/api/leads", {
      key: ws.key,
      body: {
        firstName: "Lin",
        linkedinUrl: "https://www.linkedin.com/in/lin-preview",
        location: "Austin, TX",
      },
    });
    expect(created.status).toBe(201);
    const r = await preview(ws.seq, ws.key, { leadId: created.json.id, asOf: "2026-03-09T12:00:00Z" });
    expect(r.status).toBe(200);
    expect(r.json.lead).toEqual({ id: created.json.id, name: "Lin" });
    expect(r.json.enrollment).toBeNull();
    expect(r.json.zone).toMatchObject({ zone: "America/Chicago", source: "location", confidence: "exact" });
    expect(r.json.steps.map((s: { status: string }) => s.status)).toEqual([
      "skipped",
      "skipped",
      "scheduled",
    ]);
    expect(r.json.steps[0].reason).toMatch(/no usable email/);
    // Both skipped delays carry over: 0 + 1 + 2 days after the launch, at 09:00 CDT.
    expect(r.json.steps[2].at).toBe("2026-03-12T14:00:00.000Z");
    // The lead detail shows the same zone.
    const detail = await call("GET", `/api/leads/${created.json.id}`, { key: ws.key });
    expect(detail.json.zone).toMatchObject({
      zone: "America/Chicago",
      source: "location",
      confidence: "exact",
    });
  });

  it("shows an enrolled lead as the scheduler holds it: the stored zone and next instant", async () => {
    const r = await preview(launched.seq, launched.key, {
      leadId: launched.lead,
      asOf: "2026-06-01T00:00:00Z",
    });
    expect(r.status).toBe(200);
    expect(r.json.enrollment).toMatchObject({ state: "active" });
    expect(r.json.zone).toMatchObject({ zone: "America/Los_Angeles", source: "phone", confidence: "likely" });
    // Launched Monday 12:00Z = 05:00 PDT: 09:00 PDT that day, then Thursday (weekends skipped here anyway).
    expect(r.json.steps.map((s: { at: string }) => s.at)).toEqual([
      "2026-03-09T16:00:00.000Z",
      "2026-03-12T16:00:00.000Z",
    ]);
    expect(r.json.steps[1]).toMatchObject({
      leadLocal: "2026-03-12T09:00-07:00 Thu",
      workspaceLocal: "2026-03-12T17:00+01:00 Thu",
    });
  });

  it("defaults asOf to now (the injected clock)", async () => {
    const r = await preview(ws.seq, ws.key, { location: "Perth, Scotland" });
    expect(r.json.asOf).toBe("2026-03-09T12:00:00.000Z");
    expect(r.json.steps[0].at).toBe("2026-03-09T12:00:00.000Z");
  });

  it.each([
    [{ location: "Berlin", asOf: "yesterday" }, "querystring.asOf"],
    [{ leadId: "not-a-uuid" }, "querystring.leadId"],
    [{ location: "Berlin", hasEmail: "maybe" }, "querystring.hasEmail"],
    [{}, "leadId"],
  ])("refuses %o with a 400 naming %s", async (q, field) => {
    const r = await preview(ws.seq, ws.key, q as Record<string, string>);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json.error)).toContain(field);
  });

  it("shows nothing of another workspace's lead or sequence", async () => {
    expect((await preview(ws.seq, ws.key, { leadId: other.lead })).status).toBe(404);
    expect((await preview(ws.seq, other.key, { location: "Berlin" })).status).toBe(404);
  });
});
