import { decodeEntities } from "../audit/decodeEntities";
import { siteHost } from "../audit/extractPageFacts";
import { socialNetworkOf } from "../audit/socialNetworkOf";
import { type HtmlToken, tokenizeHtml } from "../audit/tokenizeHtml";

/**
 * Company facts from a lead's website, for personalising outreach. The pages were fetched elsewhere
 * (SSRF-guarded); this module only reads their HTML, with the audit's tolerant tokenizer, and never
 * does I/O or reads the clock (`now` is passed in).
 *
 * Signals are what a message hooks on, so they are only ever taken from the page: a dated post, a
 * visible job title, a careers link. Nothing is guessed; an undated post is not news.
 */

export type SitePage = { url: string; html: string; fetchedAt?: string };

export type SocialKind = "linkedin" | "twitter" | "facebook" | "instagram" | "youtube" | "github" | "tiktok";
export type SocialLink = { kind: SocialKind; url: string };

export type SignalKind = "hiring" | "news" | "funding" | "launch";
/** `date` is the calendar date as the site wrote it (YYYY-MM-DD). */
export type CompanySignal = { kind: SignalKind; text: string; url: string | null; date: string | null };

export type CompanyProfile = {
  name: string | null;
  description: string | null;
  industryHints: string[];
  socialLinks: SocialLink[];
  signals: CompanySignal[];
  emails: string[];
  phones: string[];
};

// ---------------------------------------------------------------------------------------------
// Limits: page HTML is untrusted and may be huge or pathological.

const MAX_PAGE_CHARS = 2 * 1024 * 1024;
const MAX_RECORDS = 2000; // links, headings, times per page
const MAX_DEPTH = 200; // open elements tracked per page
const MAX_CAPTURE = 400; // characters of link/heading text kept
const MAX_LD_NODES = 500;

const DESCRIPTION_MAX = 300;
const NEWS_WINDOW_DAYS = 120;
const FUTURE_TOLERANCE_DAYS = 1;
const MAX_NEWS = 3;
const MAX_FUNDING = 2;
const MAX_LAUNCH = 2;
const MAX_POST_SIGNALS = 4; // so a hiring signal always fits in the 5
const MAX_SIGNALS = 5;
const MAX_INDUSTRY_HINTS = 5;
const MAX_EMAILS = 5;
const MAX_PHONES = 3;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Collapses all whitespace, nbsp included (descriptions and titles are compared as words). */
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function parseUrl(href: string, base: URL | null): URL | null {
  try {
    return base ? new URL(href.trim(), base) : new URL(href.trim());
  } catch {
    return null;
  }
}

/** An absolute, fragment-free http(s) URL, or null. */
function httpUrl(href: string, base: URL | null): URL | null {
  let raw = href.trim();
  const hash = raw.indexOf("#");
  if (hash >= 0) raw = raw.slice(0, hash);
  if (raw === "" || /^(?:mailto|tel|javascript|data|sms):/i.test(raw)) return null;
  const url = parseUrl(raw, base);
  return url && (url.protocol === "http:" || url.protocol === "https:") ? url : null;
}

type UrlCache = Map<string, URL | null>;
const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

/**
 * httpUrl with a cache shared by one extraction: nav and footer links repeat on every page. The
 * key is everything the resolution depends on (nothing, the origin, or the whole base URL).
 */
function cachedHttpUrl(href: string, base: URL | null, cache: UrlCache): URL | null {
  const raw = href.trim();
  const key = ABSOLUTE.test(raw)
    ? raw
    : raw.startsWith("/") && !raw.startsWith("//")
      ? `${base?.origin ?? ""}\u0000${raw}`
      : `${base?.href ?? ""}\u0000${raw}`;
  let url = cache.get(key);
  if (url === undefined) {
    url = httpUrl(raw, base);
    if (cache.size < 50_000) cache.set(key, url);
  }
  return url;
}

/** One key per page: scheme, www., trailing slash and fragment do not matter. */
function urlKey(url: URL): string {
  return `${siteHost(url)}${url.pathname.replace(/\/+$/, "")}${url.search}`;
}

