import { describe, expect, it } from "vitest";
import { renderSpintax, spinKey } from "../messages/spintax";
import { WindowCache } from "../schedule/sendingWindow";
import { type BatchLedger, decideDue, type DueInput, type DueStep } from "./dueDecision";

const NOW = Date.parse("2026-03-10T10:00:00Z");
const email = (idx: number, o: Partial<DueStep> = {}): DueStep => ({
  idx,
  channel: "email",
  delayDays: 0,
  condition: "no_reply",
  subject: "Hi {{first_name}}",
  body: "Hello {{first_name}}",
  ...o,
});
const invite = (idx: number, body = "Hi {{first_name}}"): DueStep => ({
  idx,
  channel: "linkedin_invite",
  delayDays: 0,
  condition: "no_reply",
  subject: "",
  body,
});
const sender = { id: "s1", fromName: "Sam", dailyCap: 50, minGapSeconds: 120, jitterSeconds: 0 };

function counts(toDomain: [string, number][] = [], byWorkspace: [string, number][] = []) {
  return { toDomain: new Map(toDomain), byWorkspace: new Map(byWorkspace) };
}

function input(o: Partial<DueInput<string>> = {}): DueInput<string> {
  const ledger: BatchLedger = {
    lastSentMs: new Map(),
    sentToday: new Map(),
    emailsLeft: new Map(),
    limitCounts: counts(),
  };
  return {
    nowMs: NOW,
    workspaceId: "w1",
    zone: "UTC",
    lastStepIndex: null,
    lead: {
      id: "lead-1",
      status: "email_enriched",
      firstName: "Ada",
      email: "ada@acme.example",
      linkedinUrl: "https://www.linkedin.com/in/ada",
      companyDomain: "acme.example",
    },
    steps: [email(0)],
    suppressed: false,
    colleagueReplied: false,
    blocklist: { domains: new Set(), emails: new Set() },
    draft: () => null,
    sender: {
      ...sender,
      rampStartCap: null,
      rampPerDay: null,
      createdAtMs: NOW - 30 * 86_400_000,
      paused: false,
    },
    linkedin: null,
    profile: undefined,
    previous: [],
    cache: new WindowCache({ start: "09:00", end: "17:00", skipWeekends: false }),
    ledger,
    limits: { perDomainDaily: 20, workspaceDaily: 0 },
    random: () => 0.5,
    ...o,
  };
}

