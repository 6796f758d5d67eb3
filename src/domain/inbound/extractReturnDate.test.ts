import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOrderForZone, extractReturnDate } from "./extractReturnDate";

const march2 = Date.parse("2026-03-02T10:00:00Z"); // a Monday
const dec20 = Date.parse("2025-12-20T10:00:00Z");
const friday = Date.parse("2026-03-06T15:00:00Z");
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const day = (d: string) => `${d}T00:00:00.000Z`;

describe("extractReturnDate: the pause ends at 00:00 UTC the day after the stated date", () => {
  it.each([
    // English
    ["I am away until Monday 9 March.", march2, day("2026-03-10")],
    ["Out of office until Monday, March 9", march2, day("2026-03-10")],
    ["I will be back in the office on the 9th of March.", march2, day("2026-03-10")],
    ["back on 12/03/2026", march2, day("2026-03-13")],
    ["until March 3rd, 2026", march2, day("2026-03-04")],
    ["I return on 2026-03-20.", march2, day("2026-03-21")],
    ["I'm away until 2 March", march2, day("2026-03-03")],
    ["returning January 5th", dec20, day("2026-01-06")],
    ["returning on Jan. 5", dec20, day("2026-01-06")],
    ["I'm back on Monday", march2, day("2026-03-10")],
    ["I'll be back tomorrow", march2, day("2026-03-04")],
    ["Out until Friday", friday, day("2026-03-14")],
    ["I am out from 1 March until 10 March", march2, day("2026-03-11")],
    ["I'm back on 5 March. For the conference on 20 March, contact Bob.", march2, day("2026-03-06")],
    ["Away 4 March - 18 March, no access to email.", march2, day("2026-03-19")],
    // German
    ["Ich bin bis zum 5. Januar nicht im Büro.", dec20, day("2026-01-06")],
    ["Ich bin vom 1. bis zum 10. März im Urlaub.", march2, day("2026-03-11")],
    ["Ab dem 16.03.2026 bin ich wieder im Büro.", march2, day("2026-03-17")],
    ["Ich bin bis 12.03. nicht erreichbar.", march2, day("2026-03-13")],
    ["Ich bin bis Freitag nicht im Büro.", march2, day("2026-03-07")],
    ["Abwesend bis 13. Maerz", march2, day("2026-03-14")],
    // French
    ["Je suis absente jusqu'au 5 janvier.", dec20, day("2026-01-06")],
    ["Je suis absent du 1er au 10 mars inclus.", march2, day("2026-03-11")],
    ["De retour le lundi 9 mars.", march2, day("2026-03-10")],
    // Spanish
    ["Estaré de vacaciones hasta el 15 de marzo.", march2, day("2026-03-16")],
    ["Regreso el 20 de marzo de 2026.", march2, day("2026-03-21")],
    // Dutch
    ["Ik ben afwezig tot en met vrijdag 6 maart.", march2, day("2026-03-07")],
    // Italian
    ["Sono fuori ufficio fino al 10 marzo.", march2, day("2026-03-11")],
    ["Rientro in ufficio lunedì 16 marzo.", march2, day("2026-03-17")],
    // Portuguese
    ["Estou de férias até 12 de março.", march2, day("2026-03-13")],
    ["Estarei ausente até dia 1º de abril.", march2, day("2026-04-02")],
  ])("%s", (text, received, want) => {
    expect(iso(extractReturnDate(text, received))).toBe(want);
  });

  it.each([
    ["I am out of the office.", "no date at all"],
    ["Ich bin bis 12.30 Uhr in einer Besprechung.", "a time, not a date"],
    ["I'll be back in 3-5 days.", "a range of days"],
    ["Call me on +44 20 7946 0958.", "a phone number"],
    ["Back on 2025-12-01.", "a past date with a year"],
    ["I was away until 1 March.", "passed last day: a stale autoresponder, not next year"],
    ["See you on Monday.", "a weekday with no return word"],
    ["Out of office.\n\nOn Mon, 2 Mar 2026 at 09:59, Me wrote:\n> let's talk before 10 March", "quoted text"],
    ["Out of office.\n> back on 10 March", "a > quoted line"],
    ["Ref 12/03 attached.", "a bare 12/03 without a return word"],
  ])("%s → null (%s)", (text) => {
    expect(extractReturnDate(text, march2)).toBeNull();
  });

  it("03/12/2026 and 12/03/2026 both mean 12 March when only that reading is within the cap", () => {
    expect(iso(extractReturnDate("back on 03/12/2026", march2))).toBe(day("2026-03-13"));
    expect(iso(extractReturnDate("back on 12/03/2026", march2))).toBe(day("2026-03-13"));
  });

  it("a truly ambiguous 03/04/2026 is day-first unless the zone or the caller says month-first", () => {
    expect(iso(extractReturnDate("back on 03/04/2026", march2))).toBe(day("2026-04-04"));
    expect(iso(extractReturnDate("back on 03/04/2026", march2, { dateOrder: "MDY" }))).toBe(
      day("2026-03-05"),
    );
    expect(iso(extractReturnDate("back on 03/04/2026", march2, "America/New_York"))).toBe(
      "2026-03-05T05:00:00.000Z",
    );
    expect(iso(extractReturnDate("back on 03/04/2026", march2, "Europe/London"))).toBe(
      "2026-04-03T23:00:00.000Z",
    );
  });

  it("day boundaries follow the sender's zone", () => {
    expect(iso(extractReturnDate("back on 9 March", march2, "Europe/Berlin"))).toBe(
      "2026-03-09T23:00:00.000Z",
    );
    expect(iso(extractReturnDate("back on 9 March", march2, "Not/AZone"))).toBe(day("2026-03-10"));
  });

  it("caps far-away returns at maxPauseDays after receipt", () => {
    const capped = march2 + 60 * 86_400_000;
    expect(extractReturnDate("On parental leave until 1 September 2026.", march2)).toBe(capped);
    expect(extractReturnDate("returning January 5th", march2)).toBe(capped);
    expect(extractReturnDate("back on 20 March", march2, { maxPauseDays: 10 })).toBe(
      march2 + 10 * 86_400_000,
    );
  });

  it("knows which zones write month first", () => {
    expect(
      ["America/Chicago", "America/Indiana/Indianapolis", "US/Pacific", "Asia/Manila"].map(dateOrderForZone),
    ).toEqual(["MDY", "MDY", "MDY", "MDY"]);
    expect(
      ["America/Sao_Paulo", "America/Mexico_City", "Europe/Paris", undefined].map(dateOrderForZone),
    ).toEqual(["DMY", "DMY", "DMY", "DMY"]);
  });

  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];

  it("property: any written date 0–59 days ahead ends the pause at the next midnight", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2020-01-01"), max: Date.parse("2035-01-01") }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom("en", "iso", "de"),
        (received, ahead, style) => {
          const d = new Date(Math.floor(received / 86_400_000) * 86_400_000 + ahead * 86_400_000);
          const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
          const text =
            style === "en"
              ? `I am back on ${dd} ${months[m]} ${y}.`
              : style === "iso"
                ? `Back on ${y}-${String(m + 1).padStart(2, "0")}-${String(dd).padStart(2, "0")}.`
                : `Ich bin bis ${dd}.${m + 1}.${y} nicht im Büro.`;
          expect(extractReturnDate(text, received)).toBe(d.getTime() + 86_400_000);
        },
      ),
    );
  });

  it("property: whatever the text, the result is null or within (receivedAt, receivedAt + cap]", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 4e12 }), (text, received) => {
        const r = extractReturnDate(`back on ${text}`, received);
        if (r !== null) {
          expect(r).toBeGreaterThan(received);
          expect(r).toBeLessThanOrEqual(received + 60 * 86_400_000);
        }
      }),
    );
  });
});
