import { describe, expect, it } from "vitest";
import {
  type ReplyClassification,
  MAX_TEXT_CHARS,
  replyClassifications,
  suggestClassification,
} from "./suggestClassification";

const reply = (text: string, subject = "Re: Quick question about your outbound") =>
  suggestClassification({ kind: "human_reply", subject, text });

type Expected = [ReplyClassification, "high" | "low", string];

describe("suggestClassification: message kinds", () => {
  it("lists the classifications in a fixed order", () => {
    expect(replyClassifications).toEqual([
      "interested",
      "meeting_booked",
      "not_interested",
      "out_of_office",
      "wrong_person",
      "unsubscribe_request",
      "other",
    ]);
  });

  it("suggests out_of_office for an auto-reply, whatever it says", () => {
    expect(
      suggestClassification({ kind: "auto_reply", subject: "Automatic reply", text: "Please unsubscribe" }),
    ).toEqual({
      classification: "out_of_office",
      confidence: "high",
      reason: "automatic reply (auto-responder)",
    });
  });

  it("suggests other for a bounce and says so", () => {
    expect(
      suggestClassification({ kind: "bounce", subject: "Undeliverable", text: "550 5.1.1 user unknown" }),
    ).toEqual({
      classification: "other",
      confidence: "high",
      reason: "the message is a bounce (delivery failure)",
    });
  });
});

describe("suggestClassification: each classification, four languages", () => {
  it.each<[string, ...Expected]>([
    // unsubscribe_request
    ["Please unsubscribe me.", "unsubscribe_request", "high", 'mentions "unsubscribe"'],
    ["Please don’t contact me again.", "unsubscribe_request", "high", `mentions "don't contact me"`],
    ["Take me off this list please", "unsubscribe_request", "high", 'mentions "take me off"'],
    [
      "Under GDPR I request that you erase my data.",
      "unsubscribe_request",
      "high",
      'mentions "gdpr i request that you erase"',
    ],
    ["STOP", "unsubscribe_request", "high", 'mentions "stop"'],
    [
      "Bitte tragen Sie mich aus Ihrem Verteiler aus. Keine weiteren E-Mails.",
      "unsubscribe_request",
      "high",
      'mentions "tragen sie mich aus"',
    ],
    ["Merci de me désabonner de vos envois.", "unsubscribe_request", "high", 'mentions "désabonner"'],
    ["Retirez-moi de votre liste.", "unsubscribe_request", "high", 'mentions "retirez-moi"'],
    [
      "Por favor, darme de baja. No me escriba más.",
      "unsubscribe_request",
      "high",
      'mentions "darme de baja"',
    ],
    // wrong_person
    ["I no longer work at Acme.", "wrong_person", "high", 'mentions "no longer work"'],
    [
      "Mark left the company in March, you should reach out to Priya instead.",
      "wrong_person",
      "high",
      'mentions "left the company"',
    ],
    ["Dafür bin ich nicht zuständig.", "wrong_person", "high", 'mentions "nicht zuständig"'],
    ["Marc n’est plus chez nous depuis janvier.", "wrong_person", "high", `mentions "n'est plus chez"`],
    ["Lo siento, no soy la persona adecuada.", "wrong_person", "high", 'mentions "no soy la persona"'],
    // not_interested
    [
      "We already have a provider for this, thanks.",
      "not_interested",
      "high",
      'mentions "already have a provider"',
    ],
    ["Not a priority for us this year.", "not_interested", "high", 'mentions "not a priority"'],
    ["Not at this time.", "not_interested", "high", 'mentions "not at this time"'],
    ["We'll pass, thanks.", "not_interested", "high", `mentions "we'll pass"`],
    ["Danke, aber kein Interesse.", "not_interested", "high", 'mentions "kein interesse"'],
    ["Non merci, nous ne sommes pas intéressés.", "not_interested", "high", 'mentions "non merci"'],
    ["No me interesa, gracias.", "not_interested", "high", 'mentions "no me interesa"'],
    // meeting_booked
    ["Just booked a time for Thursday.", "meeting_booked", "high", 'mentions "booked"'],
    [
      "Calendar invite accepted - see you on Tuesday!",
      "meeting_booked",
      "high",
      'mentions "calendar invite accepted"',
    ],
    [
      "Here's the link: https://us02web.zoom.us/j/81234567 at 3pm.",
      "meeting_booked",
      "high",
      "shares a us02web.zoom.us link with a time",
    ],
    ["Termin bestätigt, bis Dienstag!", "meeting_booked", "high", 'mentions "termin bestätigt"'],
    ["Rendez-vous confirmé pour jeudi 10h.", "meeting_booked", "high", 'mentions "rendez-vous confirmé"'],
    ["Reunión confirmada para el lunes a las 11.", "meeting_booked", "high", 'mentions "reunión confirmada"'],
    // interested
    ["Tell me more, what does it cost?", "interested", "high", 'mentions "tell me more"'],
    ["Happy to chat - how about Wednesday?", "interested", "high", 'mentions "happy to chat"'],
    ["Can we get a call booked next week?", "interested", "high", 'mentions "get a call booked"'],
    ["Klingt gut, schicken Sie mir mehr Informationen.", "interested", "high", 'mentions "klingt gut"'],
    ["Avec plaisir, je suis disponible mardi.", "interested", "high", 'mentions "avec plaisir"'],
    ["Me interesa. ¿Podemos hablar el jueves?", "interested", "high", 'mentions "me interesa"'],
    ["Sure", "interested", "low", 'mentions "sure"'],
    ["Gerne.", "interested", "low", 'mentions "gerne"'],
    // out_of_office written by a person
    ["I'm on vacation, back on the 14th.", "out_of_office", "high", 'mentions "on vacation"'],
    ["Ich bin im Urlaub.", "out_of_office", "high", 'mentions "im urlaub"'],
    ["Je suis en congé cette semaine.", "out_of_office", "high", 'mentions "en congé"'],
    ["Estoy de vacaciones.", "out_of_office", "high", 'mentions "de vacaciones"'],
    // other
    ["Who gave you my address?", "other", "low", "no recognisable intent"],
  ])("%j", (text, classification, confidence, reason) => {
    expect(reply(text)).toEqual({ classification, confidence, reason });
  });
});

