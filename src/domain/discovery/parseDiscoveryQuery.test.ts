import { describe, expect, it } from "vitest";
import {
  describeFilters,
  discoveryFiltersSchema,
  emptyFilters,
  type DiscoveryFilters,
} from "./discoveryFilters";
import { parseDiscoveryQuery } from "./parseDiscoveryQuery";

const filters = (partial: Partial<DiscoveryFilters>): DiscoveryFilters => ({ ...emptyFilters(), ...partial });

describe("parseDiscoveryQuery", () => {
  it("reads title, industry, place and a size range", () => {
    expect(
      parseDiscoveryQuery("Heads of marketing at SaaS companies in Germany with 50-200 employees"),
    ).toEqual(
      filters({
        titles: ["Head of Marketing"],
        seniority: ["head"],
        industries: ["SaaS"],
        locations: ["Germany"],
        companySize: { min: 50, max: 200 },
      }),
    );
  });

  it("reads several titles, expands the Nordics and treats startups as small", () => {
    expect(parseDiscoveryQuery("CTOs and VPs of Engineering at fintech startups in the Nordics")).toEqual(
      filters({
        titles: ["CTO", "VP of Engineering"],
        seniority: ["c_level", "vp"],
        industries: ["Fintech"],
        locations: ["Denmark", "Finland", "Iceland", "Norway", "Sweden"],
        companySize: { min: null, max: 50 },
      }),
    );
  });

  it("keeps quoted phrases as keywords and spells places canonically", () => {
    expect(parseDiscoveryQuery('founders of e-commerce brands in NYC who mention "Shopify Plus"')).toEqual(
      filters({
        titles: ["Founder"],
        seniority: ["owner"],
        industries: ["E-commerce"],
        locations: ["New York"],
        keywords: ["Shopify Plus"],
      }),
    );
  });

  it("reads decision makers, enterprise size and the UK", () => {
    expect(parseDiscoveryQuery("decision makers at enterprise insurance companies in the UK")).toEqual(
      filters({
        seniority: ["owner", "c_level", "vp", "director", "head"],
        industries: ["Insurance"],
        locations: ["United Kingdom"],
        companySize: { min: 1000, max: null },
      }),
    );
  });

  it("combines an explicit seniority word with the title and reads 'using X' as a keyword", () => {
    expect(parseDiscoveryQuery("senior product managers in London using Figma")).toEqual(
      filters({
        titles: ["Product Manager"],
        seniority: ["senior", "manager"],
        locations: ["London"],
        keywords: ["Figma"],
      }),
    );
  });

  it.each(["", "   ", "asdf qwerty", "!!! ??? ...", "\u0001\u0002"])(
    "returns empty filters for %j",
    (text) => {
      expect(parseDiscoveryQuery(text)).toEqual(emptyFilters());
    },
  );

  it("never throws on odd input", () => {
    for (const text of [
      null,
      undefined,
      42,
      "x".repeat(50_000),
      '"""',
      "#",
      "50-",
      "over employees",
      "head of",
    ]) {
      expect(() => parseDiscoveryQuery(text as string)).not.toThrow();
      expect(discoveryFiltersSchema.safeParse(parseDiscoveryQuery(text as string)).success).toBe(true);
    }
  });

  describe("short abbreviations only count in capitals and as whole words", () => {
    it.each([
      "marketing managers who use HubSpot",
      "people who USE Slack every day",
      "help us find growth marketers",
      "CAUSES and USERS",
    ])("%j has no United States", (text) => {
      expect(parseDiscoveryQuery(text).locations).not.toContain("United States");
    });

    it.each([
      ["CTOs in the US", "United States"],
      ["VPs of Sales, US-based", "United States"],
      ["founders in the USA", "United States"],
      ["heads of sales in the U.K.", "United Kingdom"],
      ["COOs in the UAE", "United Arab Emirates"],
    ])("%j is in %s", (text, place) => {
      expect(parseDiscoveryQuery(text).locations).toEqual([place]);
    });

    it("does not read 'it' as IT or 'polish' as Poland", () => {
      expect(parseDiscoveryQuery("make it managers happy").titles).toEqual([]);
      expect(parseDiscoveryQuery("polish my list").locations).toEqual([]);
      expect(parseDiscoveryQuery("Head of IT at Polish banks")).toMatchObject({
        titles: ["Head of IT"],
        locations: ["Poland"],
        industries: ["Banking"],
      });
    });
  });

  describe("titles", () => {
    it.each([
      ["ctos", ["CTO"]],
      ["CEOs, CFOs and CMOs", ["CEO", "CFO", "CMO"]],
      ["Chief Revenue Officers", ["CRO"]],
      ["chief people officers", ["Chief People Officer"]],
      ["co-founders and founders", ["Co-founder", "Founder"]],
      ["business owners", ["Owner"]],
      ["vice presidents of sales", ["VP of Sales"]],
      ["VP Sales", ["VP of Sales"]],
      ["heads of sales and marketing", ["Head of Sales", "Head of Marketing"]],
      ["directors of people", ["Director of People"]],
      ["marketing directors", ["Marketing Director"]],
      ["engineering managers", ["Engineering Manager"]],
      ["product marketing managers", ["Product Marketing Manager"]],
      ["HR managers", ["HR Manager"]],
      ["software engineers and data scientists", ["Software Engineer", "Data Scientist"]],
      ["account executives and SDRs", ["Account Executive", "SDR"]],
      ["sales reps", ["Sales Representative"]],
      ["head of developer relations at API companies", ["Head of Developer Relations"]],
      ["managing directors", ["Managing Director"]],
    ])("%j → %j", (text, titles) => {
      expect(parseDiscoveryQuery(text).titles).toEqual(titles);
    });

    it("reads 'X leaders' as the function at leadership levels", () => {
      expect(parseDiscoveryQuery("engineering leaders")).toMatchObject({
        titles: ["Engineering"],
        seniority: ["c_level", "vp", "director", "head"],
      });
    });

    it("does not take 'software' in 'software engineers' as an industry", () => {
      expect(parseDiscoveryQuery("software engineers at fintechs in Berlin")).toEqual(
        filters({ titles: ["Software Engineer"], industries: ["Fintech"], locations: ["Berlin"] }),
      );
    });
  });

  describe("seniority words", () => {
    it.each([
      ["C-level executives", ["c_level"]],
      ["C-suite at banks", ["c_level"]],
      ["executives", ["c_level"]],
      ["junior designers and entry-level analysts", ["entry"]],
      ["directors and managers", ["director", "manager"]],
      ["VPs at SaaS companies", ["vp"]],
    ])("%j → %j", (text, seniority) => {
      expect(parseDiscoveryQuery(text).seniority).toEqual(seniority);
    });
  });

  describe("industries", () => {
    it.each([
      ["ecommerce founders", ["E-commerce"]],
      ["e-commerce and retail", ["E-commerce", "Retail"]],
      ["B2B SaaS", ["B2B", "SaaS"]],
      ["healthcare, biotech and pharma", ["Healthcare", "Biotech", "Pharma"]],
      ["marketing agencies and recruiting agencies", ["Marketing agencies", "Recruiting"]],
      ["nonprofits and government", ["Non-profit", "Government"]],
      ["AI and cybersecurity", ["AI", "Cybersecurity"]],
      ["proptech, insurtech and martech", ["Proptech", "Insurtech", "Martech"]],
      ["food & beverage", ["Food & beverage"]],
      ["social media managers at gaming studios", ["Gaming"]],
    ])("%j → %j", (text, industries) => {
      expect(parseDiscoveryQuery(text).industries).toEqual(industries);
    });
  });

  describe("locations", () => {
    it.each([
      ["in DACH", ["Germany", "Austria", "Switzerland"]],
      ["in the Benelux", ["Belgium", "Netherlands", "Luxembourg"]],
      ["in North America", ["United States", "Canada"]],
      ["across Europe", ["Europe"]],
      ["in Paris and Lyon", ["Paris", "Lyon"]],
      ["San Francisco Bay Area or SF", ["San Francisco"]],
      ["from München and Zürich", ["Munich", "Zurich"]],
      ["in Mexico City or Mexico", ["Mexico City", "Mexico"]],
      ["based in Lagos", ["Lagos"]],
      ["based in fintech", []],
    ])("%j → %j", (text, locations) => {
      expect(parseDiscoveryQuery(text).locations).toEqual(locations);
    });
  });

  describe("company size", () => {
    it.each([
      ["50 to 200 people", { min: 50, max: 200 }],
      ["between 10 and 50 employees", { min: 10, max: 50 }],
      ["companies with 1,000-5,000 employees", { min: 1000, max: 5000 }],
      ["1k-10k employees", { min: 1000, max: 10000 }],
      ["over 500 employees", { min: 500, max: null }],
      ["more than 500 employees", { min: 500, max: null }],
      ["500+ employees", { min: 500, max: null }],
      ["10k+ employees", { min: 10000, max: null }],
      ["under 50 employees", { min: null, max: 50 }],
      ["fewer than 20 staff", { min: null, max: 20 }],
      ["less than 50 employees", { min: null, max: 50 }],
      ["small companies", { min: null, max: 50 }],
      ["mid-sized companies", { min: 51, max: 1000 }],
      ["mid-market", { min: 51, max: 1000 }],
      ["large companies", { min: 1000, max: null }],
      ["startups with 10-80 employees", { min: 10, max: 80 }],
      ["enterprises with under 5000 employees", { min: 1000, max: 5000 }],
      ["startups with over 100 employees", { min: 100, max: null }],
      ["over 200 employees and under 50 employees", { min: 50, max: 200 }],
      ["heads of sales", { min: null, max: null }],
    ])("%j → %j", (text, size) => {
      expect(parseDiscoveryQuery(text).companySize).toEqual(size);
    });
  });

  describe("keywords", () => {
    it.each([
      ['"hiring SDRs"', ["hiring SDRs"]],
      ["“curly quotes” and “more”", ["curly quotes", "more"]],
      ["#hiring and #remote", ["hiring", "remote"]],
      ["people talking about AI agents, in Berlin", ["AI agents"]],
      ["interested in outbound automation", ["outbound automation"]],
      ["companies that use Salesforce and HubSpot", ["Salesforce"]],
      ["who mention Series B in Germany", ["Series B"]],
    ])("%j → %j", (text, keywords) => {
      expect(parseDiscoveryQuery(text).keywords).toEqual(keywords);
    });

    it("keeps keyword words out of the other fields", () => {
      expect(parseDiscoveryQuery("founders talking about AI in Berlin")).toEqual(
        filters({ titles: ["Founder"], seniority: ["owner"], keywords: ["AI"], locations: ["Berlin"] }),
      );
    });
  });

  it("de-duplicates, keeping the first mention", () => {
    expect(parseDiscoveryQuery("CTOs and ctos in Germany, germany and Berlin and DACH")).toEqual(
      filters({
        titles: ["CTO"],
        seniority: ["c_level"],
        locations: ["Germany", "Berlin", "Austria", "Switzerland"],
      }),
    );
  });

  it("stays within the schema limits on long lists", () => {
    const text = `${"in Europe, ".repeat(3)}${["Berlin", "Paris", "Madrid", "Rome", "Oslo", "Riga", "Sofia", "Vienna", "Prague", "Warsaw", "Dublin", "Lisbon", "Athens", "Zagreb", "Tallinn", "Vilnius", "Helsinki", "Stockholm", "Copenhagen", "Brussels", "Amsterdam", "London"].join(", ")} #${"x".repeat(150)}`;
    const parsed = parseDiscoveryQuery(text);
    expect(parsed.locations).toHaveLength(20);
    expect(parsed.keywords[0]).toHaveLength(100);
    expect(discoveryFiltersSchema.safeParse(parsed).success).toBe(true);
  });
});

