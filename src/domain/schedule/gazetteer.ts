import { canonicalZone } from "./canonicalZone";
import { placeKey } from "./placeName";

/** One row of city-timezones' table (the fields we read). */
export type GazetteerRecord = {
  city: string;
  city_ascii?: string;
  pop: number;
  iso2: string;
  iso3?: string;
  province?: string;
  timezone: string;
};

export type Place = { name: string; country: string; province: string; zone: string; pop: number };

/** Cities and first-level regions by their place key, the most populous first. */
export type Gazetteer = {
  cities: ReadonlyMap<string, readonly Place[]>;
  provinces: ReadonlyMap<string, readonly Place[]>;
  alpha3: ReadonlyMap<string, string>;
};

const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};
const byPop = (a: Place, b: Place) => b.pop - a.pop;

/**
 * Indexes the gazetteer once. A province's zone is its most populous city's: a state split
 * between zones (Texas, Indiana) gets the zone most of its people live in.
 */
export function buildGazetteer(records: readonly GazetteerRecord[]): Gazetteer {
  const cities = new Map<string, Place[]>();
  const provinceCities = new Map<string, Place[]>();
  const alpha3 = new Map<string, string>();
  for (const r of records) {
    if (!r.timezone || !r.iso2) continue;
    const place: Place = {
      name: r.city,
      country: r.iso2,
      province: r.province ?? "",
      zone: canonicalZone(r.timezone),
      pop: r.pop || 0,
    };
    const keys = new Set([placeKey(r.city), placeKey(r.city_ascii ?? r.city)]);
    for (const k of keys) if (k) push(cities, k, place);
    if (r.province) push(provinceCities, `${r.iso2}|${placeKey(r.province)}`, place);
    if (r.iso3) alpha3.set(r.iso3.toUpperCase(), r.iso2);
  }
  for (const list of cities.values()) list.sort(byPop);
  const provinces = new Map<string, Place[]>();
  for (const [k, list] of provinceCities) {
    list.sort(byPop);
    const top = list[0]!;
    const pop = list.reduce((n, p) => n + p.pop, 0);
    push(provinces, k.slice(k.indexOf("|") + 1), { ...top, name: top.province, pop });
  }
  for (const list of provinces.values()) list.sort(byPop);
  return { cities, provinces, alpha3 };
}
