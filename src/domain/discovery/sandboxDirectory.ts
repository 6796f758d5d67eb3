import type { DiscoveryFilters, Seniority } from "./discoveryFilters";
import { countries, industries, lookupLocation, lookupVocab } from "./discoveryVocabulary";

/*
 * A generated, obviously fake people directory behind the offline "sandbox" provider, so discovery
 * can be tried without any data vendor. Everyone is derived from their index alone (seeded PRNG, no
 * Math.random), so page 3 today is page 3 tomorrow, and company domains use the reserved `.example`
 * TLD so no address can reach a real inbox.
 *
 * The draw is deliberately skewed toward the searches people try first (B2B software, US/UK/DACH,
 * marketing, sales and engineering leaders): with 5,000 people spread evenly, a four-part query such
 * as "heads of marketing at SaaS companies in Germany" would come back empty.
 */

export type DirectoryPerson = {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  seniority: Seniority;
  headline: string;
  company: string;
  companyDomain: string;
  industry: string;
  companySize: number;
  /** "City, Country" */
  location: string;
  country: string;
  /** https://www.linkedin.com/in/<slug>, slug unique, lower-case a-z0-9- */
  linkedinUrl: string;
  email: string | null;
  /** A short "about" line that keyword filters search. */
  keywordsText: string;
};

export const SANDBOX_DIRECTORY_SIZE = 5000;

/* ------------------------------------------------------------ randomness */

/** mulberry32: tiny, fast and good enough for fake data; the same seed always gives the same stream. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Neighbouring indexes are spread over the seed space so person 7 and person 8 look unrelated.
const seeded = (i: number, salt: number) => mulberry32(Math.imul(i + salt, 0x9e3779b1) ^ salt);

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

function weighted<T>(items: readonly { value: T; weight: number }[]): (rng: Rng) => T {
  const total = items.reduce((s, x) => s + x.weight, 0);
  return (rng) => {
    let r = rng() * total;
    for (const x of items) {
      r -= x.weight;
      if (r < 0) return x.value;
    }
    return items[items.length - 1].value;
  };
}

/* ----------------------------------------------------------------- names */

/** Comma-separated words in a template literal: long lists stay compact and readable. */
const listOf = (text: string) => text.split(",").map((w) => w.trim());

const firstNames = listOf(`
  Emma, Liam, Olivia, Noah, Sophie, Lukas, Anna, Jonas, Léa, Hugo, Chloé, Louis, Giulia, Marco, Sofia,
  Alejandro, Lucía, Mateo, Inês, João, Ana, Pedro, Camila, Diego, Freya, Oskar, Ingrid, Søren, Astrid,
  Mikko, Aino, Björn, Sanne, Daan, Fleur, Pieter, Aoife, Cian, Siobhán, Łukasz, Zofia, Tomáš, Petra,
  Andrei, Elena, Nikos, Maria, Priya, Arjun, Ananya, Rohan, Mei, Wei, Jia, Hiroshi, Yuki, Haruto,
  Min-jun, Seo-yeon, Omar, Layla, Yusuf, Amira, Noa, Eitan, Tamar, Chinedu, Amara, Kwame, Zanele,
  Thabo, Isabella, James, Grace, Ethan, Ava, Daniel, Zoë, Samuel, Maya, Lucas, Nora, Felix
`);

const lastNames = listOf(`
  Smith, Johnson, Brown, Taylor, Walker, Clarke, Murphy, O'Brien, Kelly, Müller, Schmidt, Schneider,
  Fischer, Weber, Wagner, Becker, Hoffmann, Dubois, Martin, Bernard, Lefèvre, Moreau, Rossi, Russo,
  Bianchi, Romano, García, Fernández, López, Martínez, Silva, Santos, Oliveira, Costa, de Vries,
  van Dijk, Jansen, Bakker, Peeters, Janssens, Jensen, Nielsen, Hansen, Andersson, Johansson,
  Lindqvist, Virtanen, Korhonen, Nowak, Kowalski, Wiśniewska, Novák, Horváth, Popescu, Papadopoulos,
  Sharma, Patel, Iyer, Reddy, Chen, Wang, Li, Tanaka, Suzuki, Sato, Kim, Park, Haddad, Khalil, Cohen,
  Levi, Okafor, Mensah, Nkosi, Dlamini, Nguyen, Tran, Hernández, Rodríguez, Thompson, Anderson,
  Campbell
`);

