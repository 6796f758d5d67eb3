import { emptyFilters, type DiscoveryFilters, type Seniority } from "./discoveryFilters";
import {
  cities,
  countries,
  departments,
  industries,
  lookupVocab,
  regions,
  vocabKey,
  type VocabEntry,
} from "./discoveryVocabulary";

/*
 * Rule-based reading of a plain-language people search, used when no LLM is configured.
 *
 * The text is read in passes, most specific first (quoted phrases, then sizes, titles, places,
 * industries, seniority words). Each pass blanks out what it used so later, looser passes cannot
 * read the same words again: "software engineers" is a title, so "software" must not also become an
 * industry. Results are ordered by where they appeared in the text, then de-duplicated.
 */

// Stands in for consumed characters: not a letter, digit or space, so no pattern can match across it.
const MASK = "\u0001";
const MAX_INPUT = 2000;
const MAX_ITEMS = 20;
const MAX_CHARS = 100;

// Word characters as explicit ranges (Latin, Greek, Cyrillic) rather than \p{L}: a Unicode property class
// makes every pattern costly to compile, and the parser compiles a few dozen large ones.
const WORD_CHARS =
  "0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u1E00-\\u1EFF";
const UPPER = "A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE";
const W = `[${WORD_CHARS}]`;
const START = `(?<!${W})`;
const END = `(?!${W})`;
/** A whole-word pattern, case-insensitive unless flags say otherwise. */
const re = (source: string, flags = "gi") => new RegExp(`${START}${source}${END}`, flags);

const LEADERSHIP: Seniority[] = ["c_level", "vp", "director", "head"];
const DECISION_MAKERS: Seniority[] = ["owner", "c_level", "vp", "director", "head"];

type Hit<T> = { at: number; value: T };

type Found = {
  titles: Hit<string>[];
  seniority: Hit<Seniority>[];
  industries: Hit<string>[];
  locations: Hit<string>[];
  keywords: Hit<string>[];
};

/** The query with consumed spans blanked; positions never shift, so hits keep their text order. */
class Query {
  constructor(public text: string) {}