function sameSite(url: URL, site: string | null): boolean {
  return site !== null && siteHost(url) === site;
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  const space = cut.lastIndexOf(" ");
  if (s[max - 1] !== " " && space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.\-–—]+$/, "")}…`;
}

// ---------------------------------------------------------------------------------------------
// Dates: only ISO 8601 forms (what <time datetime>, JSON-LD and Open Graph use). Free-text dates
// ("May 1, 2024") are ambiguous and time-zone dependent, so they are not read.

type PostDate = { day: string; dayNumber: number; instant: number };

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseIsoDate(raw: string | null | undefined): PostDate | null {
  if (!raw) return null;
  const m = ISO_DATE.exec(raw.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const dayNumber = Date.UTC(year, month - 1, day) / DAY_MS;
  if (new Date(dayNumber * DAY_MS).getUTCDate() !== day) return null; // 2024-02-30
  let offsetMinutes = 0;
  const zone = m[7];
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const instant = dayNumber * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
  return { day: `${m[1]}-${m[2]}-${m[3]}`, dayNumber, instant };
}

/**
 * Within the news window: the post's calendar date is at most 120 days before `now`'s (UTC) date
 * and at most 1 day after it. Calendar days, so "120 days ago" means the same thing all day long.
 */
function inNewsWindow(date: PostDate, now: Date): boolean {
  const today = Math.floor(now.getTime() / DAY_MS);
  if (!Number.isFinite(today)) return false;
  const daysAgo = today - date.dayNumber;
  return daysAgo <= NEWS_WINDOW_DAYS && daysAgo >= -FUTURE_TOLERANCE_DAYS;
}

// ---------------------------------------------------------------------------------------------
// URL classification

const POSTS_SECTION = /\/(?:blogs?|news(?:room)?|press(?:-releases?)?|updates)(?=\/|$|[.\-_])/i;
const TAXONOMY = /\/(?:page|category|categories|tags?|topics?|authors?|archives?|feed|rss)(?:\/|$)/i;
const CAREERS_PATH =
  /(?:^|\/)(?:careers?|jobs|karriere|join-us|join-our-team|work-with-us|vacancies|open-positions)(?:\/|$|\.html?$)/i;
const ATS_HOSTS = [
  "greenhouse.io",
  "lever.co",
  "workable.com",
  "ashbyhq.com",
  "recruitee.com",
  "personio.de",
  "personio.com",
  "teamtailor.com",
];

/** A hosted job board (boards.greenhouse.io/acme), not the vendor's own marketing site. */
function isAtsHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return ATS_HOSTS.some((d) => host.endsWith(`.${d}`) && !host.startsWith("www."));
}

function isCareersUrl(url: URL): boolean {
  return CAREERS_PATH.test(url.pathname) || /^(?:careers|jobs)\./i.test(url.hostname) || isAtsHost(url);
}

/** /blog/some-post or /news/2024/05/title: a post below a posts section, not a listing or tag page. */
function isPostUrl(url: URL): boolean {
  const m = POSTS_SECTION.exec(url.pathname);
  if (!m || TAXONOMY.test(url.pathname)) return false;
  const rest = url.pathname.slice(m.index + m[0].length).replace(/^[^/]*/, "");
  return /[^/]/.test(rest.replace(/\/(?:index\.html?)?$/, ""));
}

function isHomeUrl(url: URL): boolean {
  return /^\/(?:index\.(?:html?|php))?$/i.test(url.pathname);
}

// ---------------------------------------------------------------------------------------------
// Social links

const TIKTOK_HOSTS = ["tiktok.com"];
const NOT_A_PROFILE =
  /^\/(?:$|login|signup|embed|plugins|watch|hashtag|search|home|explore|feed|share|sharer)(?:[/.?]|$)|\/share(?:[/?.]|$)/i;

/** A profile link normalised to https, without tracking parameters or a trailing slash; null for share buttons. */
function socialLink(url: URL): SocialLink | null {
  const host = url.hostname.toLowerCase();
  let kind: SocialKind | null = null;
  if (TIKTOK_HOSTS.some((d) => host === d || host.endsWith(`.${d}`))) kind = "tiktok";
  else {
    const network = socialNetworkOf(url);
    if (network) kind = network === "x" ? "twitter" : network;
  }
  if (!kind || host === "youtu.be") return null; // youtu.be links are videos, not the channel
  const path = url.pathname.replace(/\/+$/, "");
  if (NOT_A_PROFILE.test(path === "" ? "/" : path)) return null;
  // Query strings on profile links are tracking (utm_*, fbclid, igshid, s=20, trk=…), except
  // facebook.com/profile.php?id=…, which is the profile itself.
  const id = kind === "facebook" && /profile\.php$/i.test(path) ? url.searchParams.get("id") : null;
  const search = id ? `?id=${encodeURIComponent(id)}` : "";
  return { kind, url: `https://${host}${path}${search}` };
}

// ---------------------------------------------------------------------------------------------
// Contacts

