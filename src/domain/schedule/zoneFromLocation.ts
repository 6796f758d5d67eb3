import { countryHasOneClock, mainZoneOf } from "./countryClock";
import { countryName, countryOfName } from "./countryNames";
import type { Gazetteer, Place } from "./gazetteer";
import { placeKey } from "./placeName";
import { abbreviationNeedsCountry, type Region, regions } from "./regionZones";
import type { ZoneFinding } from "./zoneTypes";

// Words of LinkedIn-style locations that name no place ("Greater Munich Metropolitan Area").
const NOISE =
  /\b(greater|metropolitan|metro|area|region|bay area|remote|hybrid|on site|onsite|based in|based|home office|hq)\b/g;
const locKey = (s: string) => placeKey(placeKey(s).replace(NOISE, " "));

let regionIndex: Map<string, { region: Region; name: string }[]> | null = null;
function regionsNamed(key: string) {
  if (!regionIndex) {
    regionIndex = new Map();
    for (const region of regions)
      for (const name of region.names) {
        const k = locKey(name);
        regionIndex.set(k, [...(regionIndex.get(k) ?? []), { region, name }]);
      }
  }
  return regionIndex.get(key) ?? [];
}

/** A region a qualifier may mean: one of our table's (exact), or a gazetteer province. */
type Scope = { country: string; zone: string; name: string; exact: boolean; needsCountry: boolean };
type Part = { raw: string; key: string };
type Qualifier = { names: Set<string>; codes: Set<string>; scopes: Scope[] };

function parts(location: string): Part[] {
  return location
    .split(/[,;/|()·•]|\s[-–—]\s/)
    .map((raw) => ({ raw: raw.trim(), key: locKey(raw) }))
    .filter((p) => p.key);
}

/**
 * What a part says as a qualifier: the countries it names (by name, or by an ISO code written in
 * capitals after another part) and the regions it may mean. Abbreviations count only in capitals
 * and never alone ("IN" is India, Indiana, or a word).
 */
function readQualifier(p: Part, g: Gazetteer, alone: boolean): Qualifier {
  const names = new Set<string>();
  const codes = new Set<string>();
  const byName = countryOfName(p.key);
  if (byName) names.add(byName);
  if (!alone && /^[A-Z]{2}$/.test(p.raw) && mainZoneOf(p.raw)) codes.add(p.raw);
  const alpha3 = /^[A-Z]{3}$/.test(p.raw) ? g.alpha3.get(p.raw) : undefined;
  if (alpha3) names.add(alpha3);
  const scopes: Scope[] = [];
  for (const { region, name } of regionsNamed(p.key)) {
    const short = name.length <= 3;
    if (short && (alone || p.raw !== p.raw.toUpperCase())) continue;
    const needsCountry = short && abbreviationNeedsCountry(region, name);
    scopes.push({ country: region.country, zone: region.zone, name: region.name, exact: true, needsCountry });
  }
  if (p.key.length > 3 && !scopes.length)
    for (const pr of g.provinces.get(p.key) ?? [])
      scopes.push({ country: pr.country, zone: pr.zone, name: pr.name, exact: false, needsCountry: false });
  return { names, codes, scopes };
}

const inScope = (c: Place, s: Scope) =>
  c.country === s.country && (locKey(c.province) === locKey(s.name) || c.zone === s.zone);

const found = (
  zone: string,
  country: string | null,
  confidence: ZoneFinding["confidence"],
  explanation: string,
): ZoneFinding => ({ zone, country, confidence, explanation });

function fromCountry(country: string): ZoneFinding {
  const name = countryName(country);
  return countryHasOneClock(country)
    ? found(mainZoneOf(country)!, country, "exact", name)
    : found(mainZoneOf(country)!, country, "guess", `${name}: the zone most of its people live in`);
}

const unionOf = (qs: Qualifier[], key: "names" | "codes") => new Set(qs.flatMap((q) => [...q[key]]));

/**
 * The zone a free-text location names. The most specific part that is a known city wins, but only
 * a city in the country or region the other parts name ("Perth, Scotland" is not Perth in
 * Australia; "Paris, Texas" is not the Paris in France); else the most specific region; else the
 * country.
 */
export function zoneFromLocation(location: string | null | undefined, g: Gazetteer): ZoneFinding | null {
  const ps = parts(location ?? "");
  if (!ps.length) return null;
  const quals = ps.map((p) => readQualifier(p, g, ps.length === 1));
  const others = (i: number) => quals.filter((_, j) => j !== i);
  /** Regions the other parts may mean, within the countries they name by name. */
  const scopesBesides = (i: number, own: Scope[] = []) => {
    const named = unionOf(others(i), "names");
    return [...own, ...others(i).flatMap((q) => q.scopes)].filter((s) =>
      named.size ? named.has(s.country) : !s.needsCountry,
    );
  };

  for (const [i, p] of ps.entries()) {
    const cities = g.cities.get(p.key) ?? g.cities.get(p.key.replace(/ city$/, "")) ?? [];
    if (!cities.length) continue;
    const scopes = scopesBesides(i);
    const countries = new Set([...unionOf(others(i), "names"), ...unionOf(others(i), "codes")]);
    const constrained = scopes.length > 0 || countries.size > 0;
    const fits = cities.filter(
      (c) =>
        scopes.some((s) => inScope(c, s)) ||
        (countries.has(c.country) && !scopes.some((s) => s.country === c.country)) ||
        !constrained,
    );
    const city = fits[0];
    if (!city) continue;
    const where = `${city.name}, ${city.province ? `${city.province}, ` : ""}${countryName(city.country)}`;
    if (constrained) return found(city.zone, city.country, "exact", where);
    const rival = fits.find((c) => c.zone !== city.zone && c.pop * 10 > city.pop);
    return rival
      ? found(city.zone, city.country, "guess", `${where} (or ${rival.name}, ${countryName(rival.country)})`)
      : found(city.zone, city.country, "likely", where);
  }

  // No city: the most specific region; a part that is itself a country's name means the country.
  for (const [i, q] of quals.entries()) {
    const named = unionOf(others(i), "names");
    const scopes = q.scopes.filter((s) =>
      named.size ? named.has(s.country) : !q.names.size && !s.needsCountry,
    );
    const best = scopes.some((s) => s.exact) ? scopes.filter((s) => s.exact) : scopes;
    const first = best[0];
    if (!first) continue;
    const where = `${first.name}, ${countryName(first.country)}`;
    if (new Set(best.map((s) => s.zone)).size > 1)
      return found(first.zone, first.country, "guess", `${where} (the name fits several regions)`);
    const sure = (first.exact && i === 0) || countryHasOneClock(first.country);
    return found(first.zone, first.country, sure ? "exact" : "likely", where);
  }
  for (const key of ["names", "codes"] as const)
    for (const q of [...quals].reverse()) {
      const [country] = [...q[key]];
      if (country) return fromCountry(country);
    }
  return null;
}
