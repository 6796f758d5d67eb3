import { describe, expect, it } from "vitest";
import { checkSyntax } from "./checkSyntax";

const reasonOf = (email: string) => {
  const r = checkSyntax(email);
  return r.ok ? "ok" : r.reason;
};

describe("checkSyntax", () => {
  it("splits a valid address into local part and domain", () => {
    expect(checkSyntax("Jane.Doe+news@Example.co.uk")).toEqual({
      ok: true,
      local: "Jane.Doe+news",
      domain: "Example.co.uk",
    });
  });

  it.each([
    "a@b.co",
    "o'brien@acme.ie",
    "first_last@acme.com",
    "x-y@sub.acme-corp.com",
    "user@xn--mnchen-3ya.de",
    "anna@münchen.de",
    "!#$%&'*+-/=?^_`{|}~@x.io",
    `${"a".repeat(64)}@x.com`,
  ])("accepts %s", (email) => expect(reasonOf(email)).toBe("ok"));

  it.each([
    ["", "empty address"],
    ["john smith@acme.com", "address contains whitespace"],
    ["john@acme.com ", "address contains whitespace"],
    ['"john smith"@acme.com', "address contains whitespace"],
    ['"john"@acme.com', "quoted local parts are not supported"],
    ['"a@b"@acme.com', "quoted local parts are not supported"],
    ["john.acme.com", "missing @"],
    ["a@b@acme.com", "more than one @"],
    ["@acme.com", "empty local part"],
    ["john@", "empty domain"],
    [`${"a".repeat(65)}@x.com`, "local part longer than 64 characters"],
    [`a@${Array(5).fill("b".repeat(60)).join(".")}.com`, "address longer than 254 characters"],
    [".john@acme.com", "local part starts or ends with a dot"],
    ["john.@acme.com", "local part starts or ends with a dot"],
    ["john..smith@acme.com", "local part has consecutive dots"],
    ["josé@acme.com", "non-ASCII local part (needs SMTPUTF8)"],
    ["jo(hn)@acme.com", "invalid character in local part"],
    ["john@[192.168.0.1]", "address literals are not supported"],
    ["john@localhost", "domain has no dot"],
    ["john@acme..com", "domain has an empty label"],
    ["john@acme.com.", "domain has an empty label"],
    ["john@.acme.com", "domain has an empty label"],
    [`john@${"a".repeat(64)}.com`, "domain label longer than 63 characters"],
    ["john@-acme.com", "domain label starts or ends with a hyphen"],
    ["john@acme-.com", "domain label starts or ends with a hyphen"],
    ["john@acme_corp.com", "invalid character in domain"],
    ["john@1.2.3.4", "top-level domain is numeric"],
  ])("rejects %j: %s", (email, reason) => expect(reasonOf(email)).toBe(reason));

  it("allows a 63-character label and a numeric label that is not the TLD", () => {
    expect(reasonOf(`john@${"a".repeat(63)}.com`)).toBe("ok");
    expect(reasonOf("john@123.example.com")).toBe("ok");
  });
});