const EMAIL_IN_TEXT =
  /[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;
const EMAIL_EXACT =
  /^[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const SECOND_LEVEL_SUFFIX = new Set([
  "co",
  "com",
  "net",
  "org",
  "gov",
  "edu",
  "ac",
  "or",
  "ne",
  "go",
  "ltd",
  "plc",
]);

/** acme.com, mail.acme.com, and acme.com seen from shop.acme.com — but not co.uk from acme.co.uk. */
function onSiteDomain(email: string, site: string | null): boolean {
  if (site === null) return false;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!/\.[a-z]{2,}$/.test(domain)) return false;
  if (domain === site || domain.endsWith(`.${site}`)) return true;
  const labels = domain.split(".");
  const isSuffix = labels.length === 2 && labels[1].length === 2 && SECOND_LEVEL_SUFFIX.has(labels[0]);
  return !isSuffix && site.endsWith(`.${domain}`);
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function mailtoAddresses(href: string): string[] {
  const body = href
    .trim()
    .replace(/^mailto:/i, "")
    .split("?")[0];
  return safeDecodeUri(body)
    .split(/[,;]/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => EMAIL_EXACT.test(a));
}

/** tel:+1 (555) 010-0199;ext=2 → "+15550100199"; null when it is not a plausible number. */
function telNumber(href: string): string | null {
  const body = safeDecodeUri(href.trim().replace(/^tel:/i, "")).split(/[;?,]/)[0].trim();
  const digits = body.replace(/\D/g, "");
  if (digits.length < 6 || digits.length > 15) return null;
  return `${body.startsWith("+") ? "+" : ""}${digits}`;
}

// ---------------------------------------------------------------------------------------------
// Industry hints: curated keywords, matched as whole words.

const INDUSTRIES: [string, string[]][] = [
  ["saas", ["saas", "software as a service", "software-as-a-service", "b2b software"]],
  ["e-commerce", ["e-commerce", "ecommerce", "online store", "online shop", "webshop", "web shop"]],
  [
    "healthcare",
    [
      "healthcare",
      "health care",
      "healthtech",
      "medical",
      "clinic",
      "clinics",
      "hospital",
      "hospitals",
      "patient",
      "patients",
      "telehealth",
    ],
  ],
  ["fintech", ["fintech", "financial technology", "payments", "banking", "neobank", "lending"]],
  [
    "logistics",
    ["logistics", "freight", "supply chain", "shipping", "warehousing", "fulfillment", "fulfilment", "3pl"],
  ],
  [
    "manufacturing",
    ["manufacturing", "manufacturer", "manufacturers", "factory", "factories", "cnc machining"],
  ],
  [
    "real estate",
    [
      "real estate",
      "realty",
      "realtor",
      "realtors",
      "property management",
      "estate agent",
      "estate agents",
      "proptech",
    ],
  ],
  [
    "education",
    [
      "education",
      "edtech",
      "e-learning",
      "elearning",
      "online courses",
      "tutoring",
      "school",
      "schools",
      "university",
    ],
  ],
  [
    "marketing agency",
    [
      "marketing agency",
      "digital agency",
      "digital marketing agency",
      "seo agency",
      "advertising agency",
      "creative agency",
      "growth agency",
    ],
  ],
  [
    "legal",
    [
      "law firm",
      "legal",
      "attorney",
      "attorneys",
      "lawyer",
      "lawyers",
      "solicitor",
      "solicitors",
      "legaltech",
    ],
  ],
  [
    "construction",
    ["construction", "general contractor", "contractors", "builders", "renovation", "renovations", "roofing"],
  ],
  [
    "hospitality",
    ["hospitality", "hotel", "hotels", "restaurant", "restaurants", "catering", "resort", "resorts"],
  ],
  ["nonprofit", ["nonprofit", "non-profit", "not-for-profit", "charity", "charities", "ngo"]],
  [
    "cybersecurity",
    [
      "cybersecurity",
      "cyber security",
      "infosec",
      "information security",
      "penetration testing",
      "threat detection",
    ],
  ],
  ["ai", ["ai", "artificial intelligence", "machine learning", "llm", "llms", "generative ai"]],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const INDUSTRY_PATTERNS = INDUSTRIES.map(([hint, words]) => ({
  hint,
  // Whole words, Unicode-aware ("AI-powered" has "ai", "Kaiser" does not).
  re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "iu"),
}));

function industryHints(texts: string[]): string[] {
  const text = texts.join(" \n ");
  return INDUSTRY_PATTERNS.map(({ hint, re }) => ({ hint, at: re.exec(text)?.index ?? -1 }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_INDUSTRY_HINTS)
    .map((h) => h.hint);
}

// ---------------------------------------------------------------------------------------------
// Names

const TITLE_SEPARATORS = / +[|\-–—·:»] +| *:: *|: +/;
const GENERIC_TITLE_PARTS = new Set([
  "home",
  "homepage",
  "home page",
  "welcome",
  "index",
  "start",
  "main page",
  "official site",
  "official website",
  "website",
  "blog",
  "news",
  "press",
  "careers",
  "jobs",
  "about",
  "about us",
  "contact",
  "contact us",
  "startseite",
  "accueil",
  "inicio",
]);
const MAX_NAME_CHARS = 60;

const isGenericName = (s: string) => GENERIC_TITLE_PARTS.has(s.toLowerCase());
const alnum = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** "acme" for www.acme.com, getacme.co.uk → "getacme". */
function domainLabel(site: string | null): string | null {
  if (!site) return null;
  const labels = site.split(".");
  if (labels.length < 2) return null;
  const sld = labels[labels.length - 2];
  const i =
    labels.length >= 3 && labels[labels.length - 1].length === 2 && SECOND_LEVEL_SUFFIX.has(sld) ? 3 : 2;
  return labels[labels.length - i] ?? null;
}

function titleParts(title: string): string[] {
  return title
    .split(TITLE_SEPARATORS)
    .map((p) => squash(p.replace(/^welcome to\s+/i, "")))
    .filter((p) => p !== "" && !isGenericName(p) && p.length <= MAX_NAME_CHARS && p.split(" ").length <= 8);
}

/**
 * The brand in "Acme | Home", "Home - Acme", "Project software for teams – Acme": the part that
 * names the domain, else the part most pages' titles share, else the shortest non-generic part.
 */
function nameFromTitles(titles: string[], site: string | null): string | null {
  const all = titles.map(titleParts).filter((p) => p.length > 0);
  if (all.length === 0) return null;
  const first = all[0];
  const label = domainLabel(site);
  if (label && label.length >= 3) {
    const match = first.find((p) => {
      const a = alnum(p);
      return a.length >= 3 && (a.includes(label) || label.includes(a));
    });
    if (match) return match;
  }
  if (first.length === 1) return first[0];
  if (all.length > 1) {
    const shared = first
      .map((p) => ({
        p,
        n: all.filter((parts) => parts.some((q) => q.toLowerCase() === p.toLowerCase())).length,
      }))
      .sort((a, b) => b.n - a.n);
    if (shared[0].n > 1 && (shared.length < 2 || shared[1].n < shared[0].n)) return shared[0].p;
  }
  return first.reduce((best, p) => (p.length < best.length ? p : best));
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

type LdNode = Record<string, unknown>;

function ldTypes(node: LdNode): string[] {
  const t = node["@type"];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === "string")
    .map((x) =>
      x
        .toLowerCase()
        .replace(/^(?:https?:\/\/schema\.org\/|schema:)/, "")
        .trim(),
    );
}

function ldText(v: unknown): string | null {
  if (Array.isArray(v)) return ldText(v[0]);
  if (typeof v === "string") return squash(decodeEntities(v)) || null;
  if (v && typeof v === "object" && typeof (v as LdNode)["@value"] === "string")
    return ldText((v as LdNode)["@value"]);
  return null;
}

function ldUrl(v: unknown): string | null {
  if (Array.isArray(v)) return ldUrl(v[0]);
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as LdNode;
    if (typeof o.url === "string") return o.url;
    if (typeof o["@id"] === "string") return o["@id"];
  }
  return null;
}

/** Every typed node in a JSON-LD document, top-level ones (root, arrays, @graph) marked. */
function ldNodes(doc: unknown): { node: LdNode; top: boolean }[] {
  const out: { node: LdNode; top: boolean }[] = [];
  const visit = (v: unknown, depth: number, top: boolean) => {
    if (out.length >= MAX_LD_NODES || depth > 12 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, top);
      return;
    }
    const o = v as LdNode;
    if (o["@type"] !== undefined) out.push({ node: o, top });
    for (const [k, x] of Object.entries(o)) {
      if (x !== null && typeof x === "object") visit(x, depth + 1, top && k === "@graph");
    }
  };
  visit(doc, 0, true);
  return out;
}

function parseJsonLd(text: string): unknown {
  const body = text
    .trim()
    .replace(/^(?:<!--|<!\[CDATA\[)/, "")
    .replace(/(?:-->|\]\]>)$/, "")
    .trim();
  if (body === "") return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null; // broken JSON-LD is common; the rest of the page still counts
  }
}

const isOrgType = (t: string) =>
  t.endsWith("organization") ||
  t.endsWith("business") ||
  ["corporation", "ngo", "store", "onlinestore", "professionalservice", "legalservice"].includes(t);
const isArticleType = (t: string) =>
  t.endsWith("article") || t === "blogposting" || t === "pressrelease" || t === "socialmediaposting";

