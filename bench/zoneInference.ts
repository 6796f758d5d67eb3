// The cost of zone inference's lazily loaded data: RSS and time of the first call (which loads the
// gazetteer or the phone data) and of later calls. Run: npm run bench bench/zoneInference.ts
import { leadZone } from "../src/app/zones/leadZone";

const mb = () => Math.round(process.memoryUsage().rss / 1e5) / 10;
const ms = (t: number) => Math.round((performance.now() - t) * 100) / 100;
const ws = "Europe/Paris";
globalThis.gc?.();
const base = mb();
console.log(`idle: rss ${base} MB`);

let t = performance.now();
await leadZone({ location: "Austin, TX" }, ws);
console.log(
  `first location (loads the gazetteer): ${ms(t)} ms, rss +${Math.round((mb() - base) * 10) / 10} MB`,
);
const afterGazetteer = mb();
t = performance.now();
await leadZone({ phone: "+1 415 555 0100" }, ws);
console.log(
  `first phone (loads libphonenumber max + zone map): ${ms(t)} ms, rss +${Math.round((mb() - afterGazetteer) * 10) / 10} MB`,
);

const locations = [
  "Paris, Texas",
  "Perth, Scotland",
  "Kathmandu, Nepal",
  "Berlin, Germany",
  "San Francisco Bay Area",
  "Île-de-France, France",
  "Toronto, ON",
  "Curitiba, PR, Brazil",
];
const n = 10_000;
t = performance.now();
for (let i = 0; i < n; i++) await leadZone({ location: locations[i % locations.length] }, ws);
console.log(`later location calls: ${Math.round((ms(t) / n) * 1000)} µs each (${n})`);
t = performance.now();
for (let i = 0; i < n; i++)
  await leadZone({ phone: `+1 ${200 + (i % 700)} 555 ${String(1000 + i).slice(-4)}` }, ws);
console.log(`later phone calls, ${n} distinct numbers: ${Math.round((ms(t) / n) * 1000)} µs each`);
globalThis.gc?.();
console.log(`after: rss ${mb()} MB (+${Math.round((mb() - base) * 10) / 10} MB over idle)`);