describe("suggestClassification: priorities", () => {
  it.each<[string, ...Expected]>([
    [
      "Not interested, please remove me from your list",
      "unsubscribe_request",
      "high",
      'mentions "remove me"',
    ],
    ["I'm not the right person, talk to Jane", "wrong_person", "high", 'mentions "not the right person"'],
    [
      "Not interested - and I'm not responsible for marketing anyway.",
      "wrong_person",
      "high",
      'mentions "not responsible for"',
    ],
    [
      "Interested! Booked a slot for Tuesday via your calendly",
      "meeting_booked",
      "high",
      'mentions "booked"',
    ],
    ["Sounds good but not a fit right now.", "not_interested", "high", 'mentions "not a fit"'],
    ["Happy to chat when I'm back from vacation.", "interested", "high", 'mentions "happy to chat"'],
    // a weak word never outranks a clear phrase of a lower class
    ["Ok, I'm out of office until Monday.", "out_of_office", "high", 'mentions "out of office"'],
  ])("%j", (text, classification, confidence, reason) => {
    expect(reply(text)).toEqual({ classification, confidence, reason });
  });
});

describe("suggestClassification: negations", () => {
  it.each<[string, ...Expected]>([
    ["Not interested.", "not_interested", "high", 'mentions "not interested"'],
    ["I'm really not that interested.", "not_interested", "high", 'mentions "not that interested"'],
    ["We wouldn't be interested.", "not_interested", "high", `mentions "wouldn't be interested"`],
    ["No thanks, not interested", "not_interested", "high", 'mentions "no thanks"'],
    ["Not sure, but interested", "interested", "high", 'mentions "interested"'],
    ["Wir sind daran nicht interessiert.", "not_interested", "high", 'mentions "nicht interessiert"'],
    [
      "Nous ne sommes pas vraiment intéressés.",
      "not_interested",
      "high",
      'mentions "pas vraiment intéressés"',
    ],
    ["No estamos interesados.", "not_interested", "high", 'mentions "no estamos interesados"'],
    ["Not sure.", "other", "low", "no recognisable intent"],
    ["I'm not free next week.", "other", "low", "no recognisable intent"],
    ["Haven't booked anything yet, but happy to chat.", "interested", "high", 'mentions "happy to chat"'],
    ["No worries, happy to chat.", "interested", "high", 'mentions "happy to chat"'],
    ["I'll pass this along to our CTO.", "wrong_person", "high", `mentions "i'll pass this along to"`],
    [
      "We're fully booked this week, how about next Tuesday?",
      "interested",
      "high",
      'mentions "how about next"',
    ],
  ])("%j", (text, classification, confidence, reason) => {
    expect(reply(text)).toEqual({ classification, confidence, reason });
  });
});