// ---------------------------------------------------------------------------------------------
// One pass over a page's tokens

type LinkRec = {
  order: number;
  href: string;
  url: URL | null;
  text: string;
  path: number[];
};
type HeadingRec = {
  order: number;
  level: number;
  text: string;
  path: number[];
  link: URL | null;
  /** Inside <nav>, <footer> or <aside>: a column title like "Legal", not what the company does. */
  chrome: boolean;
};
type TimeRec = { value: string; path: number[] };
type LdArticle = { title: string | null; date: string | null; url: string | null };
type LdJob = { title: string; datePosted: string | null; validThrough: string | null; url: string | null };

type PageScan = {
  url: URL | null;
  title: string | null;
  metaDescription: string | null;
  ogDescription: string | null;
  ogSiteName: string | null;
  ogTitle: string | null;
  ogType: string | null;
  publishedTime: string | null;
  orgNames: string[];
  orgDescriptions: string[];
  /** Profile links in page order, the first of each kind. */
  social: SocialLink[];
  links: LinkRec[];
  headings: HeadingRec[];
  times: TimeRec[];
  articles: { id: number; path: number[] }[];
  ldArticles: LdArticle[];
  ldJobs: LdJob[];
  textEmails: string[];
  noOpenings: boolean;
};

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "keygen",
]);
const RAW = new Set([
  "script",
  "style",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "title",
  "textarea",
]);
/** Elements whose text runs into the neighbouring text without a space. */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "dfn",
  "em",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
  "font",
]);
const CLOSES_P = new Set([
  "p",
  "div",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "article",
  "section",
  "header",
  "footer",
  "table",
  "blockquote",
  "nav",
  "main",
  "aside",
]);
/** 1–6 for h1–h6, else 0. */
function headingLevel(name: string): number {
  if (name.length !== 2 || name[0] !== "h") return 0;
  const level = name.charCodeAt(1) - 48;
  return level >= 1 && level <= 6 ? level : 0;
}
const CHROME = new Set(["nav", "footer", "aside"]);
const NO_OPENINGS =
  /\b(?:no (?:current |open )?(?:openings|vacancies|open positions|open roles|positions)|not (?:currently )?hiring|no jobs (?:available|open))\b/i;

