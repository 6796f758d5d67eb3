import { describe, expect, it } from "vitest";
import { emptyFilters, seniorities, type DiscoveryFilters } from "./discoveryFilters";
import { cities, countries, industries } from "./discoveryVocabulary";
import { parseDiscoveryQuery } from "./parseDiscoveryQuery";
import {
  matchesFilters,
  SANDBOX_DIRECTORY_SIZE,
  sandboxPerson,
  searchSandboxDirectory,
  type DirectoryPerson,
} from "./sandboxDirectory";

const everyone = Array.from({ length: SANDBOX_DIRECTORY_SIZE }, (_, i) => sandboxPerson(i));
const filters = (partial: Partial<DiscoveryFilters>): DiscoveryFilters => ({ ...emptyFilters(), ...partial });
const all = { offset: 0, limit: SANDBOX_DIRECTORY_SIZE };

describe("sandboxPerson", () => {
  it("is a pure function of the index", () => {
    expect(sandboxPerson(42)).toEqual(sandboxPerson(42));
    expect(sandboxPerson(42)).not.toEqual(sandboxPerson(43));
    expect(() => sandboxPerson(-1)).toThrow(RangeError);
    expect(() => sandboxPerson(1.5)).toThrow(RangeError);
  });

  it("produces well-formed, clearly fake people", () => {
    const industryNames = new Set(industries.map((i) => i.name));
    const countryNames = new Set(countries.map((c) => c.name));
    for (const p of everyone) {
      expect(p.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(p.companyDomain).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.example$/);
      if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@[a-z0-9-]+\.example$/);
      expect(p.email === null || p.email.endsWith(`@${p.companyDomain}`)).toBe(true);
      expect(p.headline).toBe(`${p.jobTitle} at ${p.company}`);
      expect(p.location.endsWith(`, ${p.country}`)).toBe(true);
      expect(industryNames.has(p.industry)).toBe(true);
      expect(countryNames.has(p.country)).toBe(true);
      expect(seniorities).toContain(p.seniority);
      expect(p.companySize).toBeGreaterThanOrEqual(2);
      expect(p.companySize).toBeLessThanOrEqual(20000);
      expect(p.keywordsText.length).toBeGreaterThan(10);
    }
  });

  it("has unique ids and LinkedIn slugs", () => {
    expect(new Set(everyone.map((p) => p.id)).size).toBe(SANDBOX_DIRECTORY_SIZE);
    expect(new Set(everyone.map((p) => p.linkedinUrl)).size).toBe(SANDBOX_DIRECTORY_SIZE);
  });

  it("draws from broad lists", () => {
    expect(new Set(everyone.map((p) => p.firstName)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(everyone.map((p) => p.lastName)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(everyone.map((p) => p.company)).size).toBeGreaterThanOrEqual(400);
    expect(new Set(everyone.map((p) => p.jobTitle)).size).toBeGreaterThanOrEqual(60);
    expect(new Set(everyone.map((p) => p.seniority)).size).toBe(seniorities.length);
    expect(new Set(everyone.map((p) => p.industry)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(everyone.map((p) => p.country)).size).toBeGreaterThanOrEqual(40);
  });

  it("gives about 70% an email and spreads company sizes over the whole range", () => {
    const withEmail = everyone.filter((p) => p.email !== null).length / SANDBOX_DIRECTORY_SIZE;
    expect(withEmail).toBeGreaterThan(0.65);
    expect(withEmail).toBeLessThan(0.75);
    const sizes = everyone.map((p) => p.companySize);
    expect(sizes.filter((s) => s <= 20).length).toBeGreaterThan(500);
    expect(sizes.filter((s) => s >= 2000).length).toBeGreaterThan(500);
  });

  it("keeps a company's industry, size and domain the same for all its people", () => {
    const byCompany = new Map<string, DirectoryPerson>();
    for (const p of everyone) {
      const first = byCompany.get(p.company) ?? p;
      byCompany.set(p.company, first);
      expect([p.industry, p.companySize, p.companyDomain]).toEqual([
        first.industry,
        first.companySize,
        first.companyDomain,
      ]);
    }
  });

  it("only places people in cities the parser knows by name or by country", () => {
    for (const country of countries) {
      for (const city of country.cities) {
        expect(cities.find((c) => c.name === city)?.country).toBe(country.name);
      }
    }
  });
});

describe("matchesFilters", () => {
  const person = (overrides: Partial<DirectoryPerson>): DirectoryPerson => ({
    ...sandboxPerson(0),
    ...overrides,
  });

  it("lets empty filters match everyone", () => {
    expect(everyone.every((p) => matchesFilters(p, emptyFilters()))).toBe(true);
  });

  it.each([
    ["Head of Marketing", "Head of Marketing & Growth", true],
    ["Head of Marketing", "Head of Product Marketing", true],
    ["Head of Marketing", "Marketing Manager", false],
    ["CTO", "CTO", true],
    ["CTO", "Chief Technology Officer", true],
    ["Chief Technology Officer", "CTO", true],
    ["CTO", "Chief Marketing Officer", false],
    ["VP of Sales", "Vice President of Sales", true],
    ["VP Sales", "VP of Sales", true],
    ["Heads of Sales", "Head of Sales", true],
    ["Founder", "Co-founder", true],
    ["product manager", "Senior Product Manager", true],
    ["Engineering", "VP of Engineering", true],
    ["SDR", "Sales Development Representative", true],
    ["Software Engineer", "Engineering Manager", false],
  ])("title %j vs job title %j → %s", (title, jobTitle, expected) => {
    expect(matchesFilters(person({ jobTitle }), filters({ titles: [title] }))).toBe(expected);
  });

  it("matches any of several titles, seniorities and industries", () => {
    const p = person({ jobTitle: "Head of Sales", seniority: "head", industry: "E-commerce" });
    expect(matchesFilters(p, filters({ titles: ["CTO", "Head of Sales"] }))).toBe(true);
    expect(matchesFilters(p, filters({ seniority: ["vp", "head"] }))).toBe(true);
    expect(matchesFilters(p, filters({ seniority: ["vp"] }))).toBe(false);
    expect(matchesFilters(p, filters({ industries: ["ecommerce"] }))).toBe(true);
    expect(matchesFilters(p, filters({ industries: ["SaaS", "e-commerce"] }))).toBe(true);
    expect(matchesFilters(p, filters({ industries: ["SaaS"] }))).toBe(false);
  });

  it("matches locations by city, country or region", () => {
    const p = person({ location: "Munich, Germany", country: "Germany" });
    for (const place of [
      "Munich",
      "münchen",
      "Germany",
      "germany",
      "DACH",
      "Europe",
      "EMEA",
      "Munich, Germany",
    ])
      expect(matchesFilters(p, filters({ locations: [place] })), place).toBe(true);
    for (const place of ["Berlin", "Austria", "North America", "Nordics", "Atlantis"])
      expect(matchesFilters(p, filters({ locations: [place] })), place).toBe(false);
    expect(matchesFilters(p, filters({ locations: ["Berlin", "Munich"] }))).toBe(true);
    const ny = person({ location: "New York, United States", country: "United States" });
    expect(matchesFilters(ny, filters({ locations: ["NYC"] }))).toBe(true);
    expect(matchesFilters(ny, filters({ locations: ["US"] }))).toBe(true);
  });

  it("bounds company size inclusively on either side", () => {
    const p = person({ companySize: 200 });
    expect(matchesFilters(p, filters({ companySize: { min: 50, max: 200 } }))).toBe(true);
    expect(matchesFilters(p, filters({ companySize: { min: 200, max: null } }))).toBe(true);
    expect(matchesFilters(p, filters({ companySize: { min: 201, max: null } }))).toBe(false);
    expect(matchesFilters(p, filters({ companySize: { min: null, max: 199 } }))).toBe(false);
  });

  it("requires every keyword somewhere in the person's text", () => {
    const p = person({
      jobTitle: "Head of Growth Marketing",
      headline: "Head of Growth Marketing at Northwind Labs",
      company: "Northwind Labs",
      keywordsText: "Works on demand generation in SaaS. Uses HubSpot and Webflow. Hiring SDRs.",
    });
    expect(matchesFilters(p, filters({ keywords: ["hubspot", "hiring sdrs"] }))).toBe(true);
    expect(matchesFilters(p, filters({ keywords: ["northwind"] }))).toBe(true);
    expect(matchesFilters(p, filters({ keywords: ["HubSpot", "Salesforce"] }))).toBe(false);
  });
});

describe("searchSandboxDirectory", () => {
  it("returns everyone in index order for empty filters, paged", () => {
    const page = searchSandboxDirectory(emptyFilters(), { offset: 10, limit: 5 });
    expect(page.total).toBe(SANDBOX_DIRECTORY_SIZE);
    expect(page.people.map((p) => p.id)).toEqual(everyone.slice(10, 15).map((p) => p.id));
  });

  it("counts every match and pages through them without gaps", () => {
    const f = filters({ seniority: ["vp"], locations: ["United Kingdom"] });
    const expected = everyone.filter((p) => matchesFilters(p, f));
    const { total } = searchSandboxDirectory(f, { offset: 0, limit: 0 });
    expect(total).toBe(expected.length);
    const pages = [0, 1, 2, 3].flatMap(
      (n) => searchSandboxDirectory(f, { offset: n * 10, limit: 10 }).people,
    );
    expect(pages).toEqual(expected.slice(0, 40));
    expect(searchSandboxDirectory(f, { offset: total, limit: 10 }).people).toEqual([]);
  });

  it.each([
    ["Heads of marketing at SaaS companies in Germany", 5],
    ["CTOs in the United States", 5],
    ["marketing leaders in DACH", 20],
    ["founders of e-commerce brands who mention Shopify Plus", 1],
    ["decision makers at enterprise insurance companies in the UK", 1],
    ["SDRs in Europe", 5],
  ])("finds people for %j", (text, atLeast) => {
    const f = parseDiscoveryQuery(text);
    const { people, total } = searchSandboxDirectory(f, { offset: 0, limit: 50 });
    expect(total).toBeGreaterThanOrEqual(atLeast);
    expect(people.every((p) => matchesFilters(p, f))).toBe(true);
  });

  it("returns people who really fit a parsed query", () => {
    const { people } = searchSandboxDirectory(
      parseDiscoveryQuery("Heads of marketing at SaaS companies in Germany"),
      all,
    );
    for (const p of people) {
      expect(p).toMatchObject({ seniority: "head", industry: "SaaS", country: "Germany" });
      expect(p.jobTitle).toMatch(/Head of .*Marketing|Head of Marketing/);
    }
  });

  it("is fast enough to scan everyone on every search", () => {
    const queries = [
      "Heads of marketing at SaaS companies in Germany",
      "CTOs in the United States",
      'founders in Europe who mention "hiring"',
      "senior product managers in London using Figma",
      "decision makers at enterprise companies",
    ].map(parseDiscoveryQuery);
    const started = performance.now();
    for (let i = 0; i < 10; i++)
      searchSandboxDirectory(queries[i % queries.length], { offset: 0, limit: 25 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
