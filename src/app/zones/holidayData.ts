import type { HolidayLookup } from "../../domain/schedule/sendingWindow";

/*
 * date-holidays carries every country's rules (~12 MB): it loads on the first sequence that skips
 * holidays, not at boot, so the CLI and a server whose sequences never skip holidays never pay for
 * it. Each country's year is computed once and kept (a few hundred dates per country).
 */
let lookup: Promise<HolidayLookup> | null = null;

export function loadHolidayLookup(): Promise<HolidayLookup> {
  lookup ??= import("date-holidays").then(({ default: Holidays }) => {
    const years = new Map<string, Map<string, string>>();
    return (country: string, date: string) => {
      const key = `${country}|${date.slice(0, 4)}`;
      let days = years.get(key);
      if (!days) {
        days = new Map();
        // Public holidays only: bank, school and observance days are working days for most people.
        const hd = new Holidays(country, { types: ["public"] });
        for (const h of hd.getHolidays(Number(date.slice(0, 4)), "en") || [])
          if (h.type === "public" && !days.has(h.date.slice(0, 10))) days.set(h.date.slice(0, 10), h.name);
        years.set(key, days);
      }
      return days.get(date) ?? null;
    };
  });
  return lookup;
}