  /** Runs `re` (global) over the unconsumed text; a match is consumed unless `use` returns false. */
  each(re: RegExp, use: (m: RegExpExecArray) => boolean | void): void {
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (m[0] === "") {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (use(m) === false) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const end = m.index + m[0].length;
      this.text = this.text.slice(0, m.index) + MASK.repeat(m[0].length) + this.text.slice(end);
      re.lastIndex = end;
    }
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A vocabulary phrase as a pattern: a space may be any run of spaces/hyphens, a hyphen is optional. */
function phraseSource(alias: string): string {
  return escapeRe(alias).replace(/[ -]/g, (c) => (c === " " ? "[\\s-]+" : "[\\s-]?"));
}

function alternation(list: VocabEntry[]): string {
  const all = list.flatMap((e) => [...e.aliases, ...(e.exact ?? [])]);
  return `(?:${[...new Set(all)]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .join("|")})`;
}

/** A vocabulary compiled into two patterns (any case, exact case) plus the value each alias stands for. */
type PhraseSet<T> = { loose: RegExp; exact: RegExp; byKey: Map<string, T>; byExact: Map<string, T> };

const NEVER = /(?!)/g;

function phraseSet<T>(entries: { entry: VocabEntry; value: T }[]): PhraseSet<T> {
  const byKey = new Map<string, T>();
  const byExact = new Map<string, T>();
  for (const { entry, value } of entries) {
    for (const a of entry.aliases) if (!byKey.has(vocabKey(a))) byKey.set(vocabKey(a), value);
    for (const a of entry.exact ?? []) if (!byExact.has(a)) byExact.set(a, value);
  }
  // Longest first, so at any position "North America" wins over "North" or "America".
  const source = (aliases: string[]) =>
    aliases
      .sort((a, b) => b.length - a.length)
      .map(phraseSource)
      .join("|");
  const loose = entries.flatMap(({ entry }) => entry.aliases);
  const exact = entries.flatMap(({ entry }) => entry.exact ?? []);
  return {
    // A plain "s" may follow a case-insensitive alias, so plurals need no entry of their own.
    loose: loose.length ? new RegExp(`${START}(${source(loose)})s?${END}`, "gi") : NEVER,
    exact: exact.length ? new RegExp(`${START}(${source(exact)})${END}`, "g") : NEVER,
    byKey,
    byExact,
  };
}

function scanPhrases<T>(q: Query, set: PhraseSet<T>, hit: (at: number, value: T) => void): void {
  q.each(set.loose, (m) => {
    const value = set.byKey.get(vocabKey(m[1]));
    if (value === undefined) return false;
    hit(m.index, value);
  });
  q.each(set.exact, (m) => {
    const value = set.byExact.get(m[1]);
    if (value === undefined) return false;
    hit(m.index, value);
  });
}

/* ---------------------------------------------------------------- keywords */

const QUOTED = /"([^"\n]{1,200})"|“([^”\n]{1,200})”|„([^“”\n]{1,200})[“”]|«([^»\n]{1,200})»/gu;
const HASHTAG = new RegExp(`${START}#([A-Za-z\\u00C0-\\u024F][${WORD_CHARS}_-]*)`, "g");
const KEYWORD_TRIGGER = new RegExp(
  `${START}(?:(?:who|that|which)\\s+(?:(?:also|often|regularly)\\s+)?(?:mention(?:s|ed)?|talk(?:s|ed)?\\s+about|post(?:s|ed)?\\s+about|write(?:s)?\\s+about|wrote\\s+about|use(?:s|d)?|(?:is|are)\\s+using)|mentioning|talking\\s+about|posting\\s+about|writing\\s+about|interested\\s+in|using)${END}`,
  "gi",
);
const PHRASE_WORD = /^[\p{L}\p{N}][\p{L}\p{N}.+#&'’-]*/u;
// Joining and filler words end a phrase: "using Figma in London" is about Figma, not "Figma in London".
const PHRASE_STOP = new Set(
  (
    "and or in at on with who whose that which from based for to as but while located headquartered " +
    "a an the is are was were has have every daily often regularly heavily because since if when where"
  ).split(" "),
);

/** The words after a trigger such as "using": up to five, ending at punctuation or a joining word. */
function phraseAfter(text: string, from: number): { value: string; end: number } | null {
  const words: string[] = [];
  let i = from;
  let end = from;
  while (words.length < 5) {
    const gap = /^[ \t]+/.exec(text.slice(i));
    const j = i + (gap ? gap[0].length : 0);
    if (words.length > 0 && !gap) break;
    const w = PHRASE_WORD.exec(text.slice(j));
    if (!w) break;
    const word = w[0].replace(/[.'’-]+$/u, "");
    if (PHRASE_STOP.has(word.toLowerCase())) break;
    words.push(word);
    i = j + w[0].length;
    end = j + word.length;
    if (word.length !== w[0].length) break; // a trailing full stop ends the phrase
  }
  return words.length ? { value: words.join(" "), end } : null;
}

function readKeywords(q: Query, found: Found): void {
  q.each(QUOTED, (m) => {
    const value = (m[1] ?? m[2] ?? m[3] ?? m[4]).trim().replace(/\s+/g, " ");
    if (value) found.keywords.push({ at: m.index, value });
  });
  q.each(HASHTAG, (m) => void found.keywords.push({ at: m.index, value: m[1] }));
  q.each(KEYWORD_TRIGGER, (m) => {
    const phrase = phraseAfter(q.text, m.index + m[0].length);
    if (!phrase) return false;
    found.keywords.push({ at: m.index, value: phrase.value });
    // Consume the phrase too, so "using HubSpot" does not also make "HubSpot" something else.
    const start = m.index + m[0].length;
    q.text = q.text.slice(0, start) + MASK.repeat(phrase.end - start) + q.text.slice(phrase.end);
  });
}

/* ------------------------------------------------------------ company size */

const NUM = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s?(k)?";
const STAFF =
  "(?:full[\\s-]time\\s+)?(?:employees?|people|persons?|staff|workers|headcount|ftes?|emps?|ppl|team\\s+members)";
const SIZE_RANGE = new RegExp(
  `${START}(?:between\\s+)?${NUM}\\s*(?:-|–|—|to|and)\\s*${NUM}\\s*\\+?\\s*${STAFF}${END}|${START}(?:headcount|company\\s+size|team\\s+size|size)(?:\\s+of)?\\s*:?\\s*${NUM}\\s*(?:-|–|—|to)\\s*${NUM}${END}`,
  "gi",
);
const SIZE_MIN = new RegExp(
  `${START}(?:(?:over|more\\s+than|above|at\\s+least|greater\\s+than|bigger\\s+than|larger\\s+than|minimum(?:\\s+of)?|min\\.?)\\s*|>=?\\s*|≥\\s*)${NUM}\\s*\\+?\\s*${STAFF}${END}|${START}${NUM}\\s*(?:\\+\\s*|or\\s+more\\s+)${STAFF}${END}|${START}${NUM}\\s*${STAFF}\\s*(?:or\\s+more|and\\s+(?:up|above)|plus)${END}`,
  "gi",
);
const SIZE_MAX = new RegExp(
  `${START}(?:(?:under|below|fewer\\s+than|less\\s+than|up\\s+to|at\\s+most|no\\s+more\\s+than|maximum(?:\\s+of)?|max\\.?)\\s*|<=?\\s*|≤\\s*)${NUM}\\s*${STAFF}${END}|${START}${NUM}\\s*(?:or\\s+(?:fewer|less)\\s+)${STAFF}${END}|${START}${NUM}\\s*${STAFF}\\s*or\\s+(?:fewer|less)${END}`,
  "gi",
);

type Bounds = { min: number | null; max: number | null };

// Words that stand for a size band; an explicit number in the same query overrides them.
const SIZE_WORDS: { re: RegExp; bounds: Bounds }[] = [
  {
    re: re(
      "(?:mid[\\s-]?(?:sized?|market)|medium[\\s-]sized?|midsized?)(?:\\s+(?:companies|company|businesses|business|firms|orgs|organi[sz]ations))?",
    ),
    bounds: { min: 51, max: 1000 },
  },
  {
    re: re("(?:smbs?|smes?|small\\s+and\\s+medium(?:[\\s-]sized)?\\s+(?:businesses|enterprises|companies))"),
    bounds: { min: null, max: 250 },
  },
  {
    re: re(
      "(?:start[\\s-]?ups?|early[\\s-]stage|seed[\\s-]stage|small\\s+(?:companies|company|businesses|business|firms|teams))",
    ),
    bounds: { min: null, max: 50 },
  },
  {
    re: re(
      "(?:enterprises?|large\\s+(?:companies|company|enterprises|corporations|organi[sz]ations|businesses|firms)|big\\s+(?:companies|corporations|firms)|corporations|corporates|fortune\\s+500)",
    ),
    bounds: { min: 1000, max: null },
  },
];

function toNumber(digits: string, k: string | undefined): number {
  const n = Number(digits.replace(/,/g, ""));
  return Math.round(k ? n * 1000 : n);
}

function readCompanySize(q: Query): Bounds {
  const stated: Bounds = { min: null, max: null };
  q.each(SIZE_RANGE, (m) => {
    const [a, b] = m[1] !== undefined ? [m.slice(1, 3), m.slice(3, 5)] : [m.slice(5, 7), m.slice(7, 9)];
    stated.min = toNumber(a[0], a[1]);
    stated.max = toNumber(b[0], b[1]);
  });
  q.each(SIZE_MIN, (m) => {
    const i = [1, 3, 5].find((g) => m[g] !== undefined)!;
    stated.min = toNumber(m[i], m[i + 1]);
  });
  q.each(SIZE_MAX, (m) => {
    const i = [1, 3, 5].find((g) => m[g] !== undefined)!;
    stated.max = toNumber(m[i], m[i + 1]);
  });

  // The first band word found wins; later ones are still consumed so nothing else reads them.
  let band: Bounds | undefined;
  for (const w of SIZE_WORDS) q.each(w.re, () => void (band ??= w.bounds));
  band ??= { min: null, max: null };

  const size = { min: stated.min ?? band.min, max: stated.max ?? band.max };
  if (size.min !== null && size.max !== null && size.min > size.max) {
    // A band word contradicting a stated number loses; two contradicting numbers are read as a range.
    if (stated.min !== null && stated.max !== null) return { min: stated.max, max: stated.min };
    return stated.min !== null ? { min: stated.min, max: null } : { min: null, max: stated.max };
  }
  return size;
}

/* ------------------------------------------------------------------ titles */

/** Words that qualify a role noun ("account" managers) without being a department of their own. */
const rolePrefixes: VocabEntry[] = [
  ["Account", "account"],
  ["Key Account", "key account"],
  ["Project", "project"],
  ["Program", "program", "programme"],
  ["Office", "office"],
  ["General", "general"],
  ["Regional", "regional"],
  ["Country", "country"],
  ["Territory", "territory"],
  ["Category", "category"],
  ["Software", "software"],
  ["Frontend", "frontend", "front-end"],
  ["Backend", "backend", "back-end"],
  ["Full-stack", "full-stack", "fullstack"],
  ["Mobile", "mobile"],
  ["Cloud", "cloud"],
  ["Solutions", "solutions"],
  ["Site Reliability", "site reliability"],
  ["Field", "field"],
  ["Compliance", "compliance"],
  ["Privacy", "privacy"],
  ["Tech", "tech"],
  ["Team", "team"],
  ["Web", "web"],
  ["Graphic", "graphic"],
  ["UI", "ui"],
  ["Creative", "creative"],
  ["Payroll", "payroll"],
  ["Quality", "quality"],
  ["Systems", "systems"],
  ["Network", "network"],
  ["Business", "business"],
].map(([name, ...aliases]) => ({ name, aliases }));
const QA_PREFIX: VocabEntry = { name: "QA", aliases: [], exact: ["QA"] };
const prefixVocab = [...rolePrefixes, QA_PREFIX, ...departments];

const DEPT = alternation(departments);
const PREFIX = alternation(prefixVocab);
const ROLE_NOUN =
  "(?:managers?|directors?|heads?|leads?|leaders?|leadership|executives?|execs|engineers?|developers?|designers?|analysts?|scientists?|specialists?|recruiters?|consultants?|architects?|marketers?|strategists?|coordinators?|representatives?|reps?|associates?|officers?|administrators?|admins?|owners?|teams?)";
const JOIN = "\\s*(?:,|&|/|\\band\\b|\\bor\\b)\\s*";
const JOIN_RE = new RegExp(JOIN, "i");
/** One or more departments, "sales and marketing"; a name followed by a role noun belongs to the next title. */
const listOf = (item: string) => `(${item}${END}(?:${JOIN}${item}${END}(?!\\s+${ROLE_NOUN}${END}))*)`;
const DEPTS = listOf(DEPT);
const PREFIXES = listOf(PREFIX);

/** Splits a captured "sales and marketing" into vocabulary names; undefined if any piece is unknown. */
function namesIn(list: string, vocab: VocabEntry[]): string[] | undefined {
  const names = list.split(JOIN_RE).map((piece) => lookupVocab(vocab, piece, true)?.name);
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

const chiefAbbreviations: Record<string, string> = {
  executive: "CEO",
  technology: "CTO",
  technical: "CTO",
  financial: "CFO",
  finance: "CFO",
  marketing: "CMO",
  operating: "COO",
  operations: "COO",
  revenue: "CRO",
  product: "CPO",
  information: "CIO",
  "information security": "CISO",
  "human resources": "CHRO",
  data: "CDO",
  customer: "CCO",
};

const SMALL_WORDS = new Set(["of", "and", "the", "for", "in", "at", "to", "&"]);

/** "developer relations" → "Developer Relations"; words that already carry capitals keep them. */
function titleCase(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
      if (/\p{Lu}/u.test(w.slice(1))) return w;
      return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
    })
    .join(" ");
}

type TitleRule = {
  re: RegExp;
  read: (m: RegExpExecArray) => { titles: string[]; seniority: Seniority[] } | undefined;
};

const one = (title: string, ...seniority: Seniority[]) => ({ titles: [title], seniority });
const each = (names: string[] | undefined, make: (n: string) => string, ...seniority: Seniority[]) =>
  names ? { titles: names.map(make), seniority } : undefined;

/** Words that cannot be part of a function name in "head of X", so the name stops before them. */
const NOT_FUNCTION = `(?!(?:${"at in for from with who that which and or based companies company firms businesses the a an department departments team teams".split(" ").join("|")})${END})`;
/** "head of developer relations" when the function is not in the vocabulary: one to three words. */
const FUNCTION_WORDS = `(${NOT_FUNCTION}${W}[${WORD_CHARS}&+-]*(?:[ \\t]+${NOT_FUNCTION}${W}[${WORD_CHARS}&+-]*){0,2})`;

// Ordered: each rule only sees words the earlier ones left.
const titleRules: TitleRule[] = [
  {
    re: re("chiefs?\\s+of\\s+staff"),
    read: () => one("Chief of Staff"),
  },
  {
    re: re("chiefs?\\s+((?:[a-z]+\\s+){1,3}?)officers?"),
    read: (m) => {
      const area = m[1].trim().toLowerCase().replace(/\s+/g, " ");
      return one(chiefAbbreviations[area] ?? `Chief ${titleCase(area)} Officer`, "c_level");
    },
  },
  {
    re: re("(ceo|cto|cfo|cmo|coo|cro|cpo|cio|ciso|chro|cdo|cco|cso)s?"),
    read: (m) => one(m[1].toUpperCase(), "c_level"),
  },
  {
    // Short role codes are only read in capitals: "pm" or "ae" in lower case are too often something else.
    re: re("(SDR|BDR|AE|CSM|PMM|PM|SWE|SRE)s?", "g"),
    read: (m) => {
      const codes: Record<string, [string, ...Seniority[]]> = {
        SDR: ["SDR"],
        BDR: ["BDR"],
        AE: ["Account Executive"],
        CSM: ["Customer Success Manager", "manager"],
        PMM: ["Product Marketing Manager", "manager"],
        PM: ["Product Manager", "manager"],
        SWE: ["Software Engineer"],
        SRE: ["Site Reliability Engineer"],
      };
      const [title, ...seniority] = codes[m[1]];
      return one(title, ...seniority);
    },
  },
  {
    re: re(
      `(?:senior\\s+|executive\\s+)?(?:svps?|evps?|vps?|vice[\\s-]+presidents?)(?:(?:\\s+of\\s+|\\s*,\\s*|\\s+)${DEPTS})?`,
    ),
    read: (m) => (m[1] ? each(namesIn(m[1], departments), (d) => `VP of ${d}`, "vp") : one("", "vp")),
  },
  { re: re("product\\s+owners?"), read: () => one("Product Owner") },
  { re: re("co[\\s-]?founders?"), read: () => one("Co-founder", "owner") },
  { re: re("founders?"), read: () => one("Founder", "owner") },
  { re: re("managing\\s+partners?"), read: () => one("Managing Partner", "owner") },
  { re: re("managing\\s+directors?"), read: () => one("Managing Director", "c_level") },
  { re: re("presidents?"), read: () => one("President", "c_level") },
  {
    re: re("(?:(?:business|company|shop|store|agency|restaurant|practice|franchise)\\s+)?owners?"),
    read: () => one("Owner", "owner"),
  },
  {
    re: re(`heads?\\s+of\\s+${DEPTS}`),
    read: (m) => each(namesIn(m[1], departments), (d) => `Head of ${d}`, "head"),
  },
  {
    re: re(`${DEPTS}\\s+heads?`),
    read: (m) => each(namesIn(m[1], departments), (d) => `Head of ${d}`, "head"),
  },
  {
    re: re(`directors?\\s+of\\s+${DEPTS}`),
    read: (m) => each(namesIn(m[1], departments), (d) => `Director of ${d}`, "director"),
  },
  {
    re: re(`${DEPTS}\\s+directors?`),
    read: (m) => each(namesIn(m[1], departments), (d) => `${d} Director`, "director"),
  },
  {
    // Any other "head/director/VP of X", e.g. "head of developer relations".
    re: re(`(heads?|directors?|vps?|vice[\\s-]+presidents?)\\s+of\\s+${FUNCTION_WORDS}`),
    read: (m) => {
      const area = titleCase(m[2]);
      const role = m[1].toLowerCase();
      if (role.startsWith("head")) return one(`Head of ${area}`, "head");
      if (role.startsWith("director")) return one(`Director of ${area}`, "director");
      return one(`VP of ${area}`, "vp");
    },
  },
  {
    re: re(`${PREFIXES}\\s+managers?`),
    read: (m) => each(namesIn(m[1], prefixVocab), (d) => `${d} Manager`, "manager"),
  },
  {
    // "marketing leaders" names a function and a level, not one title: keep the function as the title.
    re: re(`${DEPTS}\\s+(?:leaders?|leadership|executives?|execs)`),
    read: (m) => each(namesIn(m[1], departments), (d) => d, ...LEADERSHIP),
  },
  {
    re: re(`(?:(tech|team|engineering|design|data|qa|product|growth)\\s+)leads?`),
    read: (m) => one(`${lookupVocab(prefixVocab, m[1])?.name ?? titleCase(m[1])} Lead`),
  },
  {
    re: re(
      `(?:${PREFIX}\\s+)?(engineers?|developers?|designers?|analysts?|scientists?|recruiters?|consultants?|specialists?|architects?|marketers?|strategists?|coordinators?|representatives?|reps?|associates?|accountants?|lawyers?|attorneys?|administrators?|admins?|officers?|copywriters?|account\\s+executives?)`,
    ),
    read: (m) => {
      const nounText = m[1].toLowerCase();
      const prefixText = m[0].slice(0, m[0].length - m[1].length).trim();
      const prefix = prefixText ? lookupVocab(prefixVocab, prefixText, true)?.name : undefined;
      if (prefixText && !prefix) return undefined;
      const singular = nounText.replace(/\s+/g, " ").replace(/s$/, "");
      const noun = singular === "rep" ? "representative" : singular === "admin" ? "administrator" : singular;
      const standsAlone =
        /^(engineer|developer|designer|recruiter|consultant|marketer|accountant|lawyer|attorney|copywriter|account executive)$/;
      if (!prefix && !standsAlone.test(noun)) return undefined;
      return one(titleCase(prefix ? `${prefix} ${noun}` : noun));
    },
  },
];

function readTitles(q: Query, found: Found): void {
  for (const rule of titleRules) {
    q.each(rule.re, (m) => {
      const read = rule.read(m);
      if (!read) return false;
      for (const title of read.titles) if (title) found.titles.push({ at: m.index, value: title });
      for (const level of read.seniority) found.seniority.push({ at: m.index, value: level });
    });
  }
}

/* ------------------------------------------------------- seniority words */

const seniorityWords: { re: RegExp; levels: Seniority[] }[] = [
  { re: re("decision[\\s-]*makers?"), levels: DECISION_MAKERS },
  {
    re: re(
      "(?:(?:senior|upper|top|executive)\\s+(?:management|leadership)|leadership\\s+teams?|(?<!thought\\s)leaders?|leadership)",
    ),
    levels: LEADERSHIP,
  },
  { re: re("(?:c[\\s-]?(?:level|suite)(?:\\s+executives?)?|cxos?|executives?|execs)"), levels: ["c_level"] },
  { re: re("(?:senior|sr\\.?)"), levels: ["senior"] },
  {
    re: re("(?:junior|jr\\.?|entry[\\s-]level|graduates?|new\\s+grads?|interns?|early[\\s-]career)"),
    levels: ["entry"],
  },
  { re: re("(?:department|team)\\s+heads?|heads\\s+of\\s+departments?"), levels: ["head"] },
  { re: re("(?:svps?|evps?|vps?|vice[\\s-]+presidents?)"), levels: ["vp"] },
  { re: re("directors?"), levels: ["director"] },
  { re: re("managers?"), levels: ["manager"] },
];

function readSeniorityWords(q: Query, found: Found): void {
  for (const w of seniorityWords) {
    q.each(w.re, (m) => {
      for (const level of w.levels) found.seniority.push({ at: m.index, value: level });
    });
  }
}

/* ------------------------------------------------- places and industries */

const locationPhrases = phraseSet<string[]>([
  ...countries.map((c) => ({ entry: c, value: [c.name] })),
  ...cities.map((c) => ({ entry: c, value: [c.name] })),
  ...regions.map((r) => ({ entry: r, value: r.expand ? r.countries : [r.name] })),
]);
const industryPhrases = phraseSet(industries.map((i) => ({ entry: i, value: i.name })));
// Phrases that contain a vocabulary word but mean something else ("social media" is not the media industry).
const notIndustry = [re("social\\s+media"), re("thought\\s+leaders?")];

// An unknown place is only trusted after "based in" and the like, and only if it is capitalised.
const BASED_IN = new RegExp(
  `${START}(?:[Bb]ased|[Ll]ocated|[Hh]eadquartered|HQ'?d?)\\s+in\\s+(?:the\\s+)?([${UPPER}][${WORD_CHARS}'’.-]*(?:[ \\t]+[${UPPER}][${WORD_CHARS}'’.-]*){0,2})`,
  "g",
);

function readPlaces(q: Query, found: Found): void {
  scanPhrases(q, locationPhrases, (at, names) => {
    for (const name of names) found.locations.push({ at, value: name });
  });
  q.each(
    BASED_IN,
    (m) => void found.locations.push({ at: m.index, value: titleCase(m[1].replace(/[.'’-]+$/u, "")) }),
  );
}

function readIndustries(q: Query, found: Found): void {
  for (const skip of notIndustry) q.each(skip, () => {});
  scanPhrases(q, industryPhrases, (at, name) => void found.industries.push({ at, value: name }));
}

/* -------------------------------------------------------------- assembly */

function ordered<T>(hits: Hit<T>[], clean: (v: T) => T = (v) => v): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const h of [...hits].sort((a, b) => a.at - b.at)) {
    const value = clean(h.value);
    const key = String(value).toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
    if (out.length === MAX_ITEMS) break;
  }
  return out;
}

const fit = (s: string) => s.trim().slice(0, MAX_CHARS).trim();

/**
 * Reads titles, seniority, industries, locations, company size and keywords from a plain-language
 * description of the people wanted. Anything unrecognised is ignored; it never throws.
 */
export function parseDiscoveryQuery(text: string): DiscoveryFilters {
  const filters = emptyFilters();
  if (typeof text !== "string") return filters;
  const clean = text
    .slice(0, MAX_INPUT)
    .normalize("NFC")
    .replace(/\p{Cc}+/gu, " ")
    .replace(/[‐‑‒]/g, "-");
  if (!clean.trim()) return filters;

  const q = new Query(clean);
  const found: Found = { titles: [], seniority: [], industries: [], locations: [], keywords: [] };
  readKeywords(q, found);
  filters.companySize = readCompanySize(q);
  readTitles(q, found);
  readPlaces(q, found);
  readIndustries(q, found);
  readSeniorityWords(q, found);

  filters.titles = ordered(found.titles, fit);
  filters.seniority = ordered(found.seniority);
  filters.industries = ordered(found.industries);
  filters.locations = ordered(found.locations, fit);
  filters.keywords = ordered(found.keywords, fit);
  return filters;
}