/* ------------------------------------------------------------- companies */

// Invented words; combined with the suffixes they give 48 × 12 = 576 distinct companies.
const companyStems = listOf(`
  Northwind, Bluepeak, Copperline, Driftwood, Emberly, Fernhill, Glasswing, Harborlight, Ironbark,
  Juniper Row, Kestrel, Lumenfield, Marrowby, Nimbleforge, Oakhaven, Pinecrest, Quillmark, Redwater,
  Saltmarsh, Tidewell, Umberstone, Vantora, Willowgate, Yarrowby, Zephyrine, Amberlane, Brightmoor,
  Cloudberry, Duskfall, Evergrove, Foxglen, Greywick, Hollowbrook, Indigo Bay, Jadeport, Kindlewood,
  Larkspur, Moonridge, Nettlefield, Orchardine, Palisade, Quarryhill, Rosewick, Silverbirch,
  Thistledown, Upland, Velvetine, Wrenfield
`);
const companySuffixes = listOf(`
  Analytics, Labs, Systems, Group, Cloud, Works, Health, Commerce, Partners, Digital, Technologies, Studio
`);
const COMPANY_COUNT = companyStems.length * companySuffixes.length;

// Share of companies per industry; anything not listed weighs 1.
const industryWeights: Record<string, number> = {
  SaaS: 70,
  Fintech: 16,
  "E-commerce": 12,
  AI: 10,
  Software: 8,
  Cybersecurity: 6,
  Insurance: 6,
  Healthtech: 5,
  "Marketing agencies": 5,
  Martech: 4,
  Consulting: 4,
  Logistics: 3,
  "Financial services": 3,
  Banking: 3,
  Healthcare: 3,
  Manufacturing: 3,
  Retail: 3,
  Recruiting: 3,
  "Real estate": 2,
  Edtech: 2,
  "HR tech": 2,
  "Developer tools": 2,
};
const drawIndustry = weighted(
  industries.map((i) => ({ value: i.name, weight: industryWeights[i.name] ?? 1 })),
);

// Share of headquarters per country; anything not listed weighs 1.
const countryWeights: Record<string, number> = {
  "United States": 28,
  Germany: 20,
  "United Kingdom": 16,
  France: 5,
  Netherlands: 5,
  Canada: 4,
  Sweden: 3,
  Switzerland: 3,
  Austria: 3,
  Spain: 3,
  Ireland: 2,
  Denmark: 2,
  Norway: 2,
  Finland: 2,
  Israel: 2,
  Australia: 2,
  India: 2,
  Singapore: 2,
  Poland: 2,
};
const drawCountry = weighted(countries.map((c) => ({ value: c, weight: countryWeights[c.name] ?? 1 })));
/** The first cities listed are the hubs, so they get more people. */
const cityDraws = new Map(
  countries.map((c) => [c.name, weighted(c.cities.map((value, i) => ({ value, weight: i < 2 ? 3 : 1 })))]),
);
const drawCity = (rng: Rng, country: string) => cityDraws.get(country)!(rng);

const LOG_MIN = Math.log(2);
const LOG_MAX = Math.log(20000);

type Company = {
  name: string;
  domain: string;
  industry: string;
  size: number;
  country: string;
  city: string;
};

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function makeCompany(c: number): Company {
  const rng = seeded(c, 0x51f15e);
  const name = `${companyStems[Math.floor(c / companySuffixes.length)]} ${companySuffixes[c % companySuffixes.length]}`;
  const country = drawCountry(rng);
  return {
    name,
    domain: `${slugify(name)}.example`,
    industry: drawIndustry(rng),
    // Log-uniform: as many 2–20 person shops as 2,000–20,000 person enterprises.
    size: Math.round(Math.exp(LOG_MIN + rng() * (LOG_MAX - LOG_MIN))),
    country: country.name,
    city: drawCity(rng, country.name),
  };
}

let companyCache: Company[] | undefined;
const company = (c: number) =>
  (companyCache ??= Array.from({ length: COMPANY_COUNT }, (_, i) => makeCompany(i)))[c];

/* ---------------------------------------------------------------- titles */

type Level = Exclude<Seniority, "owner">;
type Department = {
  weight: number;
  titles: Record<Level, string[]>;
  focus: string[];
  tools: string[];
  hires: string[];
};