describe("suggestClassification: only the prospect's new text counts", () => {
  it("ignores a quoted Gmail original that says unsubscribe", () => {
    const text = [
      "Sounds good",
      "",
      "On Tue, Mar 4, 2025 at 9:12 AM Alex Rivera <alex@overture.example> wrote:",
      "> Hi Sam, if this isn't relevant just reply unsubscribe.",
      "> Interested in a quick chat?",
    ].join("\n");
    expect(reply(text)).toEqual({
      classification: "interested",
      confidence: "high",
      reason: 'mentions "sounds good"',
    });
  });

  it("handles an 'On ... wrote:' header wrapped over two lines", () => {
    const text =
      "Not interested.\n\nOn Tue, Mar 4, 2025 at 9:12 AM Alex Rivera <\nalex@overture.example> wrote:\n\nHappy to chat?";
    expect(reply(text).classification).toBe("not_interested");
    expect(
      reply("Thanks\n\nOn Tue, Mar 4, 2025 at 9:12 AM Alex <\nalex@x.example> wrote:\nHappy to chat?"),
    ).toEqual({
      classification: "other",
      confidence: "low",
      reason: "no recognisable intent",
    });
  });

  it("cuts at an Outlook header block and at -----Original Message-----", () => {
    const outlook = [
      "Please take me off your list.",
      "",
      "From: Alex Rivera <alex@overture.example>",
      "Sent: Tuesday, March 4, 2025 9:12 AM",
      "To: Sam <sam@acme.example>",
      "Subject: Happy to chat?",
    ].join("\n");
    expect(reply(outlook)).toEqual({
      classification: "unsubscribe_request",
      confidence: "high",
      reason: 'mentions "take me off"',
    });
    const original = "Thanks!\n\n-----Original Message-----\nFrom: Alex\nWould you be interested in a demo?";
    expect(reply(original)).toEqual({
      classification: "other",
      confidence: "low",
      reason: "no recognisable intent",
    });
  });

  it.each([
    [
      "Danke.\n\nAm Di., 4. März 2025 um 09:12 Uhr schrieb Alex Rivera <alex@overture.example>:\n> Interesse?",
    ],
    ["Merci.\n\nLe mar. 4 mars 2025 à 09:12, Alex Rivera <alex@overture.example> a écrit :\n> Intéressé ?"],
    [
      "Gracias.\n\nEl mar, 4 mar 2025 a las 9:12, Alex Rivera (<alex@overture.example>) escribió:\n> ¿Le interesa?",
    ],
    ["Danke.\n\nVon: Alex Rivera\nGesendet: Dienstag, 4. März 2025 09:12\nBetreff: Interesse an einer Demo?"],
  ])("ignores localized quote headers and what follows: %j", (text) => {
    expect(reply(text)).toEqual({
      classification: "other",
      confidence: "low",
      reason: "no recognisable intent",
    });
  });

  it("drops '>' lines but keeps an inline answer below them", () => {
    const text =
      "> Would Tuesday work for a quick call?\nYes, sounds good.\n> Or is someone else better placed?";
    expect(reply(text)).toEqual({
      classification: "interested",
      confidence: "high",
      reason: 'mentions "sounds good"',
    });
  });

  it("ignores the signature after '-- '", () => {
    const text =
      "Thanks for the note.\n-- \nSam Lee | Head of Growth\nNot interested in spam? Click unsubscribe.";
    expect(reply(text)).toEqual({
      classification: "other",
      confidence: "low",
      reason: "no recognisable intent",
    });
  });

  it("reads the subject for unsubscribe requests only, never our own outreach subject", () => {
    expect(reply("", "UNSUBSCRIBE")).toEqual({
      classification: "unsubscribe_request",
      confidence: "high",
      reason: 'subject mentions "unsubscribe"',
    });
    expect(reply("No.", "Re: Interested in cutting your CAC?")).toEqual({
      classification: "not_interested",
      confidence: "high",
      reason: 'mentions "no."',
    });
  });
});

describe("suggestClassification: robustness", () => {
  it("returns other for empty or whitespace-only text", () => {
    const none = { classification: "other", confidence: "low", reason: "no new text in the reply" };
    expect(reply("")).toEqual(none);
    expect(reply(" \n\r\n\t ")).toEqual(none);
    expect(reply("\n\nOn Mon, Mar 3, 2025 Alex <alex@x.example> wrote:\n> Interested?")).toEqual(none);
  });

  it("treats curly and straight apostrophes, case and CRLF alike", () => {
    expect(reply("WE’RE ALL SET,\r\nTHANKS")).toEqual({
      classification: "not_interested",
      confidence: "high",
      reason: `mentions "we're all set"`,
    });
  });

  it("matches whole words only", () => {
    expect(reply("Our passport office handles bookkeeping; we're uninterrupted.")).toEqual({
      classification: "other",
      confidence: "low",
      reason: "no recognisable intent",
    });
  });

  it("looks at the first 20,000 characters only and stays fast on huge input", () => {
    const filler = "lorem ipsum ".repeat(Math.ceil(MAX_TEXT_CHARS / 12));
    expect(reply(`${filler} unsubscribe`).classification).toBe("other");
    const start = Date.now();
    reply("not ".repeat(500_000));
    reply("> x\n".repeat(500_000));
    reply("you should ".repeat(200_000));
    reply("a".repeat(2_000_000));
    expect(Date.now() - start).toBeLessThan(2_000);
  });
});
