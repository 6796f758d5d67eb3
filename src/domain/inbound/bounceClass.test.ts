import { describe, expect, it } from "vitest";
import { classOfFailure, statusFrom } from "./bounceClass";

describe("statusFrom", () => {
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
});

// Status first (RFC 3463), then the wording of many MTAs; real diagnostics from the corpus.
describe("classOfFailure", () => {
  it.each([
    // permanent: bad mailbox or domain, disabled
    ["failed", "5.1.1", "550 5.1.1 <jane@acme.com>: Recipient address rejected: User unknown", "permanent"],
    [
      "failed",
      "5.1.10",
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
      "permanent",
    ],
    ["failed", "5.1.2", "Host or domain name not found", "permanent"],
    ["failed", "5.2.1", "550 5.2.1 The email account that you tried to reach is disabled", "permanent"],
    ["failed", "5.0.0", "550 Requested action not taken: mailbox unavailable", "permanent"],
    ["failed", "5.0.0", "554 delivery error: dd This user doesn't have a yahoo.com account", "permanent"],
    ["failed", "5.0.0", "User some.name (kijitora@example.jp) not listed in Domino Directory", "permanent"],
    ["failed", "5.0.0", "550 Account has been suspended", "permanent"],
    ["failed", null, "No such user", "permanent"],
    // temporary: 4.x.x, full, expired, too many connections, system full, rate limited
    ["failed", "4.2.2", "452 4.2.2 Mailbox full", "temporary"],
    ["failed", "4.1.1", "450 4.1.1 <x@y>: Recipient address rejected: User unknown", "temporary"],
    ["failed", "5.2.2", "552 5.2.2 Mailbox full", "temporary"],
    ["failed", "5.1.1", "550 5.1.1 <x@y>... Mailbox quota exceeded", "temporary"],
    ["failed", "5.0.0", "retry timeout exceeded", "temporary"],
    ["failed", "5.4.7", "delivery time expired", "temporary"],
    [
      "failed",
      "5.0.0",
      "I'm not going to try again; this message has been in the queue too long.",
      "temporary",
    ],
    ["failed", "5.0.0", "421 Too many concurrent SMTP connections; please try again later", "temporary"],
    ["failed", "5.3.1", "Mail system full", "temporary"],
    [
      "failed",
      "5.2.1",
      "550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages",
      "temporary",
    ],
    [
      "failed",
      "5.4.4",
      "Name service error for name=example.org type=MX: Malformed or unexpected name server reply",
      "temporary",
    ],
    ["failed", "5.0.0", "Host not found, try again", "temporary"],
    // policy: 5.7.x, blocked, spam, relay denied, sender authentication
    ["failed", "5.7.1", "554 5.7.1 Message rejected as spam", "policy"],
    ["failed", "5.7.1", "550 5.7.1 Relaying denied", "policy"],
    ["failed", "5.0.0", "550 Relay access denied", "policy"],
    ["failed", "5.1.1", "550 5.7.1 IP address blacklisted by recipient", "policy"],
    ["failed", "5.1.3", "553 http://www.spamhaus.org/query/bl?ip=192.0.2.222", "policy"],
    ["failed", "5.7.26", "550 5.7.26 Multiple authentication checks failed", "policy"],
    ["failed", "5.1.8", "553 5.1.8 Domain of sender address does not exist", "policy"],
    ["failed", "5.3.4", "552 5.3.4 Message size exceeds fixed limit", "policy"],
    ["failed", "5.6.0", "554 5.6.0 Message content rejected", "policy"],
    // not failures
    ["delivered", "2.0.0", "250 OK", "delivered"],
    ["relayed", null, null, "delivered"],
    ["delayed", "4.4.1", "connection timed out", "delayed"],
    // nothing to go on: a person decides, the address stays valid
    ["failed", "5.0.0", null, "undetermined"],
    ["failed", null, "Something went wrong.", "undetermined"],
  ])("%s %s %s → %s", (action, status, diagnostic, want) => {
    expect(classOfFailure(action, status, diagnostic).class).toBe(want);
  });

  it("the report's wider words count for a full mailbox, not for boilerplate 'try again'", () => {
    expect(classOfFailure("failed", "5.1.1", "550 5.1.1 User Unknown", "Not enough disk space").class).toBe(
      "temporary",
    );
    expect(
      classOfFailure("failed", "5.1.1", "550 5.1.1 User Unknown", "You may try again later.").class,
    ).toBe("permanent");
    // Without a diagnostic the words are all there is.
    expect(classOfFailure("failed", "5.0.0", null, "reject reason: Mailbox full").class).toBe("temporary");
  });

  it("says what went wrong in a few words", () => {
    expect(classOfFailure("failed", "5.2.2", "552 Mailbox full").phrase).toBe("mailbox full");
    expect(classOfFailure("failed", "5.1.1", "550 5.1.1 user unknown").phrase).toBe(
      "the address does not exist",
    );
    expect(classOfFailure("failed", "5.7.1", "554 5.7.1 spam").phrase).toBe(
      "refused as spam or for its content",
    );
  });
});