const departmentsByWeight: Department[] = [
  {
    weight: 25,
    titles: {
      c_level: ["CMO", "Chief Marketing Officer"],
      vp: ["VP of Marketing", "VP of Growth Marketing"],
      director: ["Director of Marketing", "Marketing Director", "Director of Demand Generation"],
      head: [
        "Head of Marketing",
        "Head of Product Marketing",
        "Head of Marketing & Growth",
        "Head of Growth Marketing",
      ],
      manager: [
        "Marketing Manager",
        "Product Marketing Manager",
        "Content Marketing Manager",
        "Demand Generation Manager",
      ],
      senior: ["Senior Marketing Manager", "Senior Growth Marketer", "Senior Content Strategist"],
      entry: ["Marketing Coordinator", "Junior Marketing Specialist", "Marketing Associate"],
    },
    focus: [
      "demand generation",
      "product launches",
      "content and SEO",
      "account-based marketing",
      "brand building",
      "paid acquisition",
    ],
    tools: ["HubSpot", "Marketo", "Webflow", "Google Ads", "Semrush", "Canva", "Figma"],
    hires: ["content marketers", "a growth marketer", "a product marketing manager"],
  },
  {
    weight: 22,
    titles: {
      c_level: ["CRO", "Chief Revenue Officer"],
      vp: ["VP of Sales", "VP of Revenue"],
      director: [
        "Sales Director",
        "Director of Sales",
        "Director of Business Development",
        "Director of Partnerships",
      ],
      head: ["Head of Sales", "Head of Sales & Partnerships", "Head of Enterprise Sales"],
      manager: ["Sales Manager", "Account Manager", "Sales Development Manager"],
      senior: ["Senior Account Executive", "Senior Account Manager"],
      entry: ["Sales Development Representative", "Business Development Representative", "Account Executive"],
    },
    focus: [
      "outbound pipeline",
      "enterprise deals",
      "partner channels",
      "new logo acquisition",
      "sales playbooks",
    ],
    tools: ["Salesforce", "HubSpot", "Outreach", "Gong", "LinkedIn Sales Navigator", "Apollo"],
    hires: ["SDRs", "account executives", "a sales manager"],
  },
  {
    weight: 17,
    titles: {
      c_level: ["CTO", "Chief Technology Officer"],
      vp: ["VP of Engineering", "VP of Technology"],
      director: ["Director of Engineering", "Engineering Director"],
      head: ["Head of Engineering", "Head of Platform Engineering", "Head of Engineering & Infrastructure"],
      manager: ["Engineering Manager", "Software Engineering Manager"],
      senior: [
        "Senior Software Engineer",
        "Senior Backend Engineer",
        "Staff Engineer",
        "Senior Frontend Engineer",
      ],
      entry: ["Software Engineer", "Junior Software Engineer", "Graduate Engineer"],
    },
    focus: [
      "platform reliability",
      "developer experience",
      "cloud migration",
      "API design",
      "scaling the backend",
    ],
    tools: ["AWS", "Kubernetes", "TypeScript", "Go", "Python", "Terraform", "GitHub"],
    hires: ["backend engineers", "a platform engineer", "frontend engineers"],
  },
  {
    weight: 9,
    titles: {
      c_level: ["CPO", "Chief Product Officer"],
      vp: ["VP of Product"],
      director: ["Director of Product", "Product Director"],
      head: ["Head of Product", "Head of Product Management"],
      manager: ["Product Manager", "Group Product Manager", "Technical Product Manager"],
      senior: ["Senior Product Manager", "Senior Product Owner"],
      entry: ["Associate Product Manager", "Junior Product Analyst"],
    },
    focus: ["product discovery", "roadmapping", "onboarding flows", "pricing and packaging", "user research"],
    tools: ["Figma", "Jira", "Linear", "Amplitude", "Mixpanel", "Notion"],
    hires: ["a product manager", "a product designer"],
  },
  {
    weight: 5,
    titles: {
      c_level: ["COO", "Chief Operating Officer"],
      vp: ["VP of Operations"],
      director: ["Director of Operations", "Operations Director"],
      head: ["Head of Operations", "Head of Business Operations"],
      manager: ["Operations Manager", "Revenue Operations Manager"],
      senior: ["Senior Operations Analyst"],
      entry: ["Operations Associate", "Operations Coordinator"],
    },
    focus: ["process automation", "revenue operations", "vendor management", "planning cycles"],
    tools: ["Notion", "Airtable", "Zapier", "Salesforce", "Asana"],
    hires: ["an operations analyst", "a RevOps manager"],
  },
  {
    weight: 5,
    titles: {
      c_level: ["CFO", "Chief Financial Officer"],
      vp: ["VP of Finance"],
      director: ["Finance Director", "Director of Finance"],
      head: ["Head of Finance"],
      manager: ["Finance Manager", "Controller"],
      senior: ["Senior Financial Analyst", "Senior Accountant"],
      entry: ["Financial Analyst", "Junior Accountant"],
    },
    focus: ["fundraising", "FP&A", "billing and collections", "audit readiness"],
    tools: ["NetSuite", "Excel", "Stripe", "Xero", "Pigment"],
    hires: ["a financial analyst", "an accountant"],
  },
  {
    weight: 5,
    titles: {
      c_level: ["CHRO", "Chief People Officer"],
      vp: ["VP of People"],
      director: ["HR Director", "Director of Talent"],
      head: ["Head of People", "Head of HR", "Head of Talent Acquisition"],
      manager: ["HR Manager", "Talent Acquisition Manager", "People Operations Manager"],
      senior: ["Senior Recruiter", "Senior HR Business Partner"],
      entry: ["Recruiter", "HR Coordinator", "Talent Sourcer"],
    },
    focus: ["hiring plans", "employer branding", "performance reviews", "remote culture"],
    tools: ["Workday", "Greenhouse", "Personio", "Lattice", "BambooHR"],
    hires: ["recruiters", "a people partner"],
  },
  {
    weight: 6,
    titles: {
      c_level: ["CCO", "Chief Customer Officer"],
      vp: ["VP of Customer Success"],
      director: ["Director of Customer Success", "Customer Success Director"],
      head: ["Head of Customer Success", "Head of Support"],
      manager: ["Customer Success Manager", "Support Manager"],
      senior: ["Senior Customer Success Manager", "Senior Support Engineer"],
      entry: ["Customer Support Specialist", "Customer Success Associate"],
    },
    focus: ["retention and expansion", "onboarding", "support quality", "churn reduction"],
    tools: ["Zendesk", "Intercom", "Gainsight", "HubSpot", "Vitally"],
    hires: ["customer success managers", "support specialists"],
  },
  {
    weight: 4,
    titles: {
      c_level: ["CDO", "Chief Data Officer"],
      vp: ["VP of Data"],
      director: ["Director of Data Science", "Director of Analytics"],
      head: ["Head of Data", "Head of Analytics"],
      manager: ["Data Science Manager", "Analytics Manager"],
      senior: ["Senior Data Scientist", "Senior Data Engineer"],
      entry: ["Data Analyst", "Junior Data Scientist"],
    },
    focus: ["self-serve analytics", "forecasting models", "data quality", "experimentation"],
    tools: ["Snowflake", "dbt", "Looker", "Python", "BigQuery"],
    hires: ["data engineers", "an analytics engineer"],
  },
  {
    weight: 3,
    titles: {
      c_level: ["Chief Design Officer"],
      vp: ["VP of Design"],
      director: ["Design Director"],
      head: ["Head of Design"],
      manager: ["Design Manager"],
      senior: ["Senior Product Designer"],
      entry: ["Product Designer", "Junior UX Designer"],
    },
    focus: ["design systems", "usability testing", "brand identity"],
    tools: ["Figma", "Framer", "Maze", "Miro"],
    hires: ["product designers"],
  },
  {
    weight: 3,
    titles: {
      c_level: ["CIO", "CISO", "Chief Information Officer"],
      vp: ["VP of IT"],
      director: ["IT Director", "Director of Security"],
      head: ["Head of IT", "Head of Security"],
      manager: ["IT Manager", "Security Manager"],
      senior: ["Senior Security Engineer", "Senior Systems Administrator"],
      entry: ["IT Support Specialist", "Security Analyst"],
    },
    focus: ["identity and access", "compliance audits", "device management", "incident response"],
    tools: ["Okta", "Jamf", "Microsoft 365", "CrowdStrike", "Vanta"],
    hires: ["a security engineer", "IT support"],
  },
];
const drawDepartment = weighted(departmentsByWeight.map((d) => ({ value: d, weight: d.weight })));

