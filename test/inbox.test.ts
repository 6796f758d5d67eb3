import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { createList } from "../src/app/lists/lists";
import { recordInboundMessage } from "../src/app/outreach/inbound";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool } from "../src/app/outreach/senderAccounts";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { leads, messages, suppressions } from "../src/db/schema";
import { launchEmailSequence } from "./support/emailSequence";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let actor: Actor;
let key = "";
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let pool: ChannelPool;
const lead: Record<string, string> = {};
let senderId = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-09T10:00:00Z") });
  api = await testServer(ctx);
  const ws = await seedWorkspace(ctx, "Inbox");
  key = ws.apiKey;
  actor = {
    workspaceId: ws.workspaceId,
    userId: ws.userId,
    role: "owner",
    via: "cli",
    label: "rep@inbox.test",
  };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London" });
  sink = await startSmtpSink();
  pool = new ChannelPool(ctx);
  const list = await createList(ctx, actor, { name: "Inbox list" });
  for (const [k, firstName, email] of [
    ["ada", "Ada", "ada@engines.example"],
    ["bo", "Bo", "bo@looms.example"],
    ["cy", "Cy", "cy@quiet.example"],
  ])
    lead[k] = (await createLead(ctx, actor, { firstName, email, location: "London", listId: list.id })).id;
  const s = await launchEmailSequence(ctx, actor, {
    listId: list.id,
    smtpPort: sink.port,
    fromEmail: "rep@inbox.test",
    steps: [
      {
        channel: "email",
        delayDays: 0,
        condition: "always",
        subject: "Idea for {{first_name}}",
        body: "Hi {{first_name}}",
      },
      { channel: "email", delayDays: 3, condition: "no_reply", body: "Following up" },
    ],
  });
  senderId = s.senderId;
  await runSchedulerOnce(ctx, pool);
});
afterAll(async () => {
  await pool.close();
  await sink.close();
  await api.close();
  await ctx.close();
});

async function replyFrom(
  k: string,
  text: string,
  extra: Partial<Parameters<typeof recordInboundMessage>[1]> = {},
) {
  const [sent] = await ctx.db.select().from(messages).where(eq(messages.leadId, lead[k]!));
  ctx.clock.advance(60_000);
  return recordInboundMessage(ctx, {
    workspaceId: actor.workspaceId,
    leadId: lead[k]!,
    channel: "email",
    from: sent!.toAddress!,
    subject: `Re: ${sent!.subject}`,
    text,
    messageId: `<reply-${k}-${ctx.clock.now().getTime()}@prospect.example>`,
    inReplyTo: sent!.messageId,
    ...extra,
  });
}