describe("discoveryFiltersSchema", () => {
  it("fills every field from {}", () => {
    expect(discoveryFiltersSchema.parse({})).toEqual(emptyFilters());
  });

  it("rejects oversized or malformed input with a message", () => {
    const tooMany = discoveryFiltersSchema.safeParse({
      titles: Array.from({ length: 21 }, (_, i) => `T${i}`),
    });
    expect(tooMany.success).toBe(false);
    expect(discoveryFiltersSchema.safeParse({ keywords: ["x".repeat(101)] }).success).toBe(false);
    expect(discoveryFiltersSchema.safeParse({ seniority: ["intern"] }).success).toBe(false);
    expect(discoveryFiltersSchema.safeParse({ companySize: { min: 500, max: 50 } }).success).toBe(false);
    expect(discoveryFiltersSchema.safeParse({ companySize: { min: -1, max: null } }).success).toBe(false);
    expect(discoveryFiltersSchema.parse({ companySize: { min: 10 } }).companySize).toEqual({
      min: 10,
      max: null,
    });
  });
});

describe("describeFilters", () => {
  it("summarises every field on one line", () => {
    expect(
      describeFilters(
        filters({
          titles: ["Head of Marketing"],
          seniority: ["owner", "c_level", "vp", "director"],
          industries: ["SaaS"],
          locations: ["Germany"],
          companySize: { min: 50, max: 200 },
          keywords: ["hiring"],
        }),
      ),
    ).toBe('Head of Marketing · director+ · SaaS · Germany · 50–200 employees · "hiring"');
  });

  it.each([
    [emptyFilters(), "everyone"],
    [filters({ seniority: ["c_level", "vp", "director", "head"] }), "head+"],
    [filters({ seniority: ["senior", "entry"] }), "senior/entry-level"],
    [filters({ companySize: { min: 1000, max: null } }), "1,000+ employees"],
    [filters({ companySize: { min: null, max: 50 } }), "up to 50 employees"],
    [
      filters({ locations: ["Denmark", "Finland", "Iceland", "Norway", "Sweden"] }),
      "Denmark, Finland, Iceland +2",
    ],
  ])("%j → %s", (f, text) => {
    expect(describeFilters(f)).toBe(text);
  });
});
