/**
 * Phrases that spam filters and wary readers both punish in cold email. Curated, not exhaustive:
 * each is here because it is common in junk and rare in a normal business note.
 */
const PHRASES = [
  // money and free offers
  "100% free",
  "free money",
  "free gift",
  "free access",
  "free consultation",
  "free trial offer",
  "no cost",
  "no fees",
  "no hidden costs",
  "no hidden fees",
  "cash bonus",
  "extra cash",
  "earn money",
  "make money",
  "double your income",
  "million dollars",
  "best price",
  "lowest price",
  "save big",
  "cheap",
  "bargain",
  "$$$",
  // promises
  "guaranteed",
  "guarantee",
  "100% guaranteed",
  "100% satisfied",
  "money back",
  "money-back guarantee",
  "risk-free",
  "no risk",
  "no obligation",
  "no strings attached",
  "no catch",
  "no credit check",
  "pre-approved",
  "miracle",
  "unbelievable",
  "incredible deal",
  "amazing offer",
  // urgency
  "act now",
  "act immediately",
  "urgent",
  "limited time",
  "limited time offer",
  "offer expires",
  "expires today",
  "last chance",
  "hurry",
  "now or never",
  "once in a lifetime",
  "don't miss out",
  "while supplies last",
  "instant access",
  "exclusive deal",
  "special promotion",
  // calls to click and buy
  "click here",
  "click below",
  "click now",
  "buy now",
  "order now",
  "call now",
  "apply now",
  "sign up free",
  "open immediately",
  "don't delete",
  "do not delete",
  // trust tricks
  "this isn't spam",
  "this is not spam",
  "not spam",
  "dear friend",
  "you've been selected",
  "you have been selected",
  "you're a winner",
  "you are a winner",
  "congratulations, you",
  // classic spam topics
  "weight loss",
  "lose weight",
  "viagra",
  "casino",
  "eliminate debt",
  "consolidate debt",
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Word-boundary aware: letters or digits on either side of a phrase that starts or ends with one
 * mean it is part of a longer word ("free" in "freedom", "urgent" in "insurgent" never match).
 * Spaces and hyphens are interchangeable ("risk free" = "risk-free"), and so are the straight and
 * curly apostrophes.
 */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .split(/[\s-]+/)
    .map((part) => escape(part).replace(/'/g, "['’]"))
    .join("[\\s-]+");
  const before = /^[\p{L}\p{N}]/u.test(phrase) ? "(?<![\\p{L}\\p{N}])" : "";
  const after = /[\p{L}\p{N}]$/u.test(phrase) ? "(?![\\p{L}\\p{N}])" : "";
  return new RegExp(`${before}${body}${after}`, "giu");
}

const PATTERNS: { label: string; re: RegExp }[] = [
  ...PHRASES.map((p) => ({ label: p, re: phrasePattern(p) })),
  // Two or more exclamation marks in a row read as shouting.
  { label: "!!!", re: /!{2,}/g },
];

// Three or more words in capitals in a row ("ACT FAST TODAY"); acronyms alone (CEO, B2B, SaaS) are fine.
const CAPS_RUN = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[\s,.:;!?-]+\p{Lu}{2,}){2,}(?![\p{L}\p{N}])/gu;

type Match = { label: string; start: number; end: number };

/**
 * The spam-trigger phrases in `text`, case-insensitive, each once, in order of first appearance.
 * A phrase inside a longer one ("guarantee" inside "money-back guarantee") is reported as the
 * longer one only. Runs of capitals are reported as written, next to any phrase inside them
 * ("ACT NOW TODAY" gives "act now" and "ACT NOW TODAY"), so the reader sees which words to fix.
 */
export function findSpamPhrases(text: string): string[] {
  if (!text) return [];
  const phrases: Match[] = [];
  for (const { label, re } of PATTERNS) {
    for (const m of text.matchAll(re)) phrases.push({ label, start: m.index, end: m.index + m[0].length });
  }
  phrases.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  let coveredTo = -1;
  for (const m of phrases) {
    if (m.end <= coveredTo) continue;
    coveredTo = Math.max(coveredTo, m.end);
    kept.push(m);
  }
  for (const m of text.matchAll(CAPS_RUN))
    kept.push({ label: m[0], start: m.index, end: m.index + m[0].length });
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  return [...new Set(kept.map((m) => m.label))];
}
