import { countryHasOneClock, mainZoneOf } from "./countryClock";
import { countryName } from "./countryNames";
import type { Gazetteer } from "./gazetteer";
import { zoneFromLocation } from "./zoneFromLocation";
import { type PhoneFacts, zoneFromPhone } from "./zoneFromPhone";
import type { InferredZone, ZoneFinding } from "./zoneTypes";

export type { InferredZone, ZoneConfidence, ZoneSource } from "./zoneTypes";

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Country-code domains sold worldwide as generic names say nothing about where anyone is.
const VANITY_TLDS = new Set([
  "io",
  "co",
  "ai",
  "me",
  "tv",
  "fm",
  "ly",
  "sh",
  "gg",
  "to",
  "cc",
  "ws",
  "nu",
  "tk",
  "am",
  "im",
  "vc",
  "so",
  "ac",
  "is",
  "la",
  "ms",
]);

export function zoneFromEmail(email: string | null | undefined): ZoneFinding | null {
  const tld = (email ?? "").trim().toLowerCase().replace(/\.$/, "").split(".").pop() ?? "";
  if (!/^[a-z]{2}$/.test(tld) || VANITY_TLDS.has(tld) || !email?.includes("@")) return null;
  const country = tld === "uk" ? "GB" : tld.toUpperCase();
  const zone = mainZoneOf(country);
  if (!zone) return null;
  const many = countryHasOneClock(country) ? "" : ", the zone most of its people live in";
  return {
    zone,
    country,
    confidence: "guess",
    explanation: `.${tld} address: ${countryName(country)}${many}`,
  };
}

/** What the app looked up for the lead: the gazetteer (loaded on first use) and the phone's facts. */
export type ZoneEvidence = { gazetteer: Gazetteer | null; phone: PhoneFacts | null };

export type LeadPlace = {
  timezone?: string | null;
  location?: string | null;
  phone?: string | null;
  email?: string | null;
};

/**
 * The lead's zone: the one a person set; else the location, unless it only names a multi-zone
 * country and the phone number's region is in that country (a "United States" profile with a
 * +1 415 number is in California); else the phone; else the email's country domain; else the
 * workspace's zone.
 */
export function inferTimezone(lead: LeadPlace, workspaceZone: string, evidence: ZoneEvidence): InferredZone {
  if (lead.timezone && isValidZone(lead.timezone))
    return { zone: lead.timezone, source: "lead", confidence: "exact", explanation: "set on the lead" };
  const loc = evidence.gazetteer ? zoneFromLocation(lead.location, evidence.gazetteer) : null;
  const phone = zoneFromPhone(evidence.phone);
  const say = (f: ZoneFinding, source: InferredZone["source"], what: string): InferredZone => ({
    zone: f.zone,
    source,
    confidence: f.confidence,
    explanation: `${what}: ${f.explanation}`,
  });
  if (loc && loc.confidence !== "guess") return say(loc, "location", `location "${lead.location}"`);
  if (phone && (!loc || (phone.country === loc.country && phone.confidence !== "guess")))
    return say(phone, "phone", `phone ${lead.phone}`);
  if (loc) return say(loc, "location", `location "${lead.location}"`);
  const tld = zoneFromEmail(lead.email);
  if (tld) return say(tld, "email_tld", "email");
  return {
    zone: workspaceZone,
    source: "workspace",
    confidence: "guess",
    explanation: "nothing on the lead says where they are: the workspace's zone",
  };
}
