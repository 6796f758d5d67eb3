import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { createLead } from "../src/app/leads/editLeads";
import { leadTimeline } from "../src/app/leads/leadDetail";
import { createList } from "../src/app/lists/lists";
import { launchSequence } from "../src/app/outreach/enrollments";
import { createRun } from "../src/app/outreach/runs";
import { runSchedulerOnce } from "../src/app/outreach/scheduler";
import { ChannelPool, createSenderAccount } from "../src/app/outreach/senderAccounts";
import { createSequence } from "../src/app/outreach/sequences";
import { updateWorkspace } from "../src/app/workspaces/workspaceSettings";
import { leads, messages } from "../src/db/schema";
import { startSmtpSink } from "./support/smtpSink";
import { seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext, testClock } from "./support/testContext";

let ctx: TestContext;
let actor: Actor;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let pool: ChannelPool;
let api: Awaited<ReturnType<typeof testServer>>;
let owner = { email: "", password: "" };

beforeAll(async () => {
  ctx = await createTestContext({ clock: testClock("2026-03-10T10:00:00Z") });
  const ws = await seedWorkspace(ctx, "Tracking");
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "test" };
  owner = { email: ws.email, password: ws.password };
  await updateWorkspace(ctx, actor, { timezone: "Europe/London", windowStart: "00:00", windowEnd: "23:59" });
  sink = await startSmtpSink();
  pool = new ChannelPool(ctx);
  api = await testServer(ctx);
});
afterAll(async () => {
  await api.close();
  await pool.close();
  await sink.close();
  await ctx.close();
});

async function launch(name: string, email: string, track: { trackOpens: boolean; trackClicks: boolean }) {
  const list = await createList(ctx, actor, { name });
  const lead = await createLead(ctx, actor, { firstName: "Tess", email, company: "Acme", listId: list.id });
  const sender = await createSenderAccount(ctx, actor, {
    kind: "smtp",
    name: `S ${name}`,
    fromEmail: "me@overture.test",
    smtp: { host: "127.0.0.1", port: sink.port, secure: false },
    minGapSeconds: 0,
    jitterSeconds: 0,
  });
  const run = await createRun(ctx, actor, { name, playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name,
    listIds: [list.id],
    senderAccountId: sender.id,
    ...track,
    steps: [
      {
        channel: "email",
        delayDays: 0,
        condition: "always",
        subject: "Hi",
        body: "Hi {{first_name}}, the report is at https://example.com/report?id=7&x=1. Thoughts?",
      },
    ],
  });
  await launchSequence(ctx, actor, seq.id);
  expect(await runSchedulerOnce(ctx, pool)).toBe(1);
  const mail = await simpleParser(sink.received.at(-1)!.raw);
  return { lead, mail };
}

describe("open and click tracking through signed links", () => {
  it("sends plain text only, with links untouched, when the sequence does not track", async () => {
    const { mail } = await launch("Quiet", "quiet@acme.com", { trackOpens: false, trackClicks: false });
    expect(mail.html).toBe(false);
    expect(mail.text).toContain("https://example.com/report?id=7&x=1. Thoughts?");
  });

  it("counts opens and clicks, moves the lead to Opened, and never turns a link into an open redirect", async () => {
    const { lead, mail } = await launch("Tracked", "tess@acme.com", { trackOpens: true, trackClicks: true });
    const html = mail.html as string;
    const pixel = /<img src="(http:\/\/127\.0\.0\.1:3000\/t\/o\/[^"]+)"/.exec(html)![1]!;
    const click =
      /<a href="(http:\/\/127\.0\.0\.1:3000\/t\/c\/[^"]+)">https:\/\/example\.com\/report\?id=7&amp;x=1<\/a>\./
        .exec(html)![1]!
        .replace(/&amp;/g, "&");
    // The text part is rewritten the same way; the unsubscribe link never is.
    expect(mail.text).toContain(`${click}. Thoughts?`);
    expect(mail.text).toMatch(/Unsubscribe: http:\/\/127\.0\.0\.1:3000\/unsubscribe\//);
    expect(html).toMatch(/<a href="http:\/\/127\.0\.0\.1:3000\/unsubscribe\//);

    const path = (u: string) => u.replace("http://127.0.0.1:3000", "");
    const opened = await api.call("GET", path(pixel));
    expect(opened.status).toBe(200);
    expect(opened.headers["content-type"]).toBe("image/gif");
    await api.call("GET", path(pixel));
    // One of us, signed in, looking at the email in the same browser is not an open.
    const login = await api.call("POST", "/api/auth/login", { body: owner });
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    expect((await api.call("GET", path(pixel), { cookie })).status).toBe(200);
    const [m] = await ctx.db.select().from(messages).where(eq(messages.leadId, lead.id));
    expect(m!.openCount).toBe(2);
    let [row] = await ctx.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.opens).toBe(2);
    expect(row!.status).toBe("opened");

    const clicked = await api.call("GET", path(click));
    expect(clicked.status).toBe(302);
    expect(clicked.headers.location).toBe("https://example.com/report?id=7&x=1");
    const [m2] = await ctx.db.select().from(messages).where(eq(messages.leadId, lead.id));
    expect(m2!.clickCount).toBe(1);
    expect(m2!.openCount).toBe(2); // a click after opens adds no open
    [row] = await ctx.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.opens).toBe(2);

    // Changing the target or the token breaks the signature: no redirect anywhere.
    const evil = path(click).replace(/\?u=.*/, `?u=${encodeURIComponent("https://evil.example/")}`);
    expect((await api.call("GET", evil)).status).toBe(400);
    const forged = path(click).replace(/\/t\/c\/[\w-]{10}/, "/t/c/AAAAAAAAAA");
    expect((await api.call("GET", forged)).status).toBe(400);
    // A forged pixel still answers with a pixel (nothing to learn), and counts nothing.
    expect(
      (await api.call("GET", path(pixel).replace(/\.[\w-]{22}\.gif$/, ".AAAAAAAAAAAAAAAAAAAAAA.gif"))).status,
    ).toBe(200);
    const [m3] = await ctx.db.select().from(messages).where(eq(messages.leadId, lead.id));
    expect(m3!.openCount).toBe(2);

    const timeline = await leadTimeline(ctx, actor, lead.id);
    const types = timeline.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === "email_opened")).toHaveLength(1);
    expect(types).toContain("link_clicked");
  });

  it("counts a click as the first open when the client blocked the pixel", async () => {
    const { lead, mail } = await launch("Clicks only", "cleo@acme.com", {
      trackOpens: false,
      trackClicks: true,
    });
    expect(mail.html).not.toContain("/t/o/");
    const click = /(http:\/\/127\.0\.0\.1:3000\/t\/c\/\S+?)\. Thoughts/.exec(mail.text!)![1]!;
    expect((await api.call("GET", click.replace("http://127.0.0.1:3000", ""))).status).toBe(302);
    const [m] = await ctx.db.select().from(messages).where(eq(messages.leadId, lead.id));
    expect([m!.openCount, m!.clickCount]).toEqual([1, 1]);
    const [row] = await ctx.db.select().from(leads).where(eq(leads.id, lead.id));
    expect([row!.opens, row!.status]).toEqual([1, "opened"]);
  });
});