// Skewed toward decision makers: the people outbound usually goes to.
const drawSeniority = weighted<Seniority>([
  { value: "owner", weight: 5 },
  { value: "c_level", weight: 9 },
  { value: "vp", weight: 10 },
  { value: "director", weight: 14 },
  { value: "head", weight: 18 },
  { value: "manager", weight: 20 },
  { value: "senior", weight: 13 },
  { value: "entry", weight: 11 },
]);

const ownerTitles = ["Founder", "Co-founder", "Owner"];
const chiefExecutiveTitles = ["CEO", "Chief Executive Officer", "President"];

/** Extra words some industries bring to an about line, so keyword searches like "Shopify Plus" hit. */
const industryTools: Record<string, string[]> = {
  "E-commerce": ["Shopify Plus", "Shopify", "Klaviyo"],
  Fintech: ["Stripe", "Plaid"],
  SaaS: ["Stripe", "Intercom"],
  AI: ["OpenAI", "PyTorch"],
};

/* ---------------------------------------------------------------- people */

// Name parts for URLs and addresses, worked out once per name rather than once per person.
const slugs = new Map([...firstNames, ...lastNames].map((n) => [n, slugify(n)]));
const emailParts = new Map([...slugs].map(([n, slug]) => [n, slug.replace(/-/g, "")]));

