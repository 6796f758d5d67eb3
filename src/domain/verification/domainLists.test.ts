import { describe, expect, it } from "vitest";
import { DISPOSABLE_DOMAINS, isDisposableDomain } from "./isDisposableDomain";
import { isRoleAccount } from "./isRoleAccount";

describe("isDisposableDomain", () => {
  it.each([
    "mailinator.com",
    "guerrillamail.com",
    "guerrillamail.de",
    "sharklasers.com",
    "10minutemail.com",
    "temp-mail.org",
    "yopmail.com",
    "YOPmail.fr",
    "maildrop.cc",
    "mailinator.com.",
  ])("flags %s", (d) => expect(isDisposableDomain(d)).toBe(true));

  it("flags subdomains of a listed domain", () => {
    expect(isDisposableDomain("team.mailinator.com")).toBe(true);
    expect(isDisposableDomain("a.b.trashmail.com")).toBe(true);
  });

  it("flags a known service under a country domain it was not listed with", () => {
    expect(isDisposableDomain("guerrillamail.co.uk")).toBe(true);
    expect(isDisposableDomain("yopmail.be")).toBe(true);
  });

  it.each(["acme.com", "gmail.com", "mailinator.acme.com", "notmailinator.acme.com", "mail.com", "temp.com"])(
    "does not flag %s",
    (d) => expect(isDisposableDomain(d)).toBe(false),
  );

  it("keeps a list of about 150 lower-case domains", () => {
    expect(DISPOSABLE_DOMAINS.size).toBeGreaterThanOrEqual(140);
    for (const d of DISPOSABLE_DOMAINS) expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

describe("isRoleAccount", () => {
  it.each([
    "info",
    "Sales",
    "support",
    "admin",
    "contact",
    "hello",
    "office",
    "team",
    "noreply",
    "no-reply",
    "no_reply",
    "do-not-reply",
    "postmaster",
    "abuse",
    "billing",
    "careers",
    "jobs",
    "hr",
    "marketing",
    "press",
    "webmaster",
    "info+leads",
    "sales2",
    "sales.uk",
    "support-de",
    "customer.service",
  ])("flags %s", (local) => expect(isRoleAccount(local)).toBe(true));

  it.each([
    "john.smith",
    "jsmith",
    "anna",
    "salesforce.admin",
    "ir.li",
    "hr.manager",
    "information.architect",
  ])("does not flag %s", (local) => expect(isRoleAccount(local)).toBe(false));
});
