import { createWriteStream } from "node:fs";

/** Writes an N-row, 7-column lead CSV shaped like a Sales Navigator/Apollo export (deterministic). */
export async function generateLeadsCsv(file: string, rows: number, opts: { duplicateEvery?: number } = {}) {
  const first = [
    "Ada",
    "Grace",
    "Alan",
    "Katherine",
    "Linus",
    "Barbara",
    "Edsger",
    "Frances",
    "Donald",
    "Radia",
    "José",
    "Zoë",
  ];
  const last = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Torvalds",
    "Liskov",
    "Dijkstra",
    "Allen",
    "Knuth",
    "Perlman",
    "García",
    "Łukasiewicz",
  ];
  const cities = [
    "London, United Kingdom",
    "Berlin, Germany",
    "San Francisco, California",
    "New York, NY",
    "Paris, France",
    "Sydney, Australia",
    "Toronto, Canada",
    "Bangalore, India",
  ];
  const titles = [
    "CTO",
    "VP Sales",
    "Head of Growth",
    "Founder & CEO",
    "Marketing Manager",
    "Engineering Lead",
  ];
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write("First Name,Last Name,Email,Company,Title,Person Linkedin Url,Location\n");
  let buf = "";
  for (let i = 0; i < rows; i++) {
    const n = opts.duplicateEvery && i > 0 && i % opts.duplicateEvery === 0 ? i - 1 : i;
    const f = first[n % first.length]!;
    const l = last[(n >> 3) % last.length]!;
    const company = `Company ${n % 50000}`;
    buf += `${f},${l},${f.toLowerCase()}.${n}@company${n % 50000}.com,${company},${titles[n % titles.length]},https://www.linkedin.com/in/${f.toLowerCase()}-${l.toLowerCase()}-${n},"${cities[n % cities.length]}"\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n] = process.argv.slice(2);
  await generateLeadsCsv(file ?? "bench/out/leads.csv", Number(n ?? 1_000_000));
}
