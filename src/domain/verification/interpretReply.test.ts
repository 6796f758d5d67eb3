import { describe, expect, it } from "vitest";
import { interpretReply } from "./interpretReply";

describe("interpretReply", () => {
  it.each([
    [250, null, "2.1.5 Ok", "accepted"],
    [251, null, "User not local; will forward", "accepted"],
    [550, "5.1.1", "<x@y>: Recipient address rejected: User unknown in virtual mailbox table", "no_mailbox"],
    [
      550,
      null,
      "5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
      "no_mailbox",
    ],
    [554, null, "delivery error: dd This user doesn't have a yahoo.com account", "no_mailbox"],
    [553, null, "sorry, no mailbox here by that name", "no_mailbox"],
    [550, null, "Requested action not taken: mailbox unavailable", "no_mailbox"],
    [550, "5.2.1", "The email account that you tried to reach is disabled", "no_mailbox"],
    [552, "5.2.2", "The email account that you tried to reach is over quota", "mailbox_full"],
    [552, null, "Mailbox full", "mailbox_full"],
    [450, "4.2.0", "<x>: Recipient address rejected: Greylisted", "temporary"],
    [451, null, "Temporary local problem - please try later", "temporary"],
    [452, "4.2.2", "Mailbox full, try again later", "temporary"],
    [550, "4.7.1", "inconsistent server: enhanced code says temporary", "temporary"],
    [554, "5.7.1", "Service unavailable; Client host [1.2.3.4] blocked using zen.spamhaus.org", "policy"],
    [550, "5.4.1", "Recipient address rejected: Access denied", "policy"],
    [550, null, "Relaying denied", "policy"],
    [550, "5.1.8", "Sender address rejected: Domain not found", "policy"],
    [554, null, "Transaction failed", "rejected"],
    [503, "5.5.1", "Error: need MAIL command", "rejected"],
    [354, null, "weird", "rejected"],
  ] as const)("%i %s %s → %s", (code, enhanced, text, kind) =>
    expect(interpretReply({ code, enhanced, text }).kind).toBe(kind),
  );

  it("reads the enhanced code from the text when the caller did not split it off", () => {
    expect(
      interpretReply({
        code: 550,
        text: "550-5.1.1 The email account that you tried to reach does not exist.",
      }),
    ).toEqual({ kind: "no_mailbox", enhanced: "5.1.1" });
    expect(interpretReply({ code: 554, text: "5.7.1 <x@y>: Relay access denied" }).enhanced).toBe("5.7.1");
  });

  it("prefers the enhanced code over alarming words in the text", () => {
    // A 5.1.1 is a definite "no such user" even if the server's wording mentions a block.
    expect(interpretReply({ code: 550, enhanced: "5.1.1", text: "user unknown (blocked)" }).kind).toBe(
      "no_mailbox",
    );
  });

  it("reads an enhanced code followed by punctuation", () => {
    expect(interpretReply({ code: 554, text: "5.7.1: Relay access denied" }).enhanced).toBe("5.7.1");
  });

  it("does not mistake an IP address in the text for an enhanced code", () => {
    expect(interpretReply({ code: 554, text: "Client host [5.1.1.9] rejected" }).enhanced).toBeNull();
    // Read anywhere, "10.4.2.1" would contain "4.2.1" and make this look temporary.
    expect(interpretReply({ code: 550, text: "Client host 10.4.2.1 not allowed" })).toEqual({
      kind: "policy",
      enhanced: null,
    });
    expect(interpretReply({ code: 554, text: "5.1.1.9 rejected by policy" })).toEqual({
      kind: "policy",
      enhanced: null,
    });
  });
});
