import { countryZones } from "./countryZones";
import { placeKey } from "./placeName";

// Languages whose country names show up in profiles and CRM exports.
const LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "fi", "cs", "tr", "ru"];

// Names people write that no language's official short name covers.
const ALIASES: Record<string, string> = {
  usa: "US",
  "u s a": "US",
  "u s": "US",
  america: "US",
  "united states of america": "US",
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  uae: "AE",
  emirates: "AE",
  holland: "NL",
  "the netherlands": "NL",
  "south korea": "KR",
  korea: "KR",
  "republic of korea": "KR",
  "north korea": "KP",
  russia: "RU",
  "russian federation": "RU",
  "czech republic": "CZ",
  turkey: "TR",
  turkiye: "TR",
  vietnam: "VN",
  "viet nam": "VN",
  "ivory coast": "CI",
  "cote divoire": "CI",
  "hong kong sar": "HK",
  macau: "MO",
  "mainland china": "CN",
  prc: "CN",
  "people s republic of china": "CN",
  taiwan: "TW",
  burma: "MM",
  "cape verde": "CV",
  swaziland: "SZ",
  "democratic republic of the congo": "CD",
  drc: "CD",
  "dr congo": "CD",
  "republic of the congo": "CG",
  palestine: "PS",
  "vatican city": "VA",
  "east timor": "TL",
  ksa: "SA",
  "kingdom of saudi arabia": "SA",
  "the bahamas": "BS",
  "the gambia": "GM",
  "republic of ireland": "IE",
  eire: "IE",
  macedonia: "MK",
  "north macedonia": "MK",
  moldova: "MD",
  laos: "LA",
  syria: "SY",
  iran: "IR",
  brasil: "BR",
  espana: "ES",
  italia: "IT",
  deutschland: "DE",
  schweiz: "CH",
  suisse: "CH",
  svizzera: "CH",
  osterreich: "AT",
  belgique: "BE",
  belgie: "BE",
  polska: "PL",
  mexique: "MX",
  nippon: "JP",
  nihon: "JP",
  bharat: "IN",
};

let byName: Map<string, string> | null = null;

/** Country names in the common languages (from the runtime's CLDR data), plus usual aliases. */
function names(): Map<string, string> {
  if (byName) return byName;
  const m = new Map<string, string>();
  for (const lang of LANGUAGES) {
    const display = new Intl.DisplayNames([lang], { type: "region" });
    for (const code of Object.keys(countryZones)) {
      const name = display.of(code);
      if (name && name !== code && !m.has(placeKey(name))) m.set(placeKey(name), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) m.set(placeKey(alias), code);
  byName = m;
  return m;
}

export function countryOfName(name: string): string | null {
  return names().get(placeKey(name)) ?? null;
}

let english: Intl.DisplayNames | null = null;
export function countryName(code: string): string {
  english ??= new Intl.DisplayNames(["en"], { type: "region" });
  return english.of(code) ?? code;
}