/** The person at `index` in the sandbox directory; the same index always gives the same person. */
export function sandboxPerson(index: number): DirectoryPerson {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`invalid sandbox index ${index}`);
  const rng = seeded(index, 0x5eed);
  const firstName = pick(rng, firstNames);
  const lastName = pick(rng, lastNames);
  const employer = company(Math.floor(rng() * COMPANY_COUNT));
  const department = drawDepartment(rng);
  const seniority = drawSeniority(rng);
  const jobTitle =
    seniority === "owner"
      ? pick(rng, ownerTitles)
      : seniority === "c_level" && rng() < 0.3
        ? pick(rng, chiefExecutiveTitles)
        : pick(rng, department.titles[seniority]);

  // Most people work where the company is based; some are remote elsewhere.
  const remote = rng() < 0.15;
  const home = remote ? drawCountry(rng) : undefined;
  const country = home?.name ?? employer.country;
  const city = home ? drawCity(rng, home.name) : employer.city;

  const tools = [...department.tools, ...(industryTools[employer.industry] ?? [])];
  const firstTool = pick(rng, tools);
  const secondTool = pick(
    rng,
    tools.filter((t) => t !== firstTool),
  );
  const hiring = rng() < 0.15 ? ` Hiring ${pick(rng, department.hires)}.` : "";
  const keywordsText = `Works on ${pick(rng, department.focus)} in ${employer.industry}. Uses ${firstTool} and ${secondTool}.${hiring}`;

  const hasEmail = rng() < 0.7;
  const slug = `${slugs.get(firstName)}-${slugs.get(lastName)}-${index.toString(36)}`;
  return {
    id: `sandbox-${index}`,
    firstName,
    lastName,
    jobTitle,
    seniority,
    headline: `${jobTitle} at ${employer.name}`,
    company: employer.name,
    companyDomain: employer.domain,
    industry: employer.industry,
    companySize: employer.size,
    location: `${city}, ${country}`,
    country,
    linkedinUrl: `https://www.linkedin.com/in/${slug}`,
    email: hasEmail ? `${emailParts.get(firstName)}.${emailParts.get(lastName)}@${employer.domain}` : null,
    keywordsText,
  };
}

let directoryCache: DirectoryPerson[] | undefined;
const directory = () =>
  (directoryCache ??= Array.from({ length: SANDBOX_DIRECTORY_SIZE }, (_, i) => sandboxPerson(i)));

/* -------------------------------------------------------------- matching */

const TITLE_STOP_WORDS = new Set(["of", "the", "and", "for", "at", "in", "a", "an", "to"]);
// Both sides are expanded, so "CTO" finds "Chief Technology Officer" and "VP Sales" finds "Vice President of Sales".
const TITLE_ABBREVIATIONS: Record<string, string> = {
  ceo: "chief executive officer",
  cto: "chief technology officer",
  cfo: "chief financial officer",
  cmo: "chief marketing officer",
  coo: "chief operating officer",
  cro: "chief revenue officer",
  cpo: "chief product officer",
  cio: "chief information officer",
  ciso: "chief information security officer",
  chro: "chief human resources officer",
  cdo: "chief data officer",
  cco: "chief customer officer",
  vp: "vice president",
  vps: "vice president",
  svp: "senior vice president",
  evp: "executive vice president",
  sr: "senior",
  jr: "junior",
  hr: "human resources",
  cofounder: "co founder",
  mgr: "manager",
  pm: "product manager",
  pmm: "product marketing manager",
  sdr: "sales development representative",
  bdr: "business development representative",
  ae: "account executive",
  csm: "customer success manager",
  swe: "software engineer",
  sre: "site reliability engineer",
  ops: "operations",
  eng: "engineering",
  mktg: "marketing",
  bizdev: "business development",
  revops: "revenue operations",
};

