import { describe, expect, it } from "vitest";
import { checkSyntax } from "./checkSyntax";
import { emailCandidates } from "./emailCandidates";
import { normaliseNamePart } from "./normaliseNamePart";

const locals = (emails: string[]) => emails.map((e) => e.split("@")[0]);

describe("emailCandidates", () => {
  it("lists the common corporate patterns for an ordinary name, most likely first", () => {
    expect(emailCandidates("John", "Smith", "Acme.com")).toEqual([
      "john.smith@acme.com",
      "john@acme.com",
      "jsmith@acme.com",
      "johnsmith@acme.com",
      "john_smith@acme.com",
      "j.smith@acme.com",
      "johns@acme.com",
      "smith@acme.com",
      "smith.john@acme.com",
      "smithj@acme.com",
      "john-smith@acme.com",
      "john.s@acme.com",
      "smithjohn@acme.com",
      "smith_john@acme.com",
    ]);
  });

  it("drops the hyphen of a hyphenated name but keeps a hyphenated variant where it reads naturally", () => {
    expect(emailCandidates("Anne-Marie", "Dupont", "acme.fr")).toEqual([
      "annemarie.dupont@acme.fr",
      "anne-marie.dupont@acme.fr",
      "annemarie@acme.fr",
      "anne-marie@acme.fr",
      "adupont@acme.fr",
      "annemariedupont@acme.fr",
      "annemarie_dupont@acme.fr",
      "a.dupont@acme.fr",
      "annemaried@acme.fr",
      "dupont@acme.fr",
      "dupont.annemarie@acme.fr",
      "dupont.anne-marie@acme.fr",
      "duponta@acme.fr",
      "annemarie-dupont@acme.fr",
      "annemarie.d@acme.fr",
      "anne-marie.d@acme.fr",
      "dupontannemarie@acme.fr",
      "dupont_annemarie@acme.fr",
    ]);
  });

  it("drops the apostrophe of O'Brien (straight or typographic) and strips the accent of Seán", () => {
    const straight = emailCandidates("Seán", "O'Brien", "acme.ie");
    expect(straight.slice(0, 4)).toEqual([
      "sean.obrien@acme.ie",
      "sean@acme.ie",
      "sobrien@acme.ie",
      "seanobrien@acme.ie",
    ]);
    expect(emailCandidates("Seán", "O’Brien", "acme.ie")).toEqual(straight);
  });

  it("strips diacritics and transliterates ß, ø, ł, æ", () => {
    expect(emailCandidates("Zoë", "Löfgren", "x.se")[0]).toBe("zoe.lofgren@x.se");
    expect(emailCandidates("Søren", "Kierkegaard", "x.dk")[0]).toBe("soren.kierkegaard@x.dk");
    expect(emailCandidates("Łukasz", "Wałęsa", "x.pl")[0]).toBe("lukasz.walesa@x.pl");
    expect(emailCandidates("Ægir", "Þórsson", "x.is")[0]).toBe("aegir.thorsson@x.is");
    expect(emailCandidates("Hans", "Großmann", "x.de")[0]).toBe("hans.grossmann@x.de");
  });

  it("offers the German umlaut spelling right after the stripped one for each pattern", () => {
    expect(emailCandidates("Jürgen", "Müller", "firma.de").slice(0, 6)).toEqual([
      "jurgen.muller@firma.de",
      "juergen.mueller@firma.de",
      "jurgen@firma.de",
      "juergen@firma.de",
      "jmuller@firma.de",
      "jmueller@firma.de",
    ]);
  });

  it("joins multi-word names without inventing hyphens", () => {
    expect(emailCandidates("José María", "García López", "x.es").slice(0, 2)).toEqual([
      "josemaria.garcialopez@x.es",
      "josemaria@x.es",
    ]);
    expect(locals(emailCandidates("Jan", "van der Berg", "x.nl"))).toContain("jan.vanderberg");
  });

  it("uses only the patterns a single name can fill", () => {
    expect(emailCandidates("Madonna", null, "x.com")).toEqual(["madonna@x.com"]);
    expect(emailCandidates(null, "Smith", "x.com")).toEqual(["smith@x.com"]);
    expect(emailCandidates("  ", "Smith", "x.com")).toEqual(["smith@x.com"]);
    expect(emailCandidates(null, null, "x.com")).toEqual([]);
  });

  it("does not offer a lone initial as an address", () => {
    expect(emailCandidates("J", "Smith", "x.com")).not.toContain("j@x.com");
    expect(emailCandidates("J.", null, "x.com")).toEqual([]);
  });

  it("produces no name-based candidates for names it cannot transliterate", () => {
    expect(emailCandidates("Иван", "Петров", "x.ru")).toEqual([]);
    expect(emailCandidates("王", "小明", "x.cn")).toEqual([]);
    // The Latin half is still usable on its own.
    expect(emailCandidates("Иван", "Petrov", "x.ru")).toEqual(["petrov@x.ru"]);
  });

  it("lower-cases the domain, keeps IDN domains as given and rejects whitespace", () => {
    expect(emailCandidates("Anna", "Weber", "MÜNCHEN.de")[0]).toBe("anna.weber@münchen.de");
    expect(emailCandidates("Anna", "Weber", "acme .com")).toEqual([]);
    expect(emailCandidates("Anna", "Weber", " acme.com")).toEqual([]);
    expect(emailCandidates("Anna", "Weber", "")).toEqual([]);
  });

  it("returns no candidates for a syntactically impossible domain", () => {
    expect(emailCandidates("Anna", "Weber", "localhost")).toEqual([]);
    expect(emailCandidates("Anna", "Weber", "-acme.com")).toEqual([]);
  });

  it("never repeats a candidate and only returns syntactically valid ones", () => {
    const all = emailCandidates("Ann-Li", "Li-Ann", "x.com");
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((e) => checkSyntax(e).ok)).toBe(true);
  });

  it("skips patterns whose local part would exceed 64 characters", () => {
    const first = "a".repeat(40);
    const last = "b".repeat(30);
    const all = emailCandidates(first, last, "x.com");
    expect(all).not.toContain(`${first}.${last}@x.com`);
    expect(all).toContain(`${first}@x.com`);
    expect(all).toContain(`a${last}@x.com`);
  });
});

describe("normaliseNamePart", () => {
  it("returns joined and hyphenated forms", () => {
    expect(normaliseNamePart("Anne-Marie")).toEqual({ joined: "annemarie", hyphenated: "anne-marie" });
    expect(normaliseNamePart("Anne – Marie")).toEqual({ joined: "annemarie", hyphenated: "anne-marie" });
    expect(normaliseNamePart("O'Brien")).toEqual({ joined: "obrien", hyphenated: null });
  });

  it("spells umlauts out only in the German scheme", () => {
    expect(normaliseNamePart("Müller")?.joined).toBe("muller");
    expect(normaliseNamePart("Müller", "german")?.joined).toBe("mueller");
  });

  it("drops a nickname in parentheses", () => {
    expect(normaliseNamePart("Robert (Bob)")?.joined).toBe("robert");
  });

  it("is null for missing, empty and non-Latin parts", () => {
    expect(normaliseNamePart(null)).toBeNull();
    expect(normaliseNamePart(" - ")).toBeNull();
    expect(normaliseNamePart("Ἀλέξανδρος")).toBeNull();
  });
});
