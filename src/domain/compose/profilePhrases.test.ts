import { describe, expect, it } from "vitest";
import { askSentence, offerSentence, phraseShape, proofSentence } from "./profilePhrases";

const email = { company: "Acme Sales", personal: false };
const note = { company: "Acme Sales", personal: true };

describe("strategy-profile fields become grammatical sentences", () => {
  it.each([
    // [offer as typed, email sentence, LinkedIn note sentence]
    [
      "a free 20-minute RevOps audit",
      "I'd like to offer you a free 20-minute RevOps audit.",
      "I'd like to offer you a free 20-minute RevOps audit.",
    ],
    [
      "A free 20-minute RevOps audit.",
      "I'd like to offer you a free 20-minute RevOps audit.",
      "I'd like to offer you a free 20-minute RevOps audit.",
    ],
    ["20-minute website audits", "I'd like to offer you 20-minute website audits.", null],
    [
      "Fix slow websites in a week",
      "At Acme Sales we fix slow websites in a week.",
      "I fix slow websites in a week.",
    ],
    [
      "helps SaaS teams cut churn",
      "At Acme Sales we help SaaS teams cut churn.",
      "I help SaaS teams cut churn.",
    ],
    ["Helping founders hire", "We focus on helping founders hire.", "I focus on helping founders hire."],
    ["We help SaaS teams cut churn.", "We help SaaS teams cut churn.", "We help SaaS teams cut churn."],
    ["RevOps audits for B2B teams", "What we offer: RevOps audits for B2B teams.", null],
    ["", "", ""],
    ["   ", "", ""],
  ])("offer %j", (offer, inEmail, inNote) => {
    expect(offerSentence(offer, email)).toBe(inEmail);
    if (inNote !== null) expect(offerSentence(offer, note)).toBe(inNote);
    expect(offerSentence(offer, email)).not.toMatch(/\bwe an? |I help teams an? |\.\.| {2}/);
  });

  it("names no company when the sender has none", () => {
    expect(offerSentence("cut churn", { company: "", personal: false })).toBe("We cut churn.");
  });

  it.each([
    ["Open to a 15-minute call next week", "Open to a 15-minute call next week?"],
    ["Are you free for a call on Tuesday?", "Are you free for a call on Tuesday?"],
    ["worth a chat", "Worth a chat?"],
    ["a 15-minute call next week", "Would you be open to a 15-minute call next week?"],
    ["Book a time at https://cal.example/mia", "Book a time at https://cal.example/mia."],
    ["reply with a good time", "Reply with a good time."],
    ["Let's talk", "Let's talk."],
    ["", ""],
  ])("call to action %j", (cta, line) => {
    expect(askSentence(cta)).toBe(line);
  });

  it.each([
    ["Acme cut its load time from 4 s to 0.9 s", "For context: Acme cut its load time from 4 s to 0.9 s."],
    ["a 31% reply rate for Acme.", "For context: a 31% reply rate for Acme."],
    ["", ""],
  ])("proof %j", (proof, line) => {
    expect(proofSentence(proof, "For context:")).toBe(line);
  });

  it("tells the shapes apart", () => {
    expect(phraseShape("a free audit")).toBe("noun");
    expect(phraseShape("build landing pages")).toBe("verb");
    expect(phraseShape("Helping teams")).toBe("gerund");
    expect(phraseShape("I help teams")).toBe("sentence");
    expect(phraseShape("Interested in a demo")).toBe("question");
    expect(phraseShape("")).toBe("empty");
  });
});