describe("the unified inbox", () => {
  it("lists conversations with answers, newest first, unread, with a suggested classification", async () => {
    await replyFrom("ada", "Sounds good, can we talk Thursday?");
    await replyFrom("bo", "Please remove me from your list.");
    const r = await call("GET", "/api/inbox");
    expect(r.status).toBe(200);
    expect(
      r.json.map(
        (t: {
          name: string;
          unread: number;
          classification: string;
          classificationIsSuggestion: boolean;
        }) => [t.name, t.unread, t.classification, t.classificationIsSuggestion],
      ),
    ).toEqual([
      ["Bo", 1, "unsubscribe_request", true],
      ["Ada", 1, "interested", true],
    ]);
    expect((await call("GET", "/api/inbox/unread")).json.unread).toBe(2);
    expect(
      (await call("GET", "/api/inbox?classification=interested")).json.map((t: { name: string }) => t.name),
    ).toEqual(["Ada"]);
    expect((await call("GET", `/api/inbox?senderAccountId=${senderId}`)).json).toHaveLength(2);
  });

  it("shows one conversation in order, marks it read, and answers in the same thread from the same sender", async () => {
    const thread = await call("GET", `/api/inbox/leads/${lead.ada}/email`);
    expect(
      thread.json.items.map((i: { direction: string; source: string }) => `${i.direction}:${i.source}`),
    ).toEqual(["out:sequence", "in:prospect"]);
    expect((await call("GET", "/api/inbox/unread")).json.unread).toBe(1);
    const before = sink.received.length;
    const sent = await call("POST", `/api/inbox/leads/${lead.ada}/email/reply`, {
      text: "Thursday 10:00 works. Talk then!",
    });
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe("sent");
    const mail = sink.received[before]!;
    expect(mail.to).toEqual(["ada@engines.example"]);
    expect(mail.from).toBe("rep@inbox.test");
    expect(mail.headers.subject).toBe("Re: Idea for Ada");
    const inbound = thread.json.items[1];
    const [step] = await ctx.db.select().from(messages).where(eq(messages.leadId, lead.ada!));
    expect(mail.headers["in-reply-to"]).toMatch(/^<reply-ada-/);
    expect(mail.headers.references).toContain(step!.messageId!);
    expect(mail.raw).toContain("Thursday 10:00 works.");
    const after = await call("GET", `/api/inbox/leads/${lead.ada}/email`);
    expect(
      after.json.items.map((i: { direction: string; source: string }) => `${i.direction}:${i.source}`),
    ).toEqual(["out:sequence", "in:prospect", "out:inbox"]);
    expect(inbound.suggestedClassification).toBe("interested");
  });

  it("classifies: interested can convert the lead; an unsubscribe request unsubscribes it", async () => {
    const ada = await call("GET", `/api/inbox/leads/${lead.ada}/email`);
    const adaIn = ada.json.items.find((i: { direction: string }) => i.direction === "in");
    const r = await call("POST", `/api/inbox/messages/${adaIn.id}/classify`, {
      classification: "meeting_booked",
      markConverted: true,
    });
    expect(r.json.classification).toBe("meeting_booked");
    expect(r.json.classifiedBy).toBeTruthy();
    const [a] = await ctx.db.select().from(leads).where(eq(leads.id, lead.ada!));
    expect(a!.status).toBe("converted");
    const bo = await call("GET", `/api/inbox/leads/${lead.bo}/email`);
    const boIn = bo.json.items.find((i: { direction: string }) => i.direction === "in");
    await call("POST", `/api/inbox/messages/${boIn.id}/classify`, { classification: "unsubscribe_request" });
    const [b] = await ctx.db.select().from(leads).where(eq(leads.id, lead.bo!));
    expect(b!.status).toBe("unsubscribed");
    const sup = await ctx.db.select().from(suppressions).where(eq(suppressions.email, "bo@looms.example"));
    expect(sup).toHaveLength(1);
    expect(
      (await call("GET", "/api/inbox?classification=meeting_booked")).json.map(
        (t: { name: string }) => t.name,
      ),
    ).toEqual(["Ada"]);
    expect(
      (await call("POST", `/api/inbox/messages/${boIn.id}/classify`, { classification: "maybe" })).status,
    ).toBe(400);
  });

  it("exports the conversation with the lead's data (GDPR)", async () => {
    const exported = (await call("GET", `/api/leads/${lead.ada}/export`)).json;
    expect(exported.inboxReplies.map((r: { body: string }) => r.body)).toEqual([
      "Thursday 10:00 works. Talk then!",
    ]);
    expect(exported.messagesReceived[0]).toMatchObject({
      kind: "human_reply",
      classification: "meeting_booked",
    });
  });

  it("shows inbound text as text: markup in a reply is never turned into HTML", async () => {
    await replyFrom("cy", '<img src=x onerror="alert(1)"> <script>alert(2)</script> hi');
    const t = await call("GET", `/api/inbox/leads/${lead.cy}/email`);
    const inbound = t.json.items.find((i: { direction: string }) => i.direction === "in");
    // Stored and served verbatim as text; the web UI renders it as a text node.
    expect(inbound.text).toBe('<img src=x onerror="alert(1)"> <script>alert(2)</script> hi');
    expect(t.json.items.every((i: Record<string, unknown>) => !("html" in i))).toBe(true);
  });
});
