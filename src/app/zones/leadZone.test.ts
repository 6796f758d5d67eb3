import { describe, expect, it } from "vitest";
import { countryZones } from "../../domain/schedule/countryZones";
import { isValidZone } from "../../domain/schedule/inferTimezone";
import { regions } from "../../domain/schedule/regionZones";
import { zoneFromLocation } from "../../domain/schedule/zoneFromLocation";
import { leadZone } from "./leadZone";
import { loadGazetteer, phoneFacts } from "./zoneData";

// Real data end to end: city-timezones' gazetteer and libphonenumber's metadata and zone map.
const ws = "Europe/Paris";

describe("zone of a location", () => {
  it.each([
    // the cases
    ["Perth, Scotland", "Europe/London", "exact"],
    ["Paris, Texas", "America/Chicago", "likely"],
    ["Kathmandu, Nepal", "Asia/Kathmandu", "exact"],
    ["San Francisco Bay Area", "America/Los_Angeles", "likely"],
    ["Austin, TX", "America/Chicago", "exact"],
    ["Greater Munich Metropolitan Area", "Europe/Berlin", "likely"],
    ["Île-de-France, France", "Europe/Paris", "exact"],
    // North America
    ["San Francisco, California, United States", "America/Los_Angeles", "exact"],
    ["New York, NY", "America/New_York", "exact"],
    ["New York City Metropolitan Area", "America/New_York", "likely"],
    ["Seattle, WA", "America/Los_Angeles", "exact"],
    ["Denver, Colorado", "America/Denver", "exact"],
    ["Phoenix, AZ", "America/Phoenix", "exact"],
    ["Chicago, IL", "America/Chicago", "exact"],
    ["Detroit, Michigan, United States", "America/Detroit", "exact"],
    ["Honolulu, Hawaii", "Pacific/Honolulu", "exact"],
    ["Anchorage, AK", "America/Anchorage", "exact"],
    ["Miami, FL", "America/New_York", "exact"],
    ["Springfield, Illinois", "America/Chicago", "exact"],
    ["San Diego, CA", "America/Los_Angeles", "exact"],
    ["Toronto, CA", "America/Toronto", "exact"],
    ["Toronto, Ontario, Canada", "America/Toronto", "exact"],
    ["Vancouver, British Columbia, Canada", "America/Vancouver", "exact"],
    ["Calgary, AB", "America/Edmonton", "exact"],
    ["Halifax, Nova Scotia", "America/Halifax", "exact"],
    ["Ontario, Canada", "America/Toronto", "exact"],
    ["Texas", "America/Chicago", "exact"],
    ["California, United States", "America/Los_Angeles", "exact"],
    ["Remote - United States", "America/New_York", "guess"],
    ["United States", "America/New_York", "guess"],
    ["Georgia, USA", "America/New_York", "exact"],
    ["Smalltown, NE", "America/Chicago", "likely"],
    ["Mexico City, Mexico", "America/Mexico_City", "exact"],
    ["Tijuana, Baja California", "America/Tijuana", "exact"],
    ["Cancún, Quintana Roo, México", "America/Cancun", "exact"],
    // South America
    ["São Paulo, Brazil", "America/Sao_Paulo", "exact"],
    ["Manaus, Amazonas, Brasil", "America/Manaus", "exact"],
    ["Curitiba, PR, Brazil", "America/Sao_Paulo", "exact"],
    ["Buenos Aires, Argentina", "America/Argentina/Buenos_Aires", "exact"],
    ["Santiago, Chile", "America/Santiago", "exact"],
    ["Bogotá, Colombia", "America/Bogota", "exact"],
    ["Lima, Peru", "America/Lima", "exact"],
    // Europe
    ["Greater London Area", "Europe/London", "likely"],
    ["London, England, United Kingdom", "Europe/London", "exact"],
    ["Edinburgh, Scotland", "Europe/London", "exact"],
    ["Dublin, Ireland", "Europe/Dublin", "exact"],
    ["Berlin, Germany", "Europe/Berlin", "exact"],
    ["München, Bayern, Deutschland", "Europe/Berlin", "exact"],
    ["Zürich, Schweiz", "Europe/Zurich", "exact"],
    ["Wien, Österreich", "Europe/Vienna", "exact"],
    ["Amsterdam Area, Netherlands", "Europe/Amsterdam", "exact"],
    ["Bruxelles, Belgique", "Europe/Brussels", "exact"],
    ["Madrid, España", "Europe/Madrid", "exact"],
    ["Las Palmas, Canary Islands, Spain", "Atlantic/Canary", "exact"],
    ["Lisbon, Portugal", "Europe/Lisbon", "exact"],
    ["Milano, Lombardia, Italia", "Europe/Rome", "exact"],
    ["Warszawa, Polska", "Europe/Warsaw", "exact"],
    ["Stockholm, Sweden", "Europe/Stockholm", "exact"],
    ["Helsinki, Finland", "Europe/Helsinki", "exact"],
    ["Kyiv, Ukraine", "Europe/Kyiv", "exact"],
    ["Istanbul, Türkiye", "Europe/Istanbul", "exact"],
    ["Moscow, Russia", "Europe/Moscow", "exact"],
    ["Novosibirsk, Russian Federation", "Asia/Novosibirsk", "exact"],
    ["Vladivostok, Russia", "Asia/Vladivostok", "exact"],
    ["Sverdlovsk Oblast, Russia", "Asia/Yekaterinburg", "exact"],
    ["Kaliningrad, Russia", "Europe/Kaliningrad", "exact"],
    ["France", "Europe/Paris", "exact"],
    ["Germany", "Europe/Berlin", "exact"],
    // Africa and the Middle East
    ["Lagos, Nigeria", "Africa/Lagos", "exact"],
    ["Nairobi, Kenya", "Africa/Nairobi", "exact"],
    ["Cape Town, South Africa", "Africa/Johannesburg", "exact"],
    ["Cairo, Egypt", "Africa/Cairo", "exact"],
    ["Casablanca, Morocco", "Africa/Casablanca", "exact"],
    ["Dubai, United Arab Emirates", "Asia/Dubai", "exact"],
    ["Tel Aviv, Israel", "Asia/Jerusalem", "exact"],
    ["Riyadh, KSA", "Asia/Riyadh", "exact"],
    // Asia and Oceania
    ["Bengaluru, Karnataka, India", "Asia/Kolkata", "exact"],
    ["Mumbai, India", "Asia/Kolkata", "exact"],
    ["Almaty, Kazakhstan", "Asia/Almaty", "exact"],
    ["Singapore", "Asia/Singapore", "likely"],
    ["Jakarta, Indonesia", "Asia/Jakarta", "exact"],
    ["Bali, Indonesia", "Asia/Makassar", "exact"],
    ["Tokyo, Japan", "Asia/Tokyo", "exact"],
    ["Seoul, South Korea", "Asia/Seoul", "exact"],
    ["Shanghai, China", "Asia/Shanghai", "exact"],
    ["Hong Kong", "Asia/Hong_Kong", "likely"],
    ["Manila, Philippines", "Asia/Manila", "exact"],
    ["Ho Chi Minh City, Vietnam", "Asia/Ho_Chi_Minh", "exact"],
    ["Sydney, New South Wales, Australia", "Australia/Sydney", "exact"],
    ["Perth, WA", "Australia/Perth", "exact"],
    ["Perth, Western Australia", "Australia/Perth", "exact"],
    ["Adelaide, SA, Australia", "Australia/Adelaide", "exact"],
    ["Victoria, Australia", "Australia/Melbourne", "exact"],
    ["Brisbane, QLD", "Australia/Brisbane", "exact"],
    ["Auckland, New Zealand", "Pacific/Auckland", "exact"],
  ])("%s → %s (%s)", async (location, zone, confidence) => {
    const found = zoneFromLocation(location, await loadGazetteer());
    expect(found).toMatchObject({ zone, confidence });
    expect(found!.explanation.length).toBeGreaterThan(3);
  });

  it.each(["", "   ", "IN", "Somewhere nice", "Remote", "Worldwide"])(
    "%j names no zone",
    async (location) => {
      expect(zoneFromLocation(location, await loadGazetteer())).toBeNull();
    },
  );
});

