/**
 * Sentences from the strategy profile's free-text fields. People fill those fields in every shape:
 * a noun phrase ("a free 20-minute RevOps audit"), a verb phrase ("fix slow websites in a week"),
 * a whole sentence ("We help SaaS teams cut churn."), a question ("Open to a call?"). Pasting the
 * field after a fixed "we" or "I help teams" made "we a free audit"; so each shape gets its own frame,
 * and a shape we cannot tell gets a frame that reads right for any phrase.
 */

const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "one",
  "two",
  "three",
  "our",
  "my",
  "your",
  "free",
  "some",
  "any",
  "every",
]);

/** Verbs an offer or a call to action usually starts with, in their base form. */
const VERBS = new Set(
  (
    "help fix build cut grow book get make increase reduce turn save automate find boost double triple " +
    "generate improve run write design manage handle scale launch bring drive deliver create connect " +
    "provide offer review set ship speed migrate optimise optimize streamline hire recruit train protect " +
    "secure clean fill lower raise win close convert capture replace audit analyse analyze plan support " +
    "give show teach coach send schedule pick choose grab reply let hit click take join answer tell " +
    "call visit see try start sign check compare keep stop avoid prevent solve simplify unify sell"
  ).split(" "),
);

/** Words a call to action as a question starts with: "Open to a call", "Worth a chat". */
const QUESTION_STARTS =
  /^(would|could|can|shall|should|are|is|do|does|did|will|have|has|how|what|when|where|why|who|which|open to|worth|interested|free for|up for|keen|fancy)\b/i;
const SENTENCE_STARTS =
  /^(i|we|we're|we've|i'm|i've|let's|our team|my team|at|since|after|last|this|it)(?![\p{L}])/iu;

export type PhraseShape = "empty" | "sentence" | "question" | "verb" | "gerund" | "noun" | "unknown";

const firstWord = (s: string) => (s.match(/^[\p{L}'’-]+/u)?.[0] ?? "").toLowerCase();

/** The base form of a leading verb ("helps" → "help"), or null when the first word is not one we know. */
function baseVerb(word: string): string | null {
  if (VERBS.has(word)) return word;
  if (word.endsWith("ies") && VERBS.has(`${word.slice(0, -3)}y`)) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && VERBS.has(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith("s") && VERBS.has(word.slice(0, -1))) return word.slice(0, -1);
  return null;
}

/** What kind of phrase a profile field holds, judged from its first word and its end. */
export function phraseShape(text: string): PhraseShape {
  const t = text.trim();
  if (!t) return "empty";
  if (t.endsWith("?")) return "question";
  const w = firstWord(t);
  if (SENTENCE_STARTS.test(t) && !DETERMINERS.has(w)) return "sentence";
  if (QUESTION_STARTS.test(t)) return "question";
  if (DETERMINERS.has(w) || /^\d/.test(t)) return "noun";
  if (baseVerb(w)) return "verb";
  if (/ing$/.test(w) && w.length > 4) return "gerund";
  return "unknown";
}

const strip = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!;:,]+$/, "");
const capFirst = (s: string) => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
/** Lower-cases only a known leading word (an article, a verb): "RevOps" and "Acme" keep their case. */
function lowerLead(s: string): string {
  const w = firstWord(s);
  if (!w || !(DETERMINERS.has(w) || baseVerb(w) || /ing$/.test(w))) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
/** "helps SaaS teams" → "help SaaS teams", so it follows "we". */
function toBase(s: string): string {
  const w = firstWord(s);
  const base = baseVerb(w);
  return base && base !== w ? base + s.slice(w.length) : s;
}

/**
 * The offer as one sentence. `voice` is who speaks: "I" in a LinkedIn note, "we" (with the company
 * named when known) in an email.
 */
export function offerSentence(offer: string, voice: { company: string; personal: boolean }): string {
  const o = strip(offer);
  const we = voice.personal ? "I" : voice.company ? `At ${voice.company} we` : "We";
  switch (phraseShape(o)) {
    case "empty":
      return "";
    case "sentence":
    case "question":
      return `${capFirst(o)}${o.endsWith("?") ? "" : "."}`;
    case "noun":
      return `I'd like to offer you ${lowerLead(o)}.`;
    case "verb":
      return `${we} ${toBase(lowerLead(o))}.`;
    case "gerund":
      return `${voice.personal ? "I" : "We"} focus on ${lowerLead(o)}.`;
    default:
      // "RevOps audits for SaaS teams" or "Faster websites": a label reads right for either shape.
      return `What ${voice.personal ? "I" : "we"} offer: ${o}.`;
  }
}

/** The proof as one sentence after a label ("For context: Acme cut its load time…"). */
export function proofSentence(proof: string, label: string): string {
  const p = strip(proof);
  return p ? `${label} ${p}.` : "";
}

/** The call to action as the closing line: a question stays a question, an instruction a sentence. */
export function askSentence(cta: string): string {
  const c = strip(cta.replace(/\?+$/, "?"));
  switch (phraseShape(c)) {
    case "empty":
      return "";
    case "question":
      return `${capFirst(c.replace(/\?$/, ""))}?`;
    case "noun":
      return `Would you be open to ${lowerLead(c)}?`;
    case "verb":
    case "sentence":
      return `${capFirst(c)}.`;
    default:
      return `Would you be open to this: ${c}?`;
  }
}
