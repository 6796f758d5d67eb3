import { describe, expect, it } from "vitest";
import { parseBounceText } from "./bounceText";
import { parseDeliveryStatus } from "./deliveryStatus";

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
    expect(r.recipients.map((x) => [x.address, x.status, x.diagnostic])).toEqual([
      ["a@acme.com", "5.1.1", "550 5.1.1 <a@acme.com>... User unknown"],
      ["b@acme.com", "5.2.2", "552 5.2.2 Mailbox full"],
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
    expect(r.recipients.map((x) => [x.address, x.status])).toEqual([["jane@acme.com", "5.1.10"]]);
    expect(r.originalMessageId).toBe("<y@overture.test>");
  });

  it.each([
    ["RCPT TO:<c@acme.com> failed: 451 try later", "c@acme.com"],
    [
      "Your message\n  Subject: Hi\nwas not delivered to:\n  kijitora@example.jp\nbecause:\n  not listed",
      "kijitora@example.jp",
    ],
    [
      "---The following addresses had delivery errors---\nkijitora@example.org [User unknown]",
      "kijitora@example.org",
    ],
    ["reject reason: Mailbox full\ntarget mail address: xxxx@yyyyyy.net", "xxxx@yyyyyy.net"],
    ["There was an error delivering your mail to <pseudo@google.example.com>.", "pseudo@google.example.com"],
    ["<@relay.example:jane@acme.com>: 550 unknown user", "jane@acme.com"],
    ["jane@localhost: 550 5.1.1 unknown user", "jane@localhost"],
  ])("finds the failed address in %j", (text, address) => {
    expect(parseBounceText(text).recipients.map((r) => r.address)).toEqual([address]);
  });

  it("never reports the postmaster, the daemon or the bounced message's sender", () => {
    expect(parseBounceText("550 rejected by postmaster@mx.example").recipients).toEqual([]);
    expect(
      parseBounceText("Sent by me@overture.test, 550 failed", [], ["me@overture.test"]).recipients,
    ).toEqual([]);
  });

  it("the quoted copy's To: when the words name no one", () => {
    const text =
      "Message could not be delivered to mobile.\nError: No valid recipients\n\nOriginal Message:\nFrom: a <me@overture.test>\nTo: 0000000000@vzwpix.com\n";
    expect(parseBounceText(text).recipients.map((r) => r.address)).toEqual(["0000000000@vzwpix.com"]);
  });
});

describe("parseDeliveryStatus", () => {
  it("splits per-message and per-recipient groups, unfolding fields", () => {
    const text =
      "Reporting-MTA: dns; a\nArrival-Date: x\n\nFinal-Recipient: rfc822; a@x\nAction: failed\nDiagnostic-Code: smtp; 550\n  more\n\nFinal-Recipient: rfc822; b@x\nAction: delayed\n";
    expect(parseDeliveryStatus(text)).toEqual({
      perMessage: { "reporting-mta": "dns; a", "arrival-date": "x" },
      perRecipient: [
        { "final-recipient": "rfc822; a@x", action: "failed", "diagnostic-code": "smtp; 550 more" },
        { "final-recipient": "rfc822; b@x", action: "delayed" },
      ],
    });
  });

  it("tolerates missing blank lines between recipients, stray ones inside one, and CR-only lines", () => {
    const text =
      "Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; a@x\nAction: failed\nFinal-Recipient: rfc822; b@x\nAction: failed\n\nStatus: 5.1.1\n";
    expect(parseDeliveryStatus(text).perRecipient).toEqual([
      { "final-recipient": "rfc822; a@x", action: "failed" },
      { "final-recipient": "rfc822; b@x", action: "failed", status: "5.1.1" },
    ]);
    expect(parseDeliveryStatus(text.replace(/\n/g, "\r")).perRecipient).toHaveLength(2);
  });
});