describe("zone of a phone number", () => {
  it.each([
    // the cases
    ["+1 415 555 0100", "America/Los_Angeles", "likely"],
    ["+7 727 123 4567", "Asia/Almaty", "likely"],
    ["+61 8 9123 4567", "Australia/Perth", "guess"], // Adelaide or Perth: the more populous wins
    // North America
    ["+1 212 555 0100", "America/New_York", "likely"],
    ["+1 (312) 555-0100", "America/Chicago", "likely"],
    ["+1 303 555 0100", "America/Denver", "likely"],
    ["+1 602 555 0100", "America/Phoenix", "likely"],
    ["+1 808 555 0100", "Pacific/Honolulu", "likely"],
    ["+1 907 555 0100", "America/Anchorage", "guess"], // Alaska's range also covers Adak
    ["+1 416 555 0100", "America/Toronto", "likely"],
    ["+1 604 555 0100", "America/Vancouver", "likely"],
    ["+1 800 555 0100", "America/New_York", "guess"],
    ["+52 664 123 4567", "America/Tijuana", "likely"],
    ["+52 55 1234 5678", "America/Mexico_City", "likely"],
    // South America
    ["+55 11 91234 5678", "America/Sao_Paulo", "likely"],
    ["+55 92 3234 5678", "America/Manaus", "likely"],
    ["+54 11 4123 4567", "America/Argentina/Buenos_Aires", "likely"],
    ["+56 2 2123 4567", "America/Santiago", "likely"],
    ["+57 1 234 5678", "America/Bogota", "likely"],
    // Europe
    ["+44 20 7946 0958", "Europe/London", "likely"],
    ["0044 131 496 0000", "Europe/London", "likely"],
    ["+353 1 234 5678", "Europe/Dublin", "likely"],
    ["+49 30 1234567", "Europe/Berlin", "likely"],
    ["0049 89 1234567", "Europe/Berlin", "likely"],
    ["+33 1 23 45 67 89", "Europe/Paris", "likely"],
    ["+34 91 123 45 67", "Europe/Madrid", "likely"],
    ["+34 928 123 456", "Atlantic/Canary", "likely"],
    ["+351 21 123 4567", "Europe/Lisbon", "likely"],
    ["+39 02 1234 5678", "Europe/Rome", "likely"],
    ["+31 20 123 4567", "Europe/Amsterdam", "likely"],
    ["+48 22 123 45 67", "Europe/Warsaw", "likely"],
    ["+380 44 123 4567", "Europe/Kyiv", "likely"],
    ["+7 495 123 4567", "Europe/Moscow", "likely"],
    ["+7 383 123 4567", "Asia/Novosibirsk", "likely"],
    ["+7 423 123 4567", "Asia/Vladivostok", "likely"],
    // Africa, the Middle East, Asia, Oceania
    ["+234 803 123 4567", "Africa/Lagos", "likely"],
    ["+254 20 123 4567", "Africa/Nairobi", "likely"],
    ["+27 21 123 4567", "Africa/Johannesburg", "likely"],
    ["+971 4 123 4567", "Asia/Dubai", "likely"],
    ["+972 3 123 4567", "Asia/Jerusalem", "likely"],
    ["+91 80 1234 5678", "Asia/Kolkata", "likely"],
    ["+977 1 4412345", "Asia/Kathmandu", "likely"],
    ["+62 21 1234 5678", "Asia/Jakarta", "likely"],
    ["+62 361 123456", "Asia/Makassar", "likely"],
    ["+81 3 1234 5678", "Asia/Tokyo", "likely"],
    ["+82 2 123 4567", "Asia/Seoul", "likely"],
    ["+86 10 1234 5678", "Asia/Shanghai", "likely"],
    ["+65 6123 4567", "Asia/Singapore", "likely"],
    ["+61 2 9123 4567", "Australia/Sydney", "likely"],
    ["+61 3 9123 4567", "Australia/Sydney", "likely"], // the map lists Sydney: the same clock as Melbourne
    ["+64 9 123 4567", "Pacific/Auckland", "likely"],
  ])("%s → %s (%s)", async (phone, zone, confidence) => {
    expect(await leadZone({ phone }, ws)).toMatchObject({ zone, source: "phone", confidence });
  });

  it("reads a national number as one of the workspace's country", async () => {
    expect(await leadZone({ phone: "030 1234567" }, "Europe/Berlin")).toMatchObject({
      zone: "Europe/Berlin",
      source: "phone",
    });
    expect(await phoneFacts("(415) 555-0100", "US")).toMatchObject({
      country: "US",
      zones: ["America/Los_Angeles"],
    });
  });

  it.each(["", "n/a", "12"])("%j says nothing", async (phone) => {
    expect(await leadZone({ phone }, ws)).toMatchObject({
      zone: ws,
      source: "workspace",
      confidence: "guess",
    });
  });
});

