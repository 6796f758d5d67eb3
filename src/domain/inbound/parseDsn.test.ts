import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isHardFailure, statusFrom } from "./bounceReport";
import { parseDeliveryStatus } from "./deliveryStatus";
import { parseDsn } from "./parseDsn";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const OURS = "<20260302095958.a1b2c3@overture.test>";

describe("parseDsn on fixtures", () => {
  it("Postfix: 5.1.1 user unknown, original in message/rfc822", () => {
    expect(parseDsn(fixture("postfix-hard.eml"))).toEqual({
      source: "dsn",
      reportingMta: "mail.overture.test",
      arrivalDate: "Mon,  2 Mar 2026 09:59:58 +0000 (UTC)",
      recipients: [
        {
          finalRecipient: "nobody@acme.com",
          originalRecipient: "nobody@acme.com",
          action: "failed",
          status: "5.1.1",
          diagnosticCode:
            "550 5.1.1 <nobody@acme.com>: Recipient address rejected: User unknown in virtual mailbox table",
          remoteMta: "mx1.acme.com",
          hard: true,
        },
      ],
      originalMessageId: OURS,
      isHard: true,
    });
  });

  it("Postfix delay warning: 4.2.2 mailbox full is soft, original from text/rfc822-headers", () => {
    const r = parseDsn(fixture("postfix-delayed-mailbox-full.eml"))!;
    expect(r.recipients).toEqual([
      {
        finalRecipient: "jane@acme.com",
        originalRecipient: "jane@acme.com",
        action: "delayed",
        status: "4.2.2",
        diagnosticCode: "452 4.2.2 <jane@acme.com>: Mailbox full",
        remoteMta: "mx1.acme.com",
        hard: false,
      },
    ]);
    expect(r.isHard).toBe(false);
    expect(r.originalMessageId).toBe("<20260302095958.d4e5f6@overture.test>");
  });

  it("Office 365 NDR: 550 5.1.10 RESOLVER.ADR.RecipientNotFound (CRLF, Original- before Final-Recipient)", () => {
    const r = parseDsn(fixture("exchange-ndr.eml"))!;
    expect(r.reportingMta).toBe("AM0PR01MB1234.eurprd01.prod.exchangelabs.com");
    expect(r.recipients).toEqual([
      {
        finalRecipient: "nobody@acme.com",
        originalRecipient: "nobody@acme.com",
        action: "failed",
        status: "5.1.10",
        diagnosticCode:
          "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient nobody@acme.com not found by SMTP address lookup",
        remoteMta: null,
        hard: true,
      },
    ]);
    expect(r.originalMessageId).toBe(OURS);
  });

  it("Gmail: report inside multipart/related, folded multi-line diagnostic", () => {
    const r = parseDsn(fixture("gmail-dsn.eml"))!;
    expect(r.reportingMta).toBe("googlemail.com");
    expect(r.recipients).toHaveLength(1);
    expect(r.recipients[0]).toMatchObject({
      finalRecipient: "nobody@acme.com",
      action: "failed",
      status: "5.1.1",
      hard: true,
    });
    expect(r.recipients[0]!.diagnosticCode).toMatch(
      /^550-5\.1\.1 The email account .* 550-5\.1\.1 unnecessary spaces\./,
    );
    expect(r.originalMessageId).toBe(OURS);
  });

  it("report nested in multipart/mixed, base64 delivery-status, quoted-printable headers, two recipients", () => {
    const r = parseDsn(fixture("nested-base64-report.eml"))!;
    expect(r.recipients.map((x) => [x.finalRecipient, x.action, x.status, x.hard])).toEqual([
      // Status 5.0.0 sharpened by the diagnostic's 5.1.1.
      ["nobody@acme.com", "failed", "5.1.1", true],
      ["slow@partner.example", "delayed", "4.4.1", false],
    ]);
    expect(r.isHard).toBe(true);
    expect(r.originalMessageId).toBe(OURS);
  });

  it.each(["exim-plain.eml", "qmail-plain.eml", "human-reply.eml", "ooo-exchange-en.eml"])(
    "%s has no DSN",
    (name) => {
      expect(parseDsn(fixture(name))).toBeNull();
    },
  );
});

describe("parseDeliveryStatus", () => {
  it("splits per-message and per-recipient groups, unfolding fields", () => {
    const text =
      "Reporting-MTA: dns; a\nArrival-Date: x\n\nFinal-Recipient: rfc822; a@x\nAction: failed\nDiagnostic-Code: smtp; 550\n  more\n\nFinal-Recipient: rfc822; b@x\nAction: delayed\n";
    expect(parseDeliveryStatus(text)).toEqual({
      perMessage: { "reporting-mta": "dns; a", "arrival-date": "x" },
      perRecipient: [
        { "final-recipient": "rfc822; a@x", action: "failed", "diagnostic-code": "smtp; 550  more" },
        { "final-recipient": "rfc822; b@x", action: "delayed" },
      ],
    });
  });

  it("tolerates missing blank lines between recipients and stray blank lines inside one", () => {
    const text =
      "Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; a@x\nAction: failed\nFinal-Recipient: rfc822; b@x\nAction: failed\n\nStatus: 5.1.1\n";
    expect(parseDeliveryStatus(text).perRecipient).toEqual([
      { "final-recipient": "rfc822; a@x", action: "failed" },
      { "final-recipient": "rfc822; b@x", action: "failed", status: "5.1.1" },
    ]);
  });
});

describe("statusFrom / isHardFailure", () => {
  it.each([
    ["5.1.1", null, "5.1.1"],
    ["5.0.0", "550 5.1.1 user unknown", "5.1.1"],
    ["4.0.0", "550 5.1.1 user unknown", "4.0.0"],
    [null, "smtp; 550-5.1.1 The email account", "5.1.1"],
    [null, "550 Requested action not taken", "5.0.0"],
    [null, "421 try later", "4.0.0"],
    [null, "connection timed out", null],
    ["5.1.10", null, "5.1.10"],
  ])("status %s / %s → %s", (status, diagnostic, want) => {
    expect(statusFrom(status, diagnostic)).toBe(want);
  });

  it.each([
    ["failed", "5.1.1", true],
    ["failed", "5.7.1", true],
    ["failed", "5.2.2", false],
    ["failed", "4.4.1", false],
    ["failed", null, true],
    ["delayed", "5.1.1", false],
    ["delivered", "2.0.0", false],
    ["relayed", null, false],
    [null, "5.1.1", true],
    [null, null, false],
  ])("action %s, status %s → hard %s", (action, status, want) => {
    expect(isHardFailure(action, status)).toBe(want);
  });
});
