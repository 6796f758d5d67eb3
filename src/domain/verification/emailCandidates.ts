import { checkSyntax } from "./checkSyntax";
import { type NameForms, normaliseNamePart, type Transliteration } from "./normaliseNamePart";

type Parts = { f: string; l: string; fi: string; li: string };
type Pattern = {
  needs: "first" | "last" | "both";
  /** Whether the pattern still reads naturally with a hyphenated name ("anne-marie.dupont"). */
  hyphenOk: boolean;
  build: (p: Parts) => string;
};

// Ordered by how often corporate mail systems use them; first.last dominates.
const PATTERNS: Pattern[] = [
  { needs: "both", hyphenOk: true, build: (p) => `${p.f}.${p.l}` },
  { needs: "first", hyphenOk: true, build: (p) => p.f },
  { needs: "both", hyphenOk: false, build: (p) => `${p.fi}${p.l}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.f}${p.l}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.f}_${p.l}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.fi}.${p.l}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.f}${p.li}` },
  { needs: "last", hyphenOk: true, build: (p) => p.l },
  { needs: "both", hyphenOk: true, build: (p) => `${p.l}.${p.f}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.l}${p.fi}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.f}-${p.l}` },
  { needs: "both", hyphenOk: true, build: (p) => `${p.f}.${p.li}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.l}${p.f}` },
  { needs: "both", hyphenOk: false, build: (p) => `${p.l}_${p.f}` },
];

type Rendering = { first: string | null; last: string | null; hyphenated: boolean };

/**
 * Likely addresses for a person at a company domain, most likely first, for the app layer to
 * probe in order. Pattern-major: every spelling of the name (diacritics stripped, German umlauts
 * spelled out, hyphen kept) is tried for first.last before any spelling is tried for the next
 * pattern, because a company applies one pattern to everyone whatever the spelling.
 * The domain is only lower-cased: punycode conversion of IDN domains is the caller's job.
 * Every result passes checkSyntax, so an unusable domain gives no candidates.
 */
export function emailCandidates(first: string | null, last: string | null, domain: string): string[] {
  // No trimming: a domain with whitespace is a data error upstream, and checkSyntax rejects it.
  const host = domain.toLowerCase();
  const out: string[] = [];
  const seen = new Set<string>();
  const renderings = renderingsOf(first, last);
  for (const pattern of PATTERNS) {
    for (const r of renderings) {
      if (r.hyphenated && !pattern.hyphenOk) continue;
      const local = buildLocal(pattern, r);
      if (local === null) continue;
      const email = `${local}@${host}`;
      if (seen.has(email) || !checkSyntax(email).ok) continue;
      seen.add(email);
      out.push(email);
    }
  }
  return out;
}

function buildLocal(pattern: Pattern, r: Rendering): string | null {
  const { first: f, last: l } = r;
  if (pattern.needs === "both" && (f === null || l === null)) return null;
  // A lone initial ("j@acme.com") is not a pattern anyone uses for a person.
  if (pattern.needs === "first" && (f === null || f.length < 2)) return null;
  if (pattern.needs === "last" && (l === null || l.length < 2)) return null;
  return pattern.build({ f: f ?? "", l: l ?? "", fi: f?.[0] ?? "", li: l?.[0] ?? "" });
}

function renderingsOf(first: string | null, last: string | null): Rendering[] {
  const out: Rendering[] = [];
  const keys = new Set<string>();
  const add = (r: Rendering) => {
    const key = `${r.first}|${r.last}`;
    if (keys.has(key) || (r.first === null && r.last === null)) return;
    keys.add(key);
    out.push(r);
  };
  const schemes: Transliteration[] = ["strip", "german"];
  for (const scheme of schemes) {
    const f = normaliseNamePart(first, scheme);
    const l = normaliseNamePart(last, scheme);
    add({ first: f?.joined ?? null, last: l?.joined ?? null, hyphenated: false });
    if (f?.hyphenated || l?.hyphenated)
      add({ first: hyphenOrJoined(f), last: hyphenOrJoined(l), hyphenated: true });
  }
  return out;
}

function hyphenOrJoined(forms: NameForms | null): string | null {
  return forms === null ? null : (forms.hyphenated ?? forms.joined);
}