describe("one zone for a lead", () => {
  it.each([
    [{ timezone: "Asia/Tokyo", location: "Berlin" }, "Asia/Tokyo", "lead", "exact"],
    [{ timezone: "Not/AZone", location: "Berlin, Germany" }, "Europe/Berlin", "location", "exact"],
    [{ location: "Somewhere nice", phone: "+44 20 7946 0958" }, "Europe/London", "phone", "likely"],
    // A country with several zones gives way to a phone number in that country...
    [{ location: "United States", phone: "+1 415 555 0100" }, "America/Los_Angeles", "phone", "likely"],
    // ...but not to one from elsewhere, nor does a precise location give way at all.
    [{ location: "United States", phone: "+44 20 7946 0958" }, "America/New_York", "location", "guess"],
    [{ location: "Austin, TX", phone: "+1 415 555 0100" }, "America/Chicago", "location", "exact"],
    [{ email: "jan@firma.de" }, "Europe/Berlin", "email_tld", "guess"],
    [{ email: "ana@empresa.com.br" }, "America/Sao_Paulo", "email_tld", "guess"],
    [{ email: "sam@startup.io" }, ws, "workspace", "guess"],
    [{ location: "IN" }, ws, "workspace", "guess"],
    [{}, ws, "workspace", "guess"],
  ])("%o → %s (%s, %s)", async (lead, zone, source, confidence) => {
    const z = await leadZone(lead, ws);
    expect(z).toMatchObject({ zone, source, confidence });
    expect(z.explanation).not.toBe("");
  });
});

describe("the tables", () => {
  it("name only zones this runtime knows, and every region's country exists", () => {
    const all = [...Object.values(countryZones).flat(), ...regions.map((r) => r.zone)];
    expect([...new Set(all)].filter((z) => !isValidZone(z))).toEqual([]);
    expect(regions.filter((r) => !countryZones[r.country])).toEqual([]);
    expect(Object.keys(countryZones).length).toBeGreaterThanOrEqual(240);
  });
});
