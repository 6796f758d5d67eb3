import { describe, expect, it } from "vitest";
import { classifyInbound, extractReturnDate } from "./classifyInbound";

const received = Date.parse("2026-03-02T10:00:00Z");
const base = {
  headers: {},
  from: "jane@acme.com",
  subject: "Re: Quick idea",
  text: "Sounds good, what does it cost?",
  ourAddresses: ["me@overture.test"],
  receivedAtMs: received,
};

describe("classifyInbound", () => {
  it("a person's answer is a reply, even one that mentions the office", () => {
    expect(
      classifyInbound({ ...base, text: "Out of curiosity, is this for the office team? What is the price?" })
        .kind,
    ).toBe("human_reply");
  });
  it.each([
    [{ "auto-submitted": "auto-replied" }, "Auto-Submitted header"],
    [{ "x-autoreply": "yes" }, "X-Autoreply header"],
    [{ "x-autorespond": "1" }, "X-Autorespond header"],
    [{ precedence: "auto_reply" }, "Precedence header"],
  ])("headers %o mark an auto-reply", (headers, reason) => {
    expect(classifyInbound({ ...base, headers })).toMatchObject({
      kind: "auto_reply",
      reason,
      pauseUntilMs: received + 7 * 86_400_000,
    });
  });
  it("Auto-Submitted: no is a person", () => {
    expect(classifyInbound({ ...base, headers: { "auto-submitted": "no" } }).kind).toBe("human_reply");
  });
  it.each([
    ["Out of Office: Quick idea", ""],
    ["Automatische Antwort: Ihre Nachricht", ""],
    ["Réponse automatique", ""],
    ["Respuesta automática: hola", ""],
    ["Re: Quick idea", "I am currently out of the office with limited access to email."],
    ["Re: Quick idea", "Vielen Dank. Ich bin bis Freitag nicht im Büro."],
  ])("content %s / %s marks an auto-reply", (subject, text) => {
    expect(classifyInbound({ ...base, subject, text }).kind).toBe("auto_reply");
  });
  it("pauses until the day after the stated return", () => {
    const r = classifyInbound({
      ...base,
      subject: "Out of office",
      text: "I'm away until 12 March and will reply when I'm back.",
    });
    expect(new Date(r.pauseUntilMs!).toISOString()).toBe("2026-03-13T00:00:00.000Z");
  });
  it("recognises bounces and our own copies", () => {
    expect(
      classifyInbound({
        ...base,
        from: "MAILER-DAEMON@mx.acme.com",
        subject: "Undelivered Mail Returned to Sender",
      }).kind,
    ).toBe("bounce");
    expect(
      classifyInbound({
        ...base,
        headers: { "content-type": "multipart/report; report-type=delivery-status" },
      }).kind,
    ).toBe("bounce");
    expect(classifyInbound({ ...base, from: "Me@Overture.test" }).kind).toBe("own_copy");
  });
});

describe("extractReturnDate", () => {
  it.each([
    ["back on March 9th", "2026-03-10"],
    ["I return on 2026-03-20.", "2026-03-21"],
    ["until 5 April", "2026-04-06"],
    ["until 5 January", null],
    ["see you soon", null],
    ["back on 2026-12-01", null],
  ])("%s → %s", (text, want) => {
    const r = extractReturnDate(text, received);
    expect(r === null ? null : new Date(r).toISOString().slice(0, 10)).toBe(want);
  });
});