describe("decideDue: what happens to one due enrollment", () => {
  const cases: [string, Partial<DueInput<string>>, Record<string, unknown>][] = [
    ["the lead replied", { lead: { ...input().lead, status: "replied" } }, { kind: "end", state: "replied" }],
    [
      "the lead converted",
      { lead: { ...input().lead, status: "converted" } },
      { kind: "end", state: "replied" },
    ],
    [
      "the lead unsubscribed",
      { lead: { ...input().lead, status: "unsubscribed" } },
      { kind: "end", state: "unsubscribed" },
    ],
    [
      "a colleague replied",
      { colleagueReplied: true },
      { kind: "end", state: "replied", reason: "a colleague at the same company replied" },
    ],
    [
      "the domain is blocklisted",
      { blocklist: { domains: new Set(["acme.example"]), emails: new Set() } },
      { kind: "end", state: "blocked" },
    ],
    [
      "the address is suppressed and no other step reaches the lead",
      { suppressed: true },
      { kind: "end", state: "unsubscribed", reason: "the address is suppressed" },
    ],
    [
      "a bounced lead with only email steps left",
      { lead: { ...input().lead, status: "bounced" } },
      { kind: "end", state: "completed", reason: "no further step can reach this lead" },
    ],
    [
      "the monthly email allowance is used",
      {
        ledger: {
          lastSentMs: new Map(),
          sentToday: new Map(),
          emailsLeft: new Map([["w1", { left: 0, message: "limit reached" }]]),
          limitCounts: counts(),
        },
      },
      { kind: "end", state: "paused", reason: "limit reached" },
    ],
    [
      "a personalised step with no approved message",
      { draft: () => undefined },
      { kind: "end", state: "paused", reason: expect.stringMatching(/no approved message/) },
    ],
    ["no sender account", { sender: undefined }, { kind: "end", state: "paused" }],
    [
      "the sender is paused: the step waits",
      { sender: { ...input().sender!, paused: true } },
      { kind: "wait" },
    ],
    [
      "the sender's daily cap is used: the next window after an hour",
      {
        ledger: {
          lastSentMs: new Map([["s1", NOW - 1000]]),
          sentToday: new Map([["s1", 50]]),
          emailsLeft: new Map(),
          limitCounts: counts(),
        },
      },
      { kind: "defer", at: new Date(NOW + 3_600_000) },
    ],
    [
      "the sender sent a minute ago: the next slot after its gap",
      {
        ledger: {
          lastSentMs: new Map([["s1", NOW - 60_000]]),
          sentToday: new Map(),
          emailsLeft: new Map(),
          limitCounts: counts(),
        },
      },
      { kind: "defer", at: new Date(NOW + 60_000) },
    ],
    [
      "20 emails went to the recipient's company domain today: the next window after an hour",
      { ledger: { ...input().ledger, limitCounts: counts([["w1 acme.example", 20]]) } },
      {
        kind: "defer",
        at: new Date(NOW + 3_600_000),
        reason: expect.stringMatching(/^20 emails went to acme\.example in the last 24 hours/),
      },
    ],
    [
      "19 to the domain: it goes",
      { ledger: { ...input().ledger, limitCounts: counts([["w1 acme.example", 19]]) } },
      { kind: "send" },
    ],
    [
      "free mail is not one company: no per-domain limit",
      {
        lead: { ...input().lead, email: "ada@gmail.com" },
        ledger: { ...input().ledger, limitCounts: counts([["w1 gmail.com", 500]]) },
      },
      { kind: "send" },
    ],
    [
      "the per-domain limit off (0)",
      {
        limits: { perDomainDaily: 0, workspaceDaily: 0 },
        ledger: { ...input().ledger, limitCounts: counts([["w1 acme.example", 500]]) },
      },
      { kind: "send" },
    ],
    [
      "the workspace's daily limit is reached",
      {
        limits: { perDomainDaily: 20, workspaceDaily: 100 },
        ledger: { ...input().ledger, limitCounts: counts([], [["w1", 100]]) },
      },
      { kind: "defer", reason: expect.stringMatching(/workspace's limit of 100 emails a day/) },
    ],
    [
      "another workspace's volume does not count",
      {
        limits: { perDomainDaily: 20, workspaceDaily: 100 },
        ledger: { ...input().ledger, limitCounts: counts([["w2 acme.example", 50]], [["w2", 100]]) },
      },
      { kind: "send" },
    ],
    [
      "an empty merge field",
      { steps: [email(0, { body: "About {{company}}" })] },
      { kind: "fail", error: "empty merge field: company" },
    ],
    [
      "an invitation note over 300 characters",
      {
        steps: [invite(0, "x".repeat(301))],
        linkedin: () => ({ kind: "go", account: "acct", noteDropped: false }),
      },
      { kind: "fail", error: "the invitation note is 301 characters; LinkedIn allows 300" },
    ],
    [
      "the LinkedIn budget is used",
      {
        steps: [invite(0)],
        linkedin: () => ({ kind: "defer", at: new Date(NOW + 5_000), reason: "daily invitations used" }),
      },
      { kind: "defer", at: new Date(NOW + 5_000), reason: "daily invitations used" },
    ],
    [
      "the invitation was never accepted",
      { steps: [invite(0)], linkedin: () => ({ kind: "end", reason: "not accepted within 30 days" }) },
      { kind: "end", state: "completed", reason: "not accepted within 30 days" },
    ],
    [
      "a due email step",
      {},
      { kind: "send", subject: "Hi Ada", body: "Hello Ada", inReplyTo: null, references: [], linkedin: null },
    ],
    [
      "a follow-up threads under the first subject",
      {
        lastStepIndex: 0,
        steps: [email(0), email(1, { subject: "ignored" })],
        previous: [
          { subject: "Re: Hi Ada", messageId: "<m2@x>" },
          { subject: "Hi Ada", messageId: "<m1@x>" },
        ],
      },
      { kind: "send", subject: "Re: Hi Ada", inReplyTo: "<m2@x>", references: ["<m1@x>", "<m2@x>"] },
    ],
    [
      "an approved personalised message is sent as written",
      { draft: () => ({ subject: "Custom", body: "Written for Ada" }) },
      { kind: "send", subject: "Custom", body: "Written for Ada" },
    ],
    [
      "no usable email: the LinkedIn step goes through the account, the note dropped when notes are used",
      {
        lead: { ...input().lead, email: null },
        steps: [email(0), invite(1)],
        linkedin: () => ({ kind: "go", account: "acct", noteDropped: true }),
      },
      { kind: "send", body: "", linkedin: "acct", noteDropped: true },
    ],
    [
      "spintax is rendered for the lead and step, as the preview renders it",
      { steps: [email(0, { subject: "{Hi|Hey|Hello} {{first_name}}", body: "{A|B|C|D}" })] },
      {
        kind: "send",
        subject: `${(renderSpintax("{Hi|Hey|Hello}", spinKey("lead-1", 0, "subject")) as { text: string }).text} Ada`,
        body: (renderSpintax("{A|B|C|D}", spinKey("lead-1", 0, "body")) as { text: string }).text,
      },
    ],
    [
      "due on a day the calendar now skips (holidays turned on after planning): waits for the next opening",
      {
        zone: "Europe/Berlin",
        nowMs: Date.parse("2026-12-25T09:00:00Z"),
        cache: new WindowCache({
          start: "09:00",
          end: "17:00",
          skipWeekends: true,
          holidayOn: (c, d) => (c === "DE" && ["2026-12-25", "2026-12-26"].includes(d) ? "Christmas" : null),
        }),
      },
      { kind: "defer", at: new Date("2026-12-28T08:00:00Z"), reason: "outside the sending calendar" },
    ],
    [
      "an approved personalised message is sent as written, braces included",
      { draft: () => ({ subject: "{A|B}", body: "{x|y}" }) },
      { kind: "send", subject: "{A|B}", body: "{x|y}" },
    ],
    [
      "broken spintax fails the step instead of sending raw braces",
      { steps: [email(0, { body: "{Hi|Hello there" })] },
      {
        kind: "fail",
        error: "broken spintax at character 1: this { is never closed with }",
        reason:
          "step 0 has broken spintax at character 1: this { is never closed with }; fix the template and resume",
      },
    ],
  ];
  it.each(cases)("%s", (_name, o, expected) => {
    expect(decideDue(input(o))).toMatchObject(expected);
  });

  it("counts what it lets through, so the batch's next lead waits one gap", () => {
    const i = input({ sender: { ...input().sender!, jitterSeconds: 0 } });
    expect(decideDue(i).kind).toBe("send");
    expect(i.ledger.sentToday.get("s1")).toBe(1);
    expect(decideDue({ ...i, lead: { ...i.lead, firstName: "Bo" } })).toEqual({
      kind: "defer",
      at: new Date(NOW + 120_000),
    });
  });

  it("spends the monthly allowance one email at a time", () => {
    const i = input();
    i.ledger.emailsLeft.set("w1", { left: 1, message: "limit reached" });
    expect(decideDue(i).kind).toBe("send");
    expect(decideDue(i)).toMatchObject({ kind: "end", state: "paused", reason: "limit reached" });
  });

  it("counts every email it claims toward the domain and workspace limits, and only those", () => {
    const i = input({
      sender: { ...input().sender!, minGapSeconds: 0, dailyCap: 1000 },
      limits: { perDomainDaily: 3, workspaceDaily: 0 },
    });
    const kinds = Array.from(
      { length: 4 },
      (_, n) => decideDue({ ...i, lead: { ...i.lead, email: `p${n}@acme.example` } }).kind,
    );
    expect(kinds).toEqual(["send", "send", "send", "defer"]);
    expect(i.ledger.limitCounts.toDomain.get("w1 acme.example")).toBe(3);
    expect(i.ledger.limitCounts.byWorkspace.get("w1")).toBe(3);
    // A send deferred by the sender's gap is not counted.
    const gap = input({ limits: { perDomainDaily: 3, workspaceDaily: 0 } });
    gap.ledger.lastSentMs.set("s1", NOW - 1000);
    expect(decideDue(gap).kind).toBe("defer");
    expect(gap.ledger.limitCounts.byWorkspace.get("w1")).toBeUndefined();
  });
});

describe("decideDue: A/B variants", () => {
  const variants = [
    { label: "A", weight: 1 },
    { label: "B", subject: "Quick question, {{first_name}}", body: "B body for {{first_name}}", weight: 1 },
  ];
  const decide = (leadId: string, o: Partial<DueStep> = {}, draft: DueInput<string>["draft"] = () => null) =>
    decideDue(
      input({
        lead: { ...input().lead, id: leadId },
        steps: [email(1, { variants, ...o })],
        draft,
        sender: { ...input().sender!, minGapSeconds: 0 },
      }),
    );
  const sent = (leadId: string, o: Partial<DueStep> = {}) => {
    const d = decide(leadId, o);
    if (d.kind !== "send") throw new Error(`expected a send, got ${d.kind}`);
    return d;
  };

  it("sends each lead its own variant's text and names the variant, the same every time", () => {
    const byLabel = new Map<string, string[]>();
    for (let n = 0; n < 40; n++) {
      const d = sent(`lead-${n}`);
      byLabel.set(d.variant!, [...(byLabel.get(d.variant!) ?? []), `lead-${n}`]);
      expect(sent(`lead-${n}`)).toEqual(d);
      if (d.variant === "A") expect([d.subject, d.body]).toEqual(["Hi Ada", "Hello Ada"]);
      else expect([d.subject, d.body]).toEqual(["Quick question, Ada", "B body for Ada"]);
    }
    expect([...byLabel.keys()].sort()).toEqual(["A", "B"]);
  });

  it("gives every lead the winner once there is one, and no variant to a step without any", () => {
    for (let n = 0; n < 20; n++) expect(sent(`lead-${n}`, { winner: "B" }).variant).toBe("B");
    expect(sent("lead-1", { variants: [] }).variant).toBeNull();
  });

  it("an approved per-lead message goes as approved, with the lead's variant recorded", () => {
    const d = decide("lead-3", {}, () => ({ subject: "Approved subject", body: "Approved body" }));
    expect(d).toMatchObject({ kind: "send", subject: "Approved subject", body: "Approved body" });
    expect((d as { variant: string }).variant).toBe(sent("lead-3").variant);
  });

  it("refuses an empty merge field in the variant's own text", () => {
    const d = decide("lead-1", {
      variants: [
        { label: "A", body: "Hi {{company}}", weight: 1 },
        { label: "B", body: "Hey {{company}}", weight: 1 },
      ],
    });
    expect(d).toMatchObject({ kind: "fail", error: "empty merge field: company" });
  });
});