/** Everything later steps need from one page, read in a single pass over its tokens. */
function scanPage(page: SitePage, urls: UrlCache): PageScan {
  const html = typeof page.html === "string" ? page.html.slice(0, MAX_PAGE_CHARS) : "";
  const pageUrl = typeof page.url === "string" ? httpUrl(page.url, null) : null;
  const tokens: HtmlToken[] = tokenizeHtml(html);
  const baseTag = tokens.find((t) => t.kind === "start" && t.name === "base" && t.attrs.has("href"));
  const base = (baseTag?.kind === "start" ? parseUrl(baseTag.attrs.get("href")!, pageUrl) : null) ?? pageUrl;
  const careersPage = pageUrl !== null && isCareersUrl(pageUrl);

  const scan: PageScan = {
    url: pageUrl,
    title: null,
    metaDescription: null,
    ogDescription: null,
    ogSiteName: null,
    ogTitle: null,
    ogType: null,
    publishedTime: null,
    orgNames: [],
    orgDescriptions: [],
    social: [],
    links: [],
    headings: [],
    times: [],
    articles: [],
    ldArticles: [],
    ldJobs: [],
    textEmails: [],
    noOpenings: false,
  };

  const nestedOrgNames: string[] = [];
  const pageSite = pageUrl ? siteHost(pageUrl) : null;
  const addSocial = (url: URL) => {
    if (scan.social.length >= 7) return;
    const link = socialLink(url);
    if (link && !scan.social.some((l) => l.kind === link.kind)) scan.social.push(link);
  };
  // Open elements, as parallel arrays of ids and names (no allocation per element).
  const ids: number[] = [];
  const names: string[] = [];
  let nextId = 1;
  const path = () => ids.slice();
  const truncate = (n: number) => {
    ids.length = n;
    names.length = n;
  };
  let anchor: { rec: LinkRec; buf: string } | null = null;
  let heading: (Omit<HeadingRec, "text"> & { buf: string }) | null = null;
  let timeCapture: { buf: string; path: number[] } | null = null;

  const closeAnchor = () => {
    if (!anchor) return;
    anchor.rec.text = squash(anchor.buf);
    anchor = null;
  };
  const closeHeading = () => {
    if (!heading) return;
    if (scan.headings.length < MAX_RECORDS) {
      const { order, level, path: p, link, chrome } = heading;
      scan.headings.push({ order, level, text: squash(heading.buf), path: p, link, chrome });
    }
    heading = null;
  };
  const closeTime = () => {
    if (!timeCapture) return;
    const value = squash(timeCapture.buf);
    if (value !== "" && scan.times.length < MAX_RECORDS) scan.times.push({ value, path: timeCapture.path });
    timeCapture = null;
  };
  const addText = (s: string) => {
    if (anchor && anchor.buf.length < MAX_CAPTURE) anchor.buf += s.slice(0, MAX_CAPTURE);
    if (heading && heading.buf.length < MAX_CAPTURE) heading.buf += s.slice(0, MAX_CAPTURE);
    if (timeCapture && timeCapture.buf.length < MAX_CAPTURE) timeCapture.buf += s.slice(0, MAX_CAPTURE);
  };
  const popTo = (name: string, stops: string[]) => {
    for (let i = names.length - 1; i >= 0; i--) {
      if (names[i] === name) {
        truncate(i);
        return;
      }
      if (stops.includes(names[i])) return;
    }
  };
  const open = (name: string) => {
    if (names[names.length - 1] === "p" && CLOSES_P.has(name)) truncate(names.length - 1);
    if (name === "li") popTo("li", ["ul", "ol", "menu"]);
    else if (name === "tr") popTo("tr", ["table", "tbody", "thead", "tfoot"]);
    else if (name === "td" || name === "th") {
      popTo("td", ["tr", "table"]);
      popTo("th", ["tr", "table"]);
    } else if (name === "a") popTo("a", []);
    if (ids.length < MAX_DEPTH) {
      ids.push(nextId++);
      names.push(name);
    }
    return ids.length > 0 ? ids[ids.length - 1] : 0;
  };

  const readJsonLd = (text: string) => {
    for (const { node, top } of ldNodes(parseJsonLd(text))) {
      const types = ldTypes(node);
      if (types.some(isOrgType)) {
        const name = ldText(node.name);
        if (name) (top ? scan.orgNames : nestedOrgNames).push(name);
        // A nested organisation may be someone else (a client, a sponsor, an article's subject):
        // only top-level ones describe the site's owner.
        const description = top ? ldText(node.description) : null;
        if (description) scan.orgDescriptions.push(description);
        const sameAs = !top ? [] : Array.isArray(node.sameAs) ? node.sameAs : [node.sameAs];
        for (const s of sameAs) {
          const url = typeof s === "string" ? httpUrl(s, pageUrl) : null;
          if (url) addSocial(url);
        }
      }
      if (types.some(isArticleType)) {
        scan.ldArticles.push({
          title: ldText(node.headline) ?? ldText(node.name),
          date: ldText(node.datePublished),
          url: ldUrl(node.url) ?? ldUrl(node.mainEntityOfPage),
        });
      }
      if (types.includes("jobposting")) {
        const title = ldText(node.title) ?? ldText(node.name);
        if (title) {
          scan.ldJobs.push({
            title,
            datePosted: ldText(node.datePosted),
            validThrough: ldText(node.validThrough),
            url: ldUrl(node.url),
          });
        }
      }
    }
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === "text") {
      addText(t.text);
      if (t.text.includes("@")) {
        for (const m of t.text.matchAll(EMAIL_IN_TEXT)) {
          if (scan.textEmails.length < 50) scan.textEmails.push(m[0].toLowerCase());
        }
      }
      if (careersPage && !scan.noOpenings && NO_OPENINGS.test(t.text)) scan.noOpenings = true;
      continue;
    }
    if (t.kind === "end") {
      if ((anchor || heading || timeCapture) && !INLINE.has(t.name)) addText(" ");
      if (t.name === "a") closeAnchor();
      else if (headingLevel(t.name)) closeHeading();
      else if (t.name === "time") closeTime();
      popTo(t.name, []);
      continue;
    }
    if (t.foreign) continue;
    const attrs = t.attrs;
    const attr = (name: string) => attrs.get(name) ?? null;
    if ((anchor || heading || timeCapture) && !INLINE.has(t.name)) addText(" ");

    if (RAW.has(t.name)) {
      const body = tokens[k + 1];
      const text = body?.kind === "text" ? body.text : "";
      if (body?.kind === "text") k++;
      if (t.name === "title" && scan.title === null) scan.title = squash(text);
      if (t.name === "script" && /^\s*application\/ld\+json\s*$/i.test(attr("type") ?? "")) readJsonLd(text);
      continue;
    }

    const level = headingLevel(t.name);
    switch (t.name) {
      case "meta": {
        const key = (attr("property") ?? attr("name") ?? "").trim().toLowerCase();
        const itemprop = (attr("itemprop") ?? "").trim().toLowerCase();
        const content = attr("content");
        if (content === null) break;
        if (key === "description") scan.metaDescription ??= squash(content);
        else if (key === "og:description") scan.ogDescription ??= squash(content);
        else if (key === "og:site_name") scan.ogSiteName ??= squash(content);
        else if (key === "og:title") scan.ogTitle ??= squash(content);
        else if (key === "og:type") scan.ogType ??= squash(content).toLowerCase();
        else if (key === "article:published_time") scan.publishedTime ??= content.trim();
        if (itemprop === "datepublished" && scan.times.length < MAX_RECORDS) {
          scan.times.push({ value: content.trim(), path: path() });
        }
        break;
      }
      case "img": {
        const alt = attr("alt");
        if (alt) addText(` ${alt} `);
        break;
      }
      case "a": {
        closeAnchor();
        const href = attr("href");
        const order = k;
        const rec: LinkRec = {
          order,
          href: href ?? "",
          url: href === null ? null : cachedHttpUrl(href, base, urls),
          text: "",
          path: path(),
        };
        open("a");
        if (href !== null && scan.links.length < MAX_RECORDS) {
          scan.links.push(rec);
          if (heading) heading.link ??= rec.url;
          if (rec.url && !sameSite(rec.url, pageSite)) addSocial(rec.url);
        }
        anchor = { rec, buf: "" };
        break;
      }
      case "time": {
        closeTime();
        const datetime = attr("datetime");
        if (datetime !== null) {
          if (scan.times.length < MAX_RECORDS) scan.times.push({ value: datetime.trim(), path: path() });
        } else if (!t.selfClosing) {
          timeCapture = { buf: "", path: path() };
        }
        if (!t.selfClosing) open("time");
        break;
      }
      default: {
        if (level) {
          closeHeading();
          if (headingLevel(names[names.length - 1] ?? "")) truncate(names.length - 1);
          heading = {
            order: k,
            level,
            buf: "",
            path: path(),
            link: anchor?.rec.url ?? null,
            chrome: names.some((n) => CHROME.has(n)),
          };
        }
        if (VOID.has(t.name) || t.selfClosing) break;
        const parents = t.name === "article" ? path() : [];
        const id = open(t.name);
        if (
          t.name === "article" &&
          scan.articles.length < MAX_RECORDS &&
          parents[parents.length - 1] !== id
        ) {
          scan.articles.push({ id, path: parents });
        }
      }
    }
  }
  closeAnchor();
  closeHeading();
  closeTime();
  scan.orgNames.push(...nestedOrgNames);
  return scan;
}

// ---------------------------------------------------------------------------------------------
// Posts (news, funding, launch)

type Post = { title: string; url: string | null; date: PostDate; order: number };

const GENERIC_LINK_TEXT =
  /^(?:read more|continue reading|learn more|read|more|read article|read the post|read post|read story|view|view post|details|see more)?[^\p{L}\p{N}]*$/iu;
const MAX_POST_TITLE = 200;
const MAX_PAIRING = 300; // post links and dates paired per page

