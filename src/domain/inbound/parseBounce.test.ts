import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBounceText } from "./bounceText";
import { parseBounce } from "./parseBounce";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const OURS = "<20260302095958.a1b2c3@overture.test>";

describe("parseBounce", () => {
  it("Exim without a report part: X-Failed-Recipients and the SMTP answer", () => {
    expect(parseBounce(fixture("exim-plain.eml"))).toEqual({
      source: "text",
      reportingMta: null,
      arrivalDate: null,
      recipients: [
        {
          finalRecipient: "nobody@acme.com",
          originalRecipient: null,
          action: "failed",
          status: "5.1.1",
          diagnosticCode:
            "550 5.1.1 <nobody@acme.com>: Recipient address rejected: User unknown in virtual mailbox table",
          remoteMta: null,
          hard: true,
        },
      ],
      originalMessageId: OURS,
      isHard: true,
    });
  });

  it("old qmail: <address>: line and (#5.1.1)", () => {
    const r = parseBounce(fixture("qmail-plain.eml"))!;
    expect(r.source).toBe("text");
    expect(r.recipients).toEqual([
      {
        finalRecipient: "nobody@oldhost.example",
        originalRecipient: null,
        action: "failed",
        status: "5.1.1",
        diagnosticCode: "Sorry, no mailbox here by that name. (#5.1.1)",
        remoteMta: null,
        hard: true,
      },
    ]);
    expect(r.originalMessageId).toBe(OURS);
  });

  it.each([
    ["postfix-hard.eml", true],
    ["postfix-delayed-mailbox-full.eml", false],
    ["exchange-ndr.eml", true],
    ["gmail-dsn.eml", true],
    ["nested-base64-report.eml", true],
  ])("%s is read from its DSN (hard: %s)", (name, hard) => {
    expect(parseBounce(fixture(name))).toMatchObject({ source: "dsn", isHard: hard });
  });

  it.each(["human-reply.eml", "own-sent-copy.eml", "ooo-exchange-en.eml", "ooo-de-noheaders.eml"])(
    "%s is not a bounce",
    (name) => {
      expect(parseBounce(fixture(name))).toBeNull();
    },
  );

  it("a DSN with an empty status part falls back to the readable text", () => {
    const raw = [
      "From: MAILER-DAEMON@mx.example",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "<jane@acme.com>: host mx.acme.com said: 550 5.1.1 no such user",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example",
      "--b--",
    ].join("\n");
    expect(parseBounce(raw)).toMatchObject({
      source: "dsn",
      reportingMta: "mx.example",
      isHard: true,
      recipients: [{ finalRecipient: "jane@acme.com", status: "5.1.1", hard: true }],
    });
  });

  it("an unreadable text bounce is still hard unless it speaks of a delay", () => {
    const bounce = (body: string) =>
      parseBounce(
        `From: MAILER-DAEMON@mx.example\nSubject: Returned mail: see transcript for details\n\n${body}`,
      );
    expect(bounce("Something went wrong.")).toMatchObject({ source: "text", recipients: [], isHard: true });
    expect(bounce("Delivery is delayed; we will keep trying.")).toMatchObject({
      recipients: [],
      isHard: false,
    });
  });
});

describe("parseBounceText", () => {
  it("qmail with a remote SMTP answer", () => {
    const text = [
      "Hi. This is the qmail-send program at mx.example.",
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      "",
      "<a@acme.com>:",
      "203.0.113.5 does not like recipient.",
      "Remote host said: 550 5.1.1 <a@acme.com>... User unknown",
      "Giving up on 203.0.113.5.",
      "",
      "<b@acme.com>:",
      "203.0.113.5 failed after I sent the message.",
      "Remote host said: 552 5.2.2 Mailbox full",
      "",
      "--- Below this line is a copy of the message.",
      "",
      "Message-ID: <x@overture.test>",
      "To: a@acme.com",
    ].join("\n");
    const r = parseBounceText(text);
    expect(r.recipients.map((x) => [x.finalRecipient, x.status, x.diagnosticCode, x.hard])).toEqual([
      ["a@acme.com", "5.1.1", "550 5.1.1 <a@acme.com>... User unknown", true],
      ["b@acme.com", "5.2.2", "552 5.2.2 Mailbox full", false],
    ]);
    expect(r.originalMessageId).toBe("<x@overture.test>");
  });

  it("a text-only Exchange NDR", () => {
    const text = [
      "Delivery has failed to these recipients or groups:",
      "",
      "jane@acme.com (jane@acme.com)",
      "The e-mail address you entered couldn't be found.",
      "",
      "Diagnostic information for administrators:",
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'",
      "",
      "Original message headers:",
      "Message-ID: <y@overture.test>",
    ].join("\n");
    const r = parseBounceText(text);
    expect(r.recipients.map((x) => [x.finalRecipient, x.status, x.hard])).toEqual([
      ["jane@acme.com", "5.1.10", true],
    ]);
    expect(r.originalMessageId).toBe("<y@overture.test>");
  });

  it("a temporary failure is soft", () => {
    const r = parseBounceText(
      "This is a temporary error. We will keep trying.\n\nRCPT TO:<c@acme.com> failed: 451 try later",
    );
    expect(r.recipients.map((x) => [x.finalRecipient, x.action, x.status, x.hard])).toEqual([
      ["c@acme.com", "delayed", "4.0.0", false],
    ]);
  });

  it("never reports the postmaster or the daemon as the failed address", () => {
    expect(parseBounceText("550 rejected by postmaster@mx.example").recipients).toEqual([]);
  });
});
