import { describe, expect, it } from "vitest";
import { isBlocked, parseBlocklistEntry, parseBlocklistFile } from "./isBlocked";

const list = { domains: new Set(["acme.com"]), emails: new Set(["ceo@other.io"]) };

describe("blocklist", () => {
  it.each([
    ["acme.com", { kind: "domain", value: "acme.com" }],
    ["@Acme.com", { kind: "domain", value: "acme.com" }],
    ["*.acme.com", { kind: "domain", value: "acme.com" }],
    ["https://www.acme.com/team", { kind: "domain", value: "acme.com" }],
    ["CEO@Other.io", { kind: "email", value: "ceo@other.io" }],
  ])("parses %s", (raw, want) => {
    expect(parseBlocklistEntry(raw)).toEqual(want);
  });
  it("rejects garbage with a reason", () => {
    expect(parseBlocklistEntry("not a domain")).toHaveProperty("error");
  });
  it.each([
    [{ email: "jane@acme.com" }, true],
    [{ email: "jane@eu.acme.com" }, true],
    [{ email: "jane@notacme.com" }, false],
    [{ companyDomain: "https://sales.acme.com" }, true],
    [{ email: "CEO@other.io" }, true],
    [{ email: "cto@other.io" }, false],
    [{}, false],
  ])("isBlocked(%o) = %s", (lead, blocked) => {
    expect(isBlocked(lead, list).blocked).toBe(blocked);
  });
  it("reads a file, skipping headers and comments, reporting bad lines", () => {
    const r = parseBlocklistFile("domain\n# competitors\nacme.com\n\nbob@x.io,extra\n???\n");
    expect(r.entries).toEqual([
      { kind: "domain", value: "acme.com" },
      { kind: "email", value: "bob@x.io" },
    ]);
    expect(r.errors).toEqual([{ line: 6, error: '"???" is neither an email address nor a domain' }]);
  });
});