function cleanPostTitle(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = squash(s);
  if (t.length < 3 || GENERIC_LINK_TEXT.test(t)) return null;
  return cutAtWord(t, MAX_POST_TITLE);
}

function firstDate(times: TimeRec[]): PostDate | null {
  for (const t of times) {
    const d = parseIsoDate(t.value);
    if (d) return d;
  }
  return null;
}

function postsFromPage(scan: PageScan, site: string | null): Post[] {
  const posts: Post[] = [];
  const page = scan.url;
  const pageIsPost =
    page !== null && (isPostUrl(page) || scan.ogType === "article" || scan.publishedTime !== null);
  const pageIsListing = page !== null && POSTS_SECTION.test(page.pathname);
  const firstH1 = scan.headings.find((h) => h.level === 1)?.text ?? null;

  // The page itself as a post: its date from article:published_time or its own JSON-LD article.
  const ownLd = scan.ldArticles.find((a) => {
    if (a.url === null) return scan.ldArticles.length === 1;
    const u = page ? httpUrl(a.url, page) : null;
    return u !== null && page !== null && urlKey(u) === urlKey(page);
  });
  const pageDate = parseIsoDate(scan.publishedTime) ?? parseIsoDate(ownLd?.date);
  if (pageIsPost && page && pageDate) {
    const title =
      cleanPostTitle(ownLd?.title) ??
      cleanPostTitle(firstH1) ??
      cleanPostTitle(scan.ogTitle) ??
      cleanPostTitle(scan.title?.split(TITLE_SEPARATORS)[0]);
    if (title) posts.push({ title, url: page.href, date: pageDate, order: 0 });
  }

  // JSON-LD articles listed on the page (Blog.blogPost, ItemList…).
  for (const a of scan.ldArticles) {
    const date = parseIsoDate(a.date);
    const title = cleanPostTitle(a.title);
    if (!date || !title) continue;
    const url = a.url ? httpUrl(a.url, page) : a === ownLd && pageIsPost ? page : null;
    posts.push({ title, url: url?.href ?? null, date, order: 1 });
  }

  // <article> elements: a title (heading, else link text), a date (<time>, microdata) and a link.
  // Only outermost articles: comments and related posts inside a post are not posts of their own.
  const articleIds = new Set(scan.articles.map((a) => a.id));
  const inArticle = (p: number[]) => p.some((id) => articleIds.has(id));
  const outer = scan.articles.filter((a) => !inArticle(a.path));
  const buckets = new Map(
    outer.map((a) => [
      a.id,
      { headings: [] as HeadingRec[], links: [] as LinkRec[], times: [] as TimeRec[] },
    ]),
  );
  const bucketOf = (p: number[]) => {
    for (const id of p) {
      const bucket = buckets.get(id);
      if (bucket) return bucket;
    }
    return undefined;
  };
  for (const h of scan.headings) if (h.level <= 4) bucketOf(h.path)?.headings.push(h);
  for (const l of scan.links) if (l.url && !TAXONOMY.test(l.url.pathname)) bucketOf(l.path)?.links.push(l);
  for (const t of scan.times) bucketOf(t.path)?.times.push(t);
  for (const { id } of outer) {
    const { headings, links, times } = buckets.get(id)!;
    const isMain = headings.some((h) => h.level === 1);
    const date = firstDate(times) ?? (isMain ? pageDate : null);
    if (!date) continue;
    const heading = headings[0];
    const title =
      cleanPostTitle(heading?.text) ??
      links.map((l) => cleanPostTitle(l.text)).find((t): t is string => t !== null) ??
      null;
    if (!title) continue;
    const url =
      heading?.link ??
      (isMain ? page : null) ??
      links.find((l) => cleanPostTitle(l.text) !== null)?.url ??
      links[0]?.url ??
      (pageIsPost ? page : null);
    posts.push({ title, url: url?.href ?? null, date, order: 2 + id });
  }

  // Post lists without <article>: pair each post link with the <time> in the smallest element
  // ("card") that holds both and links to no other post.
  const pageKey = page ? urlKey(page) : null;
  const candidates: { link: LinkRec; url: URL; key: string }[] = [];
  for (const l of scan.links) {
    if (candidates.length >= MAX_PAIRING) break;
    const url = l.url;
    if (url === null || inArticle(l.path) || !sameSite(url, site) || TAXONOMY.test(url.pathname)) continue;
    if (!isPostUrl(url) && !(pageIsListing && !isHomeUrl(url) && !POSTS_SECTION.test(url.pathname))) continue;
    const key = urlKey(url);
    if (key !== pageKey) candidates.push({ link: l, url, key });
  }
  if (candidates.length === 0) return posts;
  // For every element holding a candidate link: the one post URL it links to, or null for several.
  const urlIn = new Map<number, string | null>();
  for (const { link, key } of candidates) {
    for (const id of link.path) {
      const seen = urlIn.get(id);
      if (seen === undefined) urlIn.set(id, key);
      else if (seen !== key) urlIn.set(id, null);
    }
  }
  const holdsH1 = new Set(scan.headings.filter((h) => h.level === 1).flatMap((h) => h.path));
  // Each date belongs to the smallest element around it that links to a post: if that element
  // links to exactly one post (and is not the page's main content, which holds the h1), that
  // element is the post's card. A post keeps the date of its smallest card.
  const cards = new Map<string, { card: number; depth: number; date: PostDate }>();
  for (const t of scan.times.slice(0, MAX_PAIRING)) {
    if (inArticle(t.path)) continue;
    let depth = t.path.length - 1;
    while (depth >= 0 && !urlIn.has(t.path[depth])) depth--;
    if (depth < 0) continue;
    const card = t.path[depth];
    const key = urlIn.get(card);
    if (!key || holdsH1.has(card)) continue;
    const date = parseIsoDate(t.value);
    const known = cards.get(key);
    if (date && (!known || depth > known.depth)) cards.set(key, { card, depth, date });
  }
  if (cards.size === 0) return posts;
  const firstHeadingIn = new Map<number, string>();
  for (const h of scan.headings) {
    const title = h.level <= 4 ? cleanPostTitle(h.text) : null;
    if (title) for (const id of h.path) if (!firstHeadingIn.has(id)) firstHeadingIn.set(id, title);
  }
  for (const { link, url, key } of candidates) {
    const found = cards.get(key);
    if (!found) continue;
    cards.delete(key); // once per post
    const { card, date } = found;
    const title =
      firstHeadingIn.get(card) ??
      candidates
        .filter((c) => c.key === key && c.link.path.includes(card))
        .map((c) => cleanPostTitle(c.link.text))
        .find((t): t is string => t !== null) ??
      null;
    if (title) posts.push({ title, url: url.href, date, order: 10_000 + link.order });
  }
  return posts;
}

