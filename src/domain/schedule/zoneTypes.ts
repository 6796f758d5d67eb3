export const zoneSources = ["lead", "location", "phone", "email_tld", "workspace"] as const;
export type ZoneSource = (typeof zoneSources)[number];

/**
 * exact: set by a person, or the place names one clock (a qualified city, a one-zone country);
 * likely: the evidence points to one zone but could mislead (a city name without its country, a
 * phone number's region, a state split between zones); guess: a default among several zones, a
 * country-code top-level domain, or the workspace's zone.
 */
export const zoneConfidences = ["exact", "likely", "guess"] as const;
export type ZoneConfidence = (typeof zoneConfidences)[number];

export type ZoneFinding = {
  zone: string;
  confidence: ZoneConfidence;
  explanation: string;
  country: string | null;
};
export type InferredZone = {
  zone: string;
  source: ZoneSource;
  confidence: ZoneConfidence;
  explanation: string;
};
