// Old names some data sets still use (libphonenumber's map among them) for zones the tz database
// has renamed; the runtime accepts both, but one name per zone keeps comparisons honest.
const RENAMED: Record<string, string> = {
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Rangoon": "Asia/Yangon",
  "Africa/Asmera": "Africa/Asmara",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Godthab": "America/Nuuk",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
  "Asia/Choibalsan": "Asia/Ulaanbaatar",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Europe/Kiev": "Europe/Kyiv",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
};

export const canonicalZone = (zone: string) => RENAMED[zone] ?? zone;

/** A zone name as typed ("europe/berlin", "Asia/Calcutta") in its canonical spelling, or null. */
export function canonicalZoneName(raw: string): string | null {
  const s = raw.trim();
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/i.test(s)) return null;
  try {
    return canonicalZone(new Intl.DateTimeFormat("en-US", { timeZone: s }).resolvedOptions().timeZone);
  } catch {
    return null;
  }
}