const STRONG_FUNDING =
  /\b(?:series [a-e]|seed round|seed funding|pre-seed|funding round|round of funding|new funding|funding from|investment from|venture funding|growth funding)\b/i;
const MONEY_WORD =
  /\b(?:raised?|raises|raising|secures?|secured|closes|closed|funding|investment|financing)\b/i;
/** "$12M", "€3 million", "4.5 million" — a sum with a scale, not "$5 off". */
const AMOUNT =
  /[$€£]\s?\d+(?:[.,]\d+)?\s?(?:k|m|mn|million|bn|billion)\b|\b\d+(?:[.,]\d+)?\s?(?:million|billion|mn|bn)\b/i;
const LAUNCH =
  /\b(?:launch(?:es|ed|ing)?|introducing|announcing|now available|new product|unveil(?:s|ed|ing)?)\b/i;

function postKind(title: string): "funding" | "launch" | "news" {
  if (STRONG_FUNDING.test(title) || (MONEY_WORD.test(title) && AMOUNT.test(title))) return "funding";
  if (LAUNCH.test(title)) return "launch";
  return "news";
}

// ---------------------------------------------------------------------------------------------
// Hiring

/** Phrases that say "we are hiring" wherever they appear in a short link or heading. */
const HIRING_PHRASE =
  /\b(?:we(?:'|’)?re hiring|we are hiring|now hiring|join (?:our|the) team|open (?:positions|roles|jobs|vacancies)|job openings|current openings)\b/i;
/** Words that only count as the whole label: "Careers", "Jobs (4)", "Careers at Acme" — not "Steve Jobs". */
const HIRING_LABEL =
  /^\W*(?:careers?|jobs|vacancies|karriere|work with us)(?:\s+(?:at|@)\s+[^\s].{0,40}|\s*\(\d+\)|\s+page)?\W*$/iu;
const ROLE_AT_END =
  /\b(?:engineer|developer|designer|manager|director|lead|specialist|analyst|scientist|architect|consultant|representative|executive|coordinator|officer|intern|associate|administrator|accountant|recruiter|marketer|writer|copywriter|editor|strategist|technician|nurse|assistant|advisor|adviser|agent|operator|controller|counsel|paralegal|researcher|programmer|tester|owner|sdr|bdr|cto|cfo|coo|cmo|ceo)$/i;
const ROLE_AT_START = /^(?:head|vp|vice president|director|chief) of\b/i;
const NOT_A_TITLE_START =
  /^(?:our|meet|become|talk|contact|about|why|how|what|join|we|you|your|find|hire|book|ask|for|to|a|an|the|with|from|by|as|i|see|view|read|learn|apply)\b/i;

const isHiringText = (text: string) =>
  (text.length <= 60 && HIRING_PHRASE.test(text)) || (text.length <= 60 && HIRING_LABEL.test(text));

/** "Senior Backend Engineer (Remote) – Berlin" looks like a job title; "Lead with empathy" does not. */
function jobTitle(text: string): string | null {
  const t = squash(text);
  if (t.length < 4 || t.length > 100 || /[?!]/.test(t) || NOT_A_TITLE_START.test(t)) return null;
  const core = t
    .split(/\s+[-–—|·]\s+|\s*[,(]/)[0]
    .replace(/\s+(?:i{1,3}|iv|v|[1-5]|sr\.?|jr\.?)$/i, "")
    .trim();
  if (core.split(" ").length > 8 || !(ROLE_AT_END.test(core) || ROLE_AT_START.test(core))) return null;
  return t.length <= 80 ? t : core;
}

function isHiringLink(link: LinkRec): boolean {
  return link.url !== null && (isHiringText(link.text) || isCareersUrl(link.url));
}

function hiring(text: string, url: URL | string | null, date: string | null = null): CompanySignal {
  return { kind: "hiring", text, url: url === null ? null : typeof url === "string" ? url : url.href, date };
}

/**
 * One hiring signal, most specific first: a current JSON-LD JobPosting, a job title on a careers
 * page (or a job link anywhere), then any careers link or heading. A careers page that says there
 * are no openings wins over a "Careers" link in the footer.
 */
function hiringSignal(scans: PageScan[], now: Date): CompanySignal | null {
  const today = Math.floor(now.getTime() / DAY_MS);
  for (const scan of scans) {
    for (const job of scan.ldJobs) {
      const until = parseIsoDate(job.validThrough);
      if (until && (!Number.isFinite(today) || until.dayNumber < today)) continue; // expired
      const url = job.url ? httpUrl(job.url, scan.url) : scan.url;
      const title = jobTitle(job.title) ?? cutAtWord(job.title, 80);
      return hiring(`Hiring: ${title}`, url, parseIsoDate(job.datePosted)?.day ?? null);
    }
  }

  const careers = scans.filter((s) => s.url !== null && isCareersUrl(s.url));
  for (const scan of careers) {
    if (scan.noOpenings) continue;
    const found = [
      ...scan.headings.map((h) => ({ order: h.order, text: h.text, url: h.link })),
      ...scan.links.map((l) => ({ order: l.order, text: l.text, url: l.url })),
    ]
      .sort((a, b) => a.order - b.order)
      .map((c) => ({ title: jobTitle(c.text), url: c.url }))
      .find((c) => c.title !== null);
    if (found) {
      const isSelf = found.url !== null && scan.url !== null && urlKey(found.url) === urlKey(scan.url);
      return hiring(`Hiring: ${found.title}`, found.url && !isSelf ? found.url : scan.url);
    }
  }
  if (careers.some((s) => s.noOpenings)) return null;

  for (const scan of scans) {
    const job = scan.links.find((l) => l.url !== null && isCareersUrl(l.url) && jobTitle(l.text) !== null);
    if (job) return hiring(`Hiring: ${jobTitle(job.text)}`, job.url);
  }
  for (const scan of scans) {
    const link = scan.links.find(isHiringLink);
    if (link) return hiring("They are hiring", link.url);
  }
  for (const scan of scans) {
    const heading = scan.headings.find((h) => isHiringText(h.text));
    if (heading) return hiring("They are hiring", heading.link ?? scan.url);
  }
  return careers.length > 0 ? hiring("They are hiring", careers[0].url) : null;
}

// ---------------------------------------------------------------------------------------------

/** Home page first, then other company pages, careers pages, and blog/news pages last. */
function pageRank(scan: PageScan): number {
  const url = scan.url;
  if (!url) return 4;
  if (isHomeUrl(url)) return 0;
  if (POSTS_SECTION.test(url.pathname)) return 3;
  if (isCareersUrl(url)) return 2;
  return 1;
}

function firstNonEmpty(values: (string | null | undefined)[]): string | null {
  for (const v of values) if (v) return v;
  return null;
}

function pickName(scans: PageScan[], site: string | null): string | null {
  const usable = (s: string | null) => (s && !isGenericName(s) && s.length <= MAX_NAME_CHARS ? s : null);
  const fromOg = firstNonEmpty(scans.map((s) => usable(s.ogSiteName)));
  if (fromOg) return fromOg;
  const fromLd = firstNonEmpty(scans.flatMap((s) => s.orgNames.map(usable)));
  if (fromLd) return fromLd;
  const titles = scans.filter((s) => pageRank(s) < 3).map((s) => s.title ?? "");
  return nameFromTitles(
    titles.filter((t) => t !== ""),
    site,
  );
}

function pickDescription(scans: PageScan[]): string | null {
  const companyPages = scans.filter((s) => pageRank(s) < 3);
  const pool = companyPages.length > 0 ? companyPages : scans;
  const raw = firstNonEmpty(pool.flatMap((s) => [s.metaDescription, s.ogDescription, ...s.orgDescriptions]));
  return raw ? cutAtWord(squash(raw), DESCRIPTION_MAX) : null;
}

function selectSignals(scans: PageScan[], site: string | null, now: Date): CompanySignal[] {
  const posts: Post[] = [];
  const seen = new Set<string>();
  scans.forEach((scan, pageIndex) => {
    for (const post of postsFromPage(scan, site).sort((a, b) => a.order - b.order)) {
      const titleKey = `t:${post.title.toLowerCase()}`;
      const parsed = post.url ? httpUrl(post.url, null) : null;
      const urlKeyed = parsed ? `u:${urlKey(parsed)}` : null;
      if (seen.has(titleKey) || (urlKeyed && seen.has(urlKeyed))) continue;
      seen.add(titleKey);
      if (urlKeyed) seen.add(urlKeyed);
      if (inNewsWindow(post.date, now)) posts.push({ ...post, order: pageIndex * 1e9 + post.order });
    }
  });
  posts.sort((a, b) => b.date.instant - a.date.instant || a.order - b.order);

  const byKind = {
    funding: [] as CompanySignal[],
    launch: [] as CompanySignal[],
    news: [] as CompanySignal[],
  };
  const caps = { funding: MAX_FUNDING, launch: MAX_LAUNCH, news: MAX_NEWS };
  for (const post of posts) {
    const kind = postKind(post.title);
    if (byKind[kind].length < caps[kind]) {
      byKind[kind].push({ kind, text: post.title, url: post.url, date: post.date.day });
    }
  }
  const postSignals = [...byKind.funding, ...byKind.launch, ...byKind.news].slice(0, MAX_POST_SIGNALS);
  const hiring = hiringSignal(scans, now);
  return [...postSignals, ...(hiring ? [hiring] : [])].slice(0, MAX_SIGNALS);
}

export function extractCompanyProfile(pages: SitePage[], now: Date): CompanyProfile {
  const urls: UrlCache = new Map();
  const scans = (Array.isArray(pages) ? pages : [])
    .filter((p): p is SitePage => p !== null && typeof p === "object")
    .map((page) => scanPage(page, urls))
    .map((scan, index) => ({ scan, index }))
    .sort((a, b) => pageRank(a.scan) - pageRank(b.scan) || a.index - b.index)
    .map(({ scan }) => scan);
  const siteUrl = scans.find((s) => s.url !== null)?.url ?? null;
  const site = siteUrl ? siteHost(siteUrl) : null;

  const socialLinks: SocialLink[] = [];
  for (const link of scans.flatMap((s) => s.social)) {
    if (!socialLinks.some((l) => l.kind === link.kind)) socialLinks.push(link);
  }

  const emails: string[] = [];
  const phones: string[] = [];
  for (const scan of scans) {
    const found = [
      ...scan.links.filter((l) => /^\s*mailto:/i.test(l.href)).flatMap((l) => mailtoAddresses(l.href)),
      ...scan.textEmails,
    ];
    for (const email of found) {
      if (emails.length < MAX_EMAILS && !emails.includes(email) && onSiteDomain(email, site))
        emails.push(email);
    }
    for (const link of scan.links) {
      if (!/^\s*tel:/i.test(link.href)) continue;
      const phone = telNumber(link.href);
      if (
        phone &&
        phones.length < MAX_PHONES &&
        !phones.some((p) => p.replace("+", "") === phone.replace("+", ""))
      ) {
        phones.push(phone);
      }
    }
  }

  const companyPages = scans.filter((s) => pageRank(s) < 2);
  const industryPages = companyPages.length > 0 ? companyPages : scans;
  const description = pickDescription(scans);
  const industryTexts = industryPages.flatMap((s) => [
    s.title ?? "",
    s.metaDescription || s.ogDescription || s.orgDescriptions[0] || "",
    ...s.headings.filter((h) => h.level <= 2 && !h.chrome).map((h) => h.text),
  ]);

  return {
    name: pickName(scans, site),
    description,
    industryHints: industryHints(industryTexts),
    socialLinks,
    signals: selectSignals(scans, site, now),
    emails,
    phones,
  };
}
