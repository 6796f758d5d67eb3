import { canonicalZone } from "./canonicalZone";
import { countryHasOneClock } from "./countryClock";
import { countryName } from "./countryNames";
import { countryZones } from "./countryZones";
import type { ZoneFinding } from "./zoneTypes";

/**
 * What libphonenumber says of a number: its country and the zones of the number's region (one for
 * "+1 415", two for "+61 8": Adelaide and Perth, all of them for a mobile or toll-free range).
 */
export type PhoneFacts = { country: string | null; zones: readonly string[] };

/**
 * The zone of a phone number's region. Among several candidate zones the most populous of the
 * country wins (countryZones is ordered by population), and the confidence drops to a guess unless
 * the candidates all show the same time.
 */
export function zoneFromPhone(facts: PhoneFacts | null | undefined): ZoneFinding | null {
  if (!facts) return null;
  const { country } = facts;
  const order = country ? (countryZones[country] ?? []) : [];
  // A zone outside the number's country is the map's error ("+353 1" listed with London), not evidence.
  const known = [...new Set(facts.zones.filter((z) => z && z !== "Etc/Unknown").map(canonicalZone))].filter(
    (z) => !order.length || order.includes(z),
  );
  const ranked = [...known].sort((a, b) => rank(order, a) - rank(order, b));
  const where = country ? countryName(country) : "its country code";
  const zone = ranked[0] ?? (country ? order[0] : undefined);
  if (!zone) return null;
  if (ranked.length === 1)
    return { zone, country, confidence: "likely", explanation: `the number's region in ${where}` };
  if (country && countryHasOneClock(country))
    return { zone, country, confidence: "likely", explanation: where };
  return {
    zone,
    country,
    confidence: "guess",
    explanation: `${where}: the number's range spans ${ranked.length || order.length} zones; the most populous is used`,
  };
}

const rank = (order: readonly string[], zone: string) => {
  const i = order.indexOf(zone);
  return i < 0 ? order.length : i;
};
