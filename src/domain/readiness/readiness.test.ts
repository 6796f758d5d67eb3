import { describe, expect, it } from "vitest";
import { isPlaceholderBody, PLACEHOLDER_BODIES } from "../sequence/placeholderBodies";
import {
  findSpamPhrases,
  leadReadiness,
  senderDomainReadiness,
  sequenceReadiness,
  trackingDomainReadiness,
} from ".";

const base = {
  leadId: "l1",
  email: "ada@engines.io",
  emailStatus: "valid" as const,
  blocked: { blocked: false },
  messages: [{ stepIndex: 1, channel: "email" as const, subject: "Hi", body: "Hello Ada" }],
};
const codes = (fs: { code: string; severity: string }[]) => fs.map((f) => `${f.code}:${f.severity}`);

describe("lead readiness", () => {
  it("holds a step still carrying a new sequence's placeholder text", () => {
    expect(isPlaceholderBody("email", PLACEHOLDER_BODIES.email)).toBe(true);
    expect(isPlaceholderBody("email", "Hi {{first_name|there}},")).toBe(true);
    expect(isPlaceholderBody("linkedin_message", "Hi Ada,\n\n...")).toBe(true);
    expect(isPlaceholderBody("email", "Hi {{first_name|there}},\n\nA real idea for {{company}}.")).toBe(
      false,
    );
    expect(isPlaceholderBody("linkedin_invite", PLACEHOLDER_BODIES.linkedin_invite)).toBe(false);
    const m = { ...base.messages[0]!, body: "Hi Ada,\n\n…", placeholder: true };
    expect(codes(leadReadiness({ ...base, messages: [m] }))).toEqual(["template_placeholder:blocking"]);
  });
  it("holds a LinkedIn step with no LinkedIn account, but only warns in a sandbox rehearsal", () => {
    const invite = { stepIndex: 2, channel: "linkedin_invite" as const, subject: "", body: "Hi Ada" };
    const input = { ...base, messages: [...base.messages, invite], linkedinConnected: false };
    expect(codes(leadReadiness(input))).toEqual(["no_linkedin_account:blocking"]);
    expect(codes(leadReadiness({ ...input, rehearsal: true }))).toEqual(["no_linkedin_account:warning"]);
    expect(codes(leadReadiness({ ...input, linkedinConnected: true }))).toEqual([]);
    expect(codes(leadReadiness({ ...base, linkedinConnected: false }))).toEqual([]);
  });
  it("finds nothing wrong with a verified lead and a clean message", () => {
    expect(leadReadiness(base)).toEqual([]);
  });
  it("blocks an email step for a lead without email, but only warns when LinkedIn steps can still reach them", () => {
    expect(codes(leadReadiness({ ...base, email: null }))).toEqual(["no_email_for_email_step:blocking"]);
    expect(
      codes(leadReadiness({ ...base, email: null, hasLinkedIn: true, messages: [], emailStepIndexes: [1] })),
    ).toEqual(["no_email_for_email_step:warning"]);
  });
  it("grades email status: invalid blocks, risky/catch-all/unverified warn", () => {
    expect(codes(leadReadiness({ ...base, emailStatus: "invalid" }))).toEqual([
      "email_not_verified:blocking",
    ]);
    for (const s of ["risky", "catch_all", "unknown", null] as const)
      expect(codes(leadReadiness({ ...base, emailStatus: s }))).toEqual(["email_not_verified:warning"]);
  });
  it("names unfilled merge variables, from the text or as reported by the render", () => {
    const f = leadReadiness({
      ...base,
      messages: [{ stepIndex: 2, channel: "email", subject: "", body: "Hi {{first_name}} at {{company}}" }],
      emailStepIndexes: [1, 2],
    });
    expect(f[0]).toMatchObject({ code: "unfilled_merge_variable", severity: "blocking", stepIndex: 2 });
    expect(f[0]!.message).toContain('"{{first_name}}", "{{company}}"');
    const g = leadReadiness({
      ...base,
      messages: [{ ...base.messages[0]!, body: "Hi {{first_name|there}}", missingVariables: ["custom_x"] }],
    });
    expect(g[0]!.message).toContain("{{custom_x}}");
  });
  it("flags a broken brace as an unfilled variable", () => {
    expect(
      codes(leadReadiness({ ...base, messages: [{ ...base.messages[0]!, body: "Hi {{first_name" }] })),
    ).toEqual(["unfilled_merge_variable:blocking"]);
  });
  it("blocks a LinkedIn note over 300 characters, counting emoji as one", () => {
    const note = (n: number) => ({
      stepIndex: 1,
      channel: "linkedin_invite" as const,
      subject: "",
      body: "😀".repeat(n),
    });
    expect(leadReadiness({ ...base, messages: [note(300)] })).toEqual([]);
    const f = leadReadiness({ ...base, messages: [note(301)] });
    expect(f[0]).toMatchObject({ code: "note_too_long", severity: "blocking" });
    expect(f[0]!.message).toContain("by 1 characters");
  });
  it("blocks an empty body and a first email without subject; follow-ups need no subject", () => {
    const f = leadReadiness({
      ...base,
      messages: [
        { stepIndex: 1, channel: "email", subject: " ", body: "Hello" },
        { stepIndex: 2, channel: "email", subject: "", body: "" },
      ],
    });
    expect(codes(f)).toEqual(["subject_missing:blocking", "empty_body:blocking"]);
  });
  it("blocks a blocklisted lead and says why", () => {
    const f = leadReadiness({ ...base, blocked: { blocked: true, reason: "domain engines.io" } });
    expect(f[0]).toMatchObject({ code: "blocklisted", severity: "blocking" });
    expect(f[0]!.message).toContain("(domain engines.io)");
  });
  it("warns about spam-trigger phrases", () => {
    const f = leadReadiness({
      ...base,
      messages: [{ ...base.messages[0]!, body: "Act now: 100% free, risk free!" }],
    });
    expect(f[0]).toMatchObject({ code: "spam_phrase", severity: "warning" });
    expect(f[0]!.message).toMatch(/"act now".*"100% free".*"risk-free"/);
  });
});

