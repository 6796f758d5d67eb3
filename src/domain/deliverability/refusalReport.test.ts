import { describe, expect, it } from "vitest";
import { refusalReport } from "./refusalReport";

/**
 * Replies real servers give at RCPT TO or DATA (wordings of Gmail, Microsoft 365, Yahoo, Postfix,
 * Exim, Mimecast, Proofpoint and Spamhaus-listed refusals as their operators document them).
 */
describe("refusalReport", () => {
  it.each([
    [
      "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
      "permanent",
      "5.1.1",
    ],
    [
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
      "permanent",
      "5.1.10",
    ],
    [
      "554 delivery error: dd This user doesn't have a yahoo.com account (ana@yahoo.com) [0] - mta1234.mail.bf1.yahoo.com",
      "permanent",
      "5.0.0",
    ],
    [
      "550 5.1.1 <ana@acme.com>: Recipient address rejected: User unknown in virtual mailbox table",
      "permanent",
      "5.1.1",
    ],
    ["550 Unrouteable address", "permanent", "5.0.0"],
    [
      "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org",
      "policy",
      "5.7.1",
    ],
    ["550 5.7.1 Message rejected due to content restrictions", "policy", "5.7.1"],
    ["553 5.1.8 <me@new-domain.com>: Sender address rejected: Domain not found", "policy", "5.1.8"],
    ["552 5.2.2 <ana@acme.com>: Recipient address rejected: Mailbox full", "temporary", "5.2.2"],
    ["550 5.1.1 mailbox is full", "temporary", "5.1.1"],
  ])("%s → %s", (response, cls, status) => {
    const r = refusalReport({ response, host: "smtp.mailhost.com" }, "Ana@Acme.com", "<m1@acme.com>");
    expect(r.class).toBe(cls);
    expect(r.recipients).toEqual([
      expect.objectContaining({
        address: "ana@acme.com",
        class: cls,
        status,
        diagnostic: response,
        remoteMta: "smtp.mailhost.com",
      }),
    ]);
    expect(r).toMatchObject({ reportingMta: "smtp.mailhost.com", originalMessageId: "<m1@acme.com>" });
  });

  it("keeps one line of a multi-line reply, bounded", () => {
    const r = refusalReport(
      { response: `550-5.1.1 a\r\n550-5.1.1 b\r\n550 5.1.1 ${"x".repeat(5000)}`, host: "h" },
      null,
      null,
    );
    expect(r.recipients[0]!.diagnostic!.length).toBe(2000);
    expect(r.recipients[0]!.diagnostic).toMatch(/^550-5\.1\.1 a 550-5\.1\.1 b 550/);
    expect(r.recipients[0]!.address).toBeNull();
  });
});
