import { describe, expect, it } from "vitest";
import { normaliseDomain, normaliseEmail } from "./normaliseEmail";
import { linkedInKey, normaliseLinkedInUrl } from "./normaliseLinkedIn";

describe("normaliseLinkedInUrl", () => {
  it.each([
    ["https://www.linkedin.com/in/jane-doe", "li:jane-doe"],
    ["http://linkedin.com/in/Jane-Doe/", "li:jane-doe"],
    ["linkedin.com/in/jane-doe?utm_source=share&trk=x", "li:jane-doe"],
    ["www.linkedin.com/in/jane-doe/#experience", "li:jane-doe"],
    ["https://uk.linkedin.com/in/jane-doe", "li:jane-doe"],
    ["https://de.linkedin.com/in/jane-doe/details/skills/", "li:jane-doe"],
    ["https://m.linkedin.com/in/JANE-DOE", "li:jane-doe"],
    ["  https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa  ", "li:josé-garcía"],
    ["https://www.linkedin.com/pub/jane-doe/12/34/567", "li:jane-doe-5673412"],
    ["https://www.linkedin.com/sales/lead/ACwAAA1BcDe,NAME_SEARCH,xyz", "sn:ACwAAA1BcDe"],
    ["https://www.linkedin.com/sales/people/ACwAAA1BcDe,name", "sn:ACwAAA1BcDe"],
  ])("%s → %s", (raw, key) => {
    const id = normaliseLinkedInUrl(raw);
    expect(id && linkedInKey(id)).toBe(key);
  });

  it.each([
    "",
    "https://www.linkedin.com/company/acme",
    "https://evil.com/in/jane-doe",
    "https://linkedin.com.evil.com/in/jane",
    "not a url at all",
    "https://www.linkedin.com/feed/",
  ])("rejects %s", (raw) => {
    expect(normaliseLinkedInUrl(raw)).toBeNull();
  });

  it("gives a canonical URL", () => {
    expect(normaliseLinkedInUrl("uk.linkedin.com/in/Jane-Doe/")?.url).toBe(
      "https://www.linkedin.com/in/jane-doe",
    );
  });
});

describe("normaliseEmail / normaliseDomain", () => {
  it.each([
    [" Jane.Doe@Acme.COM ", "jane.doe@acme.com"],
    ["mailto:jane@acme.com", "jane@acme.com"],
    ["<jane@acme.co.uk>", "jane@acme.co.uk"],
    ["jane@acme", null],
    ["jane doe@acme.com", null],
    ["@acme.com", null],
    ["", null],
  ])("email %s → %s", (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want);
  });
  it.each([
    ["https://www.Acme.com/about?x=1", "acme.com"],
    ["acme.co.uk", "acme.co.uk"],
    ["@acme.com", "acme.com"],
    ["*.acme.com", "acme.com"],
    ["localhost", null],
  ])("domain %s → %s", (raw, want) => {
    expect(normaliseDomain(raw)).toBe(want);
  });
});
