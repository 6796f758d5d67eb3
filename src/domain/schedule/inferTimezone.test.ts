import { describe, expect, it } from "vitest";
import { inferTimezone, isValidZone } from "./inferTimezone";
import { cityZones, countryZones, phoneZones, regionZones, tldZones } from "./zoneTables";

describe("inferTimezone", () => {
  it.each([
    [{ location: "San Francisco, California, United States" }, "America/Los_Angeles", "location"],
    [{ location: "Austin, TX" }, "America/Chicago", "location"],
    [{ location: "Greater London Area" }, "Europe/London", "location"],
    [{ location: "Berlin, Germany" }, "Europe/Berlin", "location"],
    [{ location: "Remote - United States" }, "America/New_York", "location"],
    [{ location: "Ontario, Canada" }, "America/Toronto", "location"],
    [{ location: "São Paulo, Brazil" }, "America/Sao_Paulo", "location"],
    [{ location: "Bengaluru, Karnataka, India" }, "Asia/Kolkata", "location"],
    [{ location: "Victoria, Australia" }, "Australia/Melbourne", "location"],
    [{ location: "Somewhere nice", phone: "+44 20 7946 0958" }, "Europe/London", "phone"],
    [{ phone: "+353 1 234 5678" }, "Europe/Dublin", "phone"],
    [{ phone: "0049 30 1234" }, "Europe/Berlin", "phone"],
    [{ phone: "+1 415 555 0100" }, "America/New_York", "phone"],
    [{ email: "jan@firma.de" }, "Europe/Berlin", "email_tld"],
    [{ email: "ana@empresa.com.br" }, "America/Sao_Paulo", "email_tld"],
    [{ email: "sam@startup.io" }, "Europe/Paris", "workspace"],
    [{ timezone: "Asia/Tokyo", location: "Berlin" }, "Asia/Tokyo", "lead"],
    [{ timezone: "Not/AZone", location: "Berlin" }, "Europe/Berlin", "location"],
    [{ location: "IN" }, "Europe/Paris", "workspace"],
  ])("%o → %s (%s)", (lead, zone, source) => {
    expect(inferTimezone(lead, "Europe/Paris")).toEqual({ zone, source });
  });

  it("only maps to zones this runtime knows", () => {
    const all = [
      ...Object.values(cityZones),
      ...Object.values(countryZones),
      ...Object.values(regionZones),
      ...Object.values(tldZones),
      ...phoneZones.map((p) => p[1]),
    ];
    expect([...new Set(all)].filter((z) => !isValidZone(z))).toEqual([]);
  });
});
