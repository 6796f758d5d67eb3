import { describe, expect, it } from "vitest";
import { findPlaceholders } from "../messages/renderTemplate";
import { checkGeneratedMessage } from "../generation/checkGeneratedMessage";
import { channelTouch } from "./channelTouch";
import { clip, pickHook, writeMessage } from "./writeMessage";

const now = new Date("2026-06-01T12:00:00Z");
const profile = {
  senderName: "Mia",
  senderCompany: "Overture Labs",
  offer: "Fix slow websites in a week",
  proof: "Acme cut its load time from 4 s to 0.9 s",
  tone: "friendly",
  callToAction: "Open to a 15-minute call next week",
};

describe("the built-in writer", () => {
  it("picks the freshest real hook: a recent post, then a new role, then company news, then the audit", () => {
    const base = {
      firstName: "Ana",
      company: "Acme",
      audit: { grade: "D", topIssue: "The site has no HTTPS", url: "/a/1" },
    };
    expect(pickHook(base, now)).toMatchObject({ kind: "audit_finding", source: "/a/1" });
    expect(
      pickHook({ ...base, companySignals: [{ kind: "hiring", text: "Acme is hiring 5 engineers" }] }, now)
        .kind,
    ).toBe("company_signal");
    const move = { title: "VP Sales", company: "Acme", start: "2026-03-01" };
    expect(pickHook({ ...base, experience: [move] }, now)).toMatchObject({
      kind: "career_move",
      text: "VP Sales at Acme",
    });
    expect(pickHook({ ...base, experience: [{ ...move, start: "2024-01-01" }] }, now).kind).toBe(
      "audit_finding",
    );
    const post = { text: "Why we rebuilt our onboarding", date: "2026-05-20", url: "https://x/p/1" };
    expect(pickHook({ ...base, recentPosts: [post] }, now)).toMatchObject({
      kind: "recent_post",
      source: "https://x/p/1",
    });
    expect(pickHook({ ...base, recentPosts: [{ ...post, date: "2025-01-01" }] }, now).kind).toBe(
      "audit_finding",
    );
  });

  it("writes a complete email from the audit finding, and is the same for the same lead", () => {
    const lead = {
      firstName: "Ana",
      company: "Acme",
      audit: { grade: "D", topIssue: "The site has no HTTPS", url: null },
    };
    const m = writeMessage({ lead, profile, channel: "email", stepNumber: 1, now, seed: "l1" });
    expect(m.body).toContain("the site has no HTTPS");
    expect(m.body).toContain("Acme cut its load time");
    expect(m.body).toContain("Open to a 15-minute call next week?");
    expect(m.body).toMatch(/^(Hi|Hello|Hey) Ana,/);
    expect(m.body.trimEnd()).toMatch(/Mia$/);
    expect(m.subject.length).toBeGreaterThan(5);
    expect(writeMessage({ lead, profile, channel: "email", stepNumber: 1, now, seed: "l1" })).toEqual(m);
    const plural = writeMessage({
      lead: { ...lead, company: "Acme Rockets" },
      profile,
      channel: "email",
      stepNumber: 1,
      now,
    });
    expect(plural.body).toMatch(/Acme Rockets' (website|site)/);
  });

  it("never leaves holes, placeholders or 'undefined' on sparse, long or non-ASCII leads", () => {
    const shapes = [
      {},
      { firstName: "Zoë", company: "Łódź Dynamics" },
      { firstName: "田中", lastName: "太郎" },
      { firstName: "  ", company: "" },
      { firstName: "Maximilian-Alexander", company: "A".repeat(200), jobTitle: "Chief Everything Officer" },
    ];
    for (const lead of shapes)
      for (const channel of ["email", "linkedin_invite", "linkedin_message"] as const)
        for (const stepNumber of [1, 2, 3]) {
          const m = writeMessage({
            lead,
            profile: { ...profile, proof: "", offer: "" },
            channel,
            stepNumber,
            now,
          });
          const all = `${m.subject} ${m.body}`;
          expect(all).not.toMatch(/undefined|null|\{\{|\s,|,,|\.\./);
          expect(findPlaceholders(all)).toEqual([]);
          expect(m.body.trim().length).toBeGreaterThan(10);
          if (channel === "linkedin_invite") expect([...m.body].length).toBeLessThanOrEqual(300);
          if (channel !== "email") expect(m.subject).toBe("");
          if (channel === "email") expect([...m.subject].length).toBeLessThanOrEqual(80);
        }
  });

  it("keeps a LinkedIn note under 300 characters without cutting a word", () => {
    const m = writeMessage({
      lead: { firstName: "Ana", recentPosts: [{ text: "word ".repeat(200), date: "2026-05-30" }] },
      profile: { ...profile, offer: "long offer ".repeat(40) },
      channel: "linkedin_invite",
      stepNumber: 1,
      now,
    });
    expect([...m.body].length).toBeLessThanOrEqual(300);
    expect(m.body).toMatch(/(word|offer|\.)…?$/);
    expect(clip("abc def ghi", 8)).toBe("abc…");
  });

  it("varies between leads", () => {
    const openings = new Set(
      Array.from({ length: 50 }, (_, i) =>
        writeMessage({
          lead: { firstName: `P${i}`, company: `Co${i}`, jobTitle: "CTO" },
          profile,
          channel: "email",
          stepNumber: 1,
          now,
        })
          .body.split("\n")[0]!
          .replace(/P\d+/, "X"),
      ),
    );
    expect(openings.size).toBeGreaterThanOrEqual(3);
  });

  it("writes 10,000 messages in well under 5 seconds", () => {
    const t = performance.now();
    for (let i = 0; i < 10_000; i++)
      writeMessage({
        lead: {
          firstName: `P${i}`,
          company: `Company ${i}`,
          jobTitle: "Head of Growth",
          audit: { grade: "C", topIssue: "Slow response" },
        },
        profile,
        channel: i % 3 === 0 ? "linkedin_invite" : "email",
        stepNumber: (i % 3) + 1,
        now,
      });
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it("writes the first email of a LinkedIn-first sequence as a first email, with a subject", () => {
    const steps = [
      { idx: 1, channel: "linkedin_invite" },
      { idx: 2, channel: "email" },
      { idx: 3, channel: "email" },
      { idx: 4, channel: "linkedin_message" },
    ];
    expect(steps.map((s) => channelTouch(steps, s.idx))).toEqual([1, 1, 2, 2]);
    const lead = { firstName: "Ana", company: "Acme", jobTitle: "CTO" };
    const m = writeMessage({ lead, profile, channel: "email", stepNumber: 2, touch: 1, now });
    expect(m.subject.trim()).not.toBe("");
    expect(m.body).not.toMatch(/follow-up|following up|earlier|last email/i);
    expect(m.body).toContain("Overture Labs we fix slow websites in a week.");
    expect(checkGeneratedMessage(m, "email", 1)).toEqual([]);
    const next = writeMessage({ lead, profile, channel: "email", stepNumber: 3, touch: 2, now });
    expect(next.subject).toBe("");
    expect(next.body).toMatch(/follow|earlier|last email/i);
    // The LinkedIn message after an accepted invite thanks for connecting, never mentions an email.
    const dm = writeMessage({ lead, profile, channel: "linkedin_message", stepNumber: 4, touch: 2, now });
    expect(dm.body).toContain("Thanks for connecting.");
    expect(dm.body).not.toMatch(/email/i);
  });

  it("keeps the subject set on the step", () => {
    const lead = { firstName: "Ana", company: "Acme" };
    const m = writeMessage({
      lead,
      profile,
      channel: "email",
      stepNumber: 1,
      stepSubject: "Acme's site",
      now,
    });
    expect(m.subject).toBe("Acme's site");
    const linkedin = writeMessage({
      lead,
      profile,
      channel: "linkedin_invite",
      stepNumber: 1,
      stepSubject: "x",
      now,
    });
    expect(linkedin.subject).toBe("");
  });

  const shapes = {
    noun: {
      offer: "a free 20-minute RevOps audit",
      cta: "a 15-minute call next week",
      proof: "a 31% reply rate",
    },
    verb: {
      offer: "help B2B teams book more meetings",
      cta: "Book a time at https://cal.example/mia",
      proof: "Acme doubled its pipeline",
    },
    sentence: {
      offer: "We help SaaS teams cut churn.",
      cta: "Are you free on Tuesday?",
      proof: "Acme cut churn by 20%.",
    },
    empty: { offer: "", cta: "", proof: "" },
  };
  it.each(Object.entries(shapes))("writes grammatical messages from %s-shaped profile fields", (_, f) => {
    const p = { ...profile, offer: f.offer, callToAction: f.cta, proof: f.proof };
    for (const channel of ["email", "linkedin_invite", "linkedin_message"] as const)
      for (const seed of ["a", "b", "c", "d"]) {
        const m = writeMessage({
          lead: { firstName: "Ana", company: "Acme" },
          profile: p,
          channel,
          stepNumber: 1,
          now,
          seed,
        });
        expect(m.body).not.toMatch(/\b(we|I help teams|teams) (a|an|the) /i);
        expect(m.body).not.toMatch(/\bwe we\b|\bI I\b|\?\.|\.\?|\.\.| {2}|\?\?/i);
        expect(m.body).not.toMatch(/https:\/\/cal\.example\/mia\?/);
        if (f.offer) expect(m.body).toMatch(/RevOps audit|book more meetings|cut churn/);
      }
  });

  it("ends without a dangling sign-off when it knows no sender name (no strategy profile yet)", () => {
    const anonymous = { ...profile, senderName: "" };
    for (const [seed, stepNumber] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 1],
      ["e", 2],
    ] as const) {
      const m = writeMessage({
        lead: { firstName: "Ada", company: "Analytical Engines", jobTitle: "Head of Engineering" },
        profile: anonymous,
        channel: "email",
        stepNumber,
        now,
        seed,
      });
      expect(m.body.trim().split("\n").pop()).not.toMatch(/^(Best|Cheers|Thanks|Kind regards),$/);
    }
  });
});
