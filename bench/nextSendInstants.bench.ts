/**
 * Next-send instants for 1M enrollments across 20 time zones (goal < 2 s): each is the opening of
 * the lead's sending window on the right local day, through the memoised (zone, date) cache.
 *   npx tsx bench/nextSendInstants.bench.ts [count]
 */
import { dueInstant, WindowCache } from "../src/domain/schedule/sendingWindow";

const zones = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "America/Santiago",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Helsinki",
  "Europe/Istanbul",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Australia/Perth",
  "Pacific/Auckland",
  "Africa/Johannesburg",
];
const n = Number(process.argv[2] ?? 1_000_000);
// Deterministic inputs: previous sends spread over two weeks around the March DST changes.
const base = Date.parse("2026-03-02T00:00:00Z");
const prev = new Float64Array(n);
const delay = new Uint8Array(n);
for (let i = 0; i < n; i++) {
  prev[i] = base + ((i * 7919) % (14 * 86_400)) * 1000;
  delay[i] = i % 8;
}
const t0 = performance.now();
const cache = new WindowCache({ start: "09:00", end: "17:00", skipWeekends: true });
let checksum = 0;
for (let i = 0; i < n; i++)
  checksum += dueInstant(prev[i]!, delay[i]!, zones[i % zones.length]!, cache) % 997;
const ms = performance.now() - t0;
console.log(
  `nextSendInstants: ${n} enrollments across ${zones.length} zones in ${ms.toFixed(0)} ms (goal < 2000 ms; checksum ${checksum})`,
);