describe("spam phrases", () => {
  it("matches whole words only, with hyphens, spaces and apostrophes interchangeable", () => {
    expect(findSpamPhrases("Freedom to act, the insurgent said")).toEqual([]);
    expect(findSpamPhrases("This is RISK FREE and don’t delete it")).toEqual(["risk-free", "don't delete"]);
  });
});

describe("sequence readiness", () => {
  it("blocks email steps without a sender account and warns without an unsubscribe footer", () => {
    expect(codes(sequenceReadiness({ hasEmailStep: true, senders: [], unsubscribeFooter: false }))).toEqual([
      "no_sender_account:blocking",
      "missing_unsubscribe:warning",
    ]);
    expect(sequenceReadiness({ hasEmailStep: false, senders: [], unsubscribeFooter: false })).toEqual([]);
    expect(
      sequenceReadiness({
        hasEmailStep: true,
        senders: [{ name: "A", paused: false }],
        unsubscribeFooter: true,
      }),
    ).toEqual([]);
  });

  it.each([
    { paused: [false, false], want: [] },
    { paused: [true, false], want: [/^Paused: "s0"\. New leads go to the other senders/] },
    { paused: [true], want: [/^The sender "s0" is paused: nothing is sent/] },
    { paused: [true, true], want: [/^Every sender of this sequence is paused/] },
  ])("warns of paused senders in the rotation: $paused", ({ paused, want }) => {
    const senders = paused.map((p, i) => ({ name: `s${i}`, paused: p }));
    const f = sequenceReadiness({ hasEmailStep: true, senders, unsubscribeFooter: true });
    expect(f.map((x) => x.severity)).toEqual(want.map(() => "warning"));
    f.forEach((x, i) => expect(x.message).toMatch(want[i]!));
  });

  it("blocks broken spintax, naming the step, the part and the problem", () => {
    const steps = [
      { idx: 0, subject: "{Hi|Hello} {{first_name}}", body: "fine {a|b}" },
      { idx: 1, subject: "", body: "{Thanks|Cheers, {{sender_name}}" },
    ];
    const f = sequenceReadiness({
      hasEmailStep: true,
      senders: [{ name: "A", paused: false }],
      unsubscribeFooter: true,
      steps,
    });
    expect(f).toEqual([
      {
        code: "broken_spintax",
        severity: "blocking",
        stepIndex: 1,
        message:
          "Step 1: the body has broken spintax at character 1: this { is never closed with }. Write options as {Hi|Hello}, or \\{ for a literal brace.",
      },
    ]);
  });
});

describe("sender domain readiness", () => {
  const sender = { name: "Olive", kind: "smtp" as const, domain: "brightco.test" };
  const results = [
    { check: "mx" as const, result: "pass" as const, message: "ok" },
    { check: "dmarc" as const, result: "fail" as const, message: "Fix DMARC." },
    { check: "ptr" as const, result: "warn" as const, message: "Set a PTR." },
  ];
  const check = { domain: "brightco.test", results, override: null };
  it.each([
    ["the sandbox", { sender: { ...sender, kind: "sandbox" as const }, check: null }, []],
    ["never checked", { sender, check: null }, ["sender_domain_not_checked:warning"]],
    [
      "checked on another domain",
      { sender, check: { ...check, domain: "old.test" } },
      ["sender_domain_not_checked:warning"],
    ],
    [
      "a fail and a warn",
      { sender, check },
      ["sender_domain_failed:blocking", "sender_domain_warning:warning"],
    ],
    [
      "a fail overridden",
      { sender, check: { ...check, override: { by: "ana", at: new Date(0) } } },
      ["sender_domain_overridden:warning", "sender_domain_warning:warning"],
    ],
  ])("%s", (_name, input, expected) => {
    expect(codes(senderDomainReadiness(input))).toEqual(expected);
  });
  it.each([
    ["no tracking domain", { domain: null, inUse: false, message: null }, []],
    ["a tracking domain in use", { domain: "track.b.com", inUse: true, message: "ok." }, []],
    [
      "one that failed",
      { domain: "track.b.com", inUse: false, message: "No CNAME." },
      ["tracking_domain_not_in_use:warning"],
    ],
    [
      "one not checked",
      { domain: "track.b.com", inUse: false, message: null },
      ["tracking_domain_not_in_use:warning"],
    ],
  ])("tracking domain: %s", (_name, t, expected) => {
    const found = trackingDomainReadiness({ senderName: "Olive", ...t });
    expect(codes(found)).toEqual(expected);
    if (found.length) expect(found[0]!.message).toContain(`track.b.com of sender "Olive" is not in use`);
  });
  it("says what failed, the fix, and how to go on", () => {
    expect(senderDomainReadiness({ sender, check })[0]!.message).toBe(
      'DMARC of brightco.test (sender "Olive") failed: Fix DMARC. Then check the domain again in Settings → Senders, or an admin can choose "Launch anyway" there.',
    );
  });
});
