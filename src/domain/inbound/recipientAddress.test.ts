import { describe, expect, it } from "vitest";
import { recipientAddress } from "./recipientAddress";

describe("recipientAddress", () => {
  it.each([
    ["rfc822; Jane@Acme.com", "jane@acme.com"],
    ["RFC822;<jane@acme.com>", "jane@acme.com"],
    ['"jane@acme.com"', "jane@acme.com"],
    // source routes (RFC 5321 §4.1.2)
    ["<@mx.example:jane@acme.com>", "jane@acme.com"],
    ["rfc822; @a.example,@b.example:jane@acme.com", "jane@acme.com"],
    // domains without a dot
    ["rfc822; root@localhost", "root@localhost"],
    ["kijitora@exampl", "kijitora@exampl"],
    ["jane@acme.com.", "jane@acme.com"],
    ["neko....nyaan....@libsisimai.org", "neko....nyaan....@libsisimai.org"],
    // a pipe or file is a local delivery target, not an address
    ["rfc822;|/usr/local/bin/procmail jane@acme.com", null],
    ["/var/mail/jane", null],
    ["rfc822; @mx.example.org", null],
    ["", null],
    [null, null],
  ])("%s → %s", (raw, want) => {
    expect(recipientAddress(raw)).toBe(want);
  });
});
