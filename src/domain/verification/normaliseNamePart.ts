/**
 * How a name is turned into ASCII. "strip" drops diacritics (é→e, ü→u), what most mail systems
 * do; "german" spells umlauts out (ü→ue), what German-speaking companies usually do.
 */
export type Transliteration = "strip" | "german";

/** A name part ready for a local part: `joined` without separators, `hyphenated` when the input had a hyphen. */
export type NameForms = { joined: string; hyphenated: string | null };

// Letters NFKD does not decompose into a base letter plus a mark.
const SPECIAL: Record<string, string> = {
  ß: "ss",
  ø: "o",
  ł: "l",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŀ: "l",
  ŧ: "t",
};
const GERMAN: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue" };

/**
 * One name part ("Anne-Marie", "O'Brien", "Müller") as ASCII local-part material, or null when
 * it is missing or cannot be transliterated (Cyrillic, CJK, …): a guess built from half a name
 * would only produce addresses that bounce.
 */
export function normaliseNamePart(raw: string | null, scheme: Transliteration = "strip"): NameForms | null {
  if (raw === null) return null;
  let s = raw
    .normalize("NFC")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " "); // nicknames: "Robert (Bob)"
  if (scheme === "german") s = s.replace(/[äöü]/g, (c) => GERMAN[c]!);
  s = s
    .replace(/[ßøłæœđðþıħŀŧ]/g, (c) => SPECIAL[c]!)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’‘ʼ`´.]/g, "") // O'Brien → obrien, "J.R." → jr
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/[,;]/g, " ")
    .trim()
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ");
  if (!/^[a-z0-9 -]*$/.test(s)) return null;
  const joined = s.replace(/[ -]/g, "");
  if (joined === "") return null;
  // Spaces are dropped ("van der Berg" → vanderberg); only a hyphen the person writes is kept.
  const hyphenated = s.replace(/ /g, "").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return { joined, hyphenated: hyphenated !== joined ? hyphenated : null };
}