/** Plurals are folded on both sides ("sales" → "sale" too), which is harmless because it is symmetric. */
const singular = (w: string) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);

const tokenCache = new Map<string, Set<string>>();
function titleWords(title: string): Set<string> {
  let words = tokenCache.get(title);
  if (!words) {
    words = new Set(
      slugify(title)
        .split("-")
        .filter(Boolean)
        .map(singular)
        .flatMap((w) => (TITLE_ABBREVIATIONS[w] ?? w).split(" "))
        .map(singular)
        .filter((w) => !TITLE_STOP_WORDS.has(w)),
    );
    if (tokenCache.size < 10_000) tokenCache.set(title, words);
  }
  return words;
}

const cityOf = (p: DirectoryPerson) => p.location.slice(0, p.location.lastIndexOf(", "));

function locationTest(term: string): (p: DirectoryPerson) => boolean {
  const known = lookupLocation(term);
  if (known?.kind === "country") return (p) => p.country === known.country.name;
  if (known?.kind === "city") return (p) => p.country === known.city.country && cityOf(p) === known.city.name;
  if (known?.kind === "region") return (p) => known.region.countries.includes(p.country);
  const t = term.trim().toLowerCase();
  return (p) => [cityOf(p), p.country, p.location].some((x) => x.toLowerCase() === t);
}

const haystacks = new WeakMap<DirectoryPerson, string>();
function searchableText(p: DirectoryPerson): string {
  let text = haystacks.get(p);
  if (text === undefined) {
    text = [p.headline, p.keywordsText, p.jobTitle, p.company].join("\n").toLowerCase();
    haystacks.set(p, text);
  }
  return text;
}

/** Prepares the filters once so scanning thousands of people does no repeated parsing. */
function compileFilters(f: DiscoveryFilters): (p: DirectoryPerson) => boolean {
  const titles = f.titles.map((t) => [...titleWords(t)]).filter((words) => words.length > 0);
  const seniority = new Set(f.seniority);
  const industryNames = new Set(
    f.industries.map((i) => (lookupVocab(industries, i)?.name ?? i).trim().toLowerCase()),
  );
  const places = f.locations.map(locationTest);
  const { min, max } = f.companySize;
  const keywords = f.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean);

  return (p) => {
    if (seniority.size && !seniority.has(p.seniority)) return false;
    if (industryNames.size && !industryNames.has(p.industry.toLowerCase())) return false;
    if (min !== null && p.companySize < min) return false;
    if (max !== null && p.companySize > max) return false;
    if (places.length && !places.some((test) => test(p))) return false;
    if (titles.length) {
      const own = titleWords(p.jobTitle);
      if (!titles.some((words) => words.every((w) => own.has(w)))) return false;
    }
    if (keywords.length) {
      const text = searchableText(p);
      if (!keywords.every((k) => text.includes(k))) return false;
    }
    return true;
  };
}

/**
 * Whether a person fits the filters. Within a field any value may match (titles, seniority, industries,
 * locations); every keyword must appear; an empty field does not constrain.
 */
export function matchesFilters(p: DirectoryPerson, f: DiscoveryFilters): boolean {
  return compileFilters(f)(p);
}

/** One page of matching people in directory order, with the total number of matches. */
export function searchSandboxDirectory(
  f: DiscoveryFilters,
  page: { offset: number; limit: number },
): { people: DirectoryPerson[]; total: number } {
  const test = compileFilters(f);
  const matches = directory().filter(test);
  const offset = Number.isFinite(page.offset) ? Math.max(0, Math.floor(page.offset)) : 0;
  const limit = Number.isFinite(page.limit) ? Math.max(0, Math.floor(page.limit)) : 0;
  return { people: matches.slice(offset, offset + limit), total: matches.length };
}
