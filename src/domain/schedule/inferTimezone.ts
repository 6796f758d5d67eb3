import { cityZones, countryZones, phoneZones, regionZones, tldZones } from "./zoneTables";

export type ZoneSource = "lead" | "location" | "phone" | "email_tld" | "workspace";
export type InferredZone = { zone: string; source: ZoneSource };

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const clean = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-–—]/g, " ")
    .replace(/\b(greater|metropolitan|metro|area|region|remote)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** "San Francisco, California, United States" → the most specific part that is known wins. */
export function zoneFromLocation(location: string | null | undefined): string | null {
  if (!location?.trim()) return null;
  const parts = location
    .split(/[,;/|()]/)
    .map(clean)
    .filter(Boolean);
  for (const p of parts) if (cityZones[p]) return cityZones[p]!;
  // Two-letter parts are only trusted as US states after a city ("Austin, TX"), never alone.
  for (const [i, p] of parts.entries()) if (regionZones[p] && (p.length > 2 || i > 0)) return regionZones[p]!;
  for (const p of [...parts].reverse()) if (countryZones[p]) return countryZones[p]!;
  const whole = clean(location);
  for (const [name, zone] of Object.entries(cityZones))
    if (name.length > 4 && whole.includes(name)) return zone;
  return null;
}

export function zoneFromPhone(phone: string | null | undefined): string | null {
  const p = (phone ?? "").trim();
  if (!p.startsWith("+") && !p.startsWith("00")) return null;
  const digits = p.replace(/^00/, "").replace(/\D/g, "");
  let best: [string, string] | null = null;
  for (const entry of phoneZones)
    if (digits.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1] ?? null;
}

export function zoneFromEmail(email: string | null | undefined): string | null {
  const tld = (email ?? "").split("@")[1]?.split(".").pop()?.toLowerCase();
  return (tld && tldZones[tld]) || null;
}

/** The lead's own zone if known, else location, phone country, email ccTLD, else the workspace's. */
export function inferTimezone(
  lead: { timezone?: string | null; location?: string | null; phone?: string | null; email?: string | null },
  workspaceZone: string,
): InferredZone {
  if (lead.timezone && isValidZone(lead.timezone)) return { zone: lead.timezone, source: "lead" };
  const byLocation = zoneFromLocation(lead.location);
  if (byLocation) return { zone: byLocation, source: "location" };
  const byPhone = zoneFromPhone(lead.phone);
  if (byPhone) return { zone: byPhone, source: "phone" };
  const byTld = zoneFromEmail(lead.email);
  if (byTld) return { zone: byTld, source: "email_tld" };
  return { zone: workspaceZone, source: "workspace" };
}
