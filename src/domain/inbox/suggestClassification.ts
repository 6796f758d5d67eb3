/**
 * The classification the unified inbox suggests for an inbound reply; the user can change it.
 * Pure and bounded: only the first 20,000 characters of the body are read, every pattern is
 * linear on its input, and nothing here does I/O.
 */

export const replyClassifications = [
  "interested",
  "meeting_booked",
  "not_interested",
  "out_of_office",
  "wrong_person",
  "unsubscribe_request",
  "other",
] as const;
export type ReplyClassification = (typeof replyClassifications)[number];

export type InboundReplyKind = "human_reply" | "auto_reply" | "bounce";

export type SuggestClassificationInput = {
  kind: InboundReplyKind;
  subject: string;
  /** Plain-text body; may include quoted history and a signature. */
  text: string;
};

export type ClassificationSuggestion = {
  classification: ReplyClassification;
  /** high: a clear phrase matched; low: only a weak word ("sure", "ok") or nothing at all. */
  confidence: "high" | "low";
  /** Short English explanation naming the phrase that matched. */
  reason: string;
};

export const MAX_TEXT_CHARS = 20_000;
const MAX_SUBJECT_CHARS = 1_000;
const MAX_REASON_PHRASE = 60;

/** Placeholder for dropped ">" lines: keeps offsets, is neither a letter nor whitespace (U+FFFF). */
const MASK = "\uffff";

// ---------------------------------------------------------------------------------------------
// Normalisation with an index map back to the original text (so reasons quote what was typed).

type Normalised = {
  /** Lower-case, accents stripped, typographic apostrophes/dashes/spaces flattened, "\r" dropped. */
  text: string;
  /** For each UTF-16 unit of `text`: start and end of the original code point it came from. */
  starts: number[];
  ends: number[];
  original: string;
};

const APOSTROPHES = new Set(["\u2018", "\u2019", "\u201b", "\u02bc", "\u0060", "\u00b4", "\u2032"]);
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/u;
const DASHES = /^[\u2010-\u2015\u2212]$/u;
const MARKS = /\p{M}/gu;

function normalise(original: string): Normalised {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    let piece: string;
    if (APOSTROPHES.has(ch)) piece = "'";
    else if (ch === "\r") piece = original[next] === "\n" ? "" : "\n";
    else if (ch === "\n") piece = "\n";
    else if (INVISIBLE.test(ch)) piece = "";
    else if (DASHES.test(ch)) piece = "-";
    else if (ch === "\u0000" || ch === MASK || /^\s$/u.test(ch)) piece = " ";
    else piece = ch.toLowerCase().normalize("NFKD").replace(MARKS, "");
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(next);
    }
    parts.push(piece);
    i = next;
  }
  return { text: parts.join(""), starts, ends, original };
}

/** What the prospect typed for the matched span: original characters, lower-cased and tidied. */
function quote(n: Normalised, index: number, length: number): string {
  const from = n.starts[index] ?? 0;
  const to = n.ends[index + length - 1] ?? from;
  let s = n.original
    .slice(from, to)
    .replace(/[\u2018\u2019\u201b\u02bc]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  if (s.length > MAX_REASON_PHRASE) s = `${s.slice(0, MAX_REASON_PHRASE - 1).trimEnd()}…`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// The prospect's own new text: quoted history and signatures removed.

const ORIGINAL_MESSAGE =
  /^[\s*_-]*-{2,}\s*(?:original message|forwarded message|ursprungliche nachricht|weitergeleitete nachricht|message d'origine|message transfere|mensaje original|mensaje reenviado)\s*-{2,}/;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
const WROTE_LINE = [
  /^\s*on\s.*\bwrote\s?:\s*$/,
  /^\s*am\s.*\bschrieb\b.*:\s*$/,
  /^\s*le\s.*\ba ecrit\s?:\s*$/,
  /^\s*el\s.*\bescribio\s?:\s*$/,
];
const WROTE_START = /^\s*(?:on|am|le|el)\s/;
/** "Jane Doe <jane@example.com> wrote:" with an address or a date in it. */
const WROTE_BARE = /^[^\n]*(?:@|\d)[^\n]*\b(?:wrote|schrieb|a ecrit|escribio)\s?:\s*$/;
const HEADER_FROM = /^\s*\*?(?:from|von|de|da|van)\s?\*?\s?:/;
const HEADER_NEXT =
  /^\s*\*?(?:sent|date|to|cc|subject|gesendet|datum|an|betreff|envoye|a|objet|enviado|fecha|para|asunto)\s?\*?\s?:/;
const HEADER_SAME_LINE = /\b(?:sent|date|gesendet|datum|envoye|enviado|fecha)\s?\*?\s?:/;
const SIGNATURE = /^--\s*$/;
const MOBILE_FOOTER =
  /^\s*(?:sent from my\s|get outlook for\s|envoye de mon\s|enviado desde mi\s|von meinem\s.*\sgesendet)/;

function isQuoteStart(lines: string[], k: number): boolean {
  const line = lines[k];
  if (line.length > 2_000) return false;
  if (ORIGINAL_MESSAGE.test(line) || UNDERSCORE_RULE.test(line)) return true;
  if (WROTE_LINE.some((re) => re.test(line)) || WROTE_BARE.test(line)) return true;
  const next = lines[k + 1];
  if (WROTE_START.test(line) && next !== undefined && next.length < 2_000) {
    const joined = `${line} ${next}`;
    if (WROTE_LINE.some((re) => re.test(joined))) return true;
  }
  if (HEADER_FROM.test(line)) {
    if (HEADER_SAME_LINE.test(line)) return true;
    for (let j = k + 1; j <= k + 3 && j < lines.length; j++) if (HEADER_NEXT.test(lines[j])) return true;
  }
  return false;
}

/** Same offsets as `text`, cut at the first quote header or signature, ">" lines masked. */
function ownText(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (SIGNATURE.test(line) || MOBILE_FOOTER.test(line) || isQuoteStart(lines, k)) break;
    kept.push(/^\s*>/.test(line) ? MASK.repeat(line.length) : line);
  }
  return kept.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Negation guard for the positive classes ("not free on Monday", "haven't booked", "not sure").

const CLAUSE_BREAK =
  /[.,;:!?()[\]\n\uffff¿¡]|\s(?:but|aber|mais|pero|though|however|sondern|sino|although)(?=\s)/gu;
const NEGATION =
  /^(?:not|never|no|nor|cannot|nicht|nie|niemals|kein|keine|keinen|keiner|pas|jamais|nunca|tampoco|ni|(?:do|does|did|is|are|was|were|would|could|should|wo|ca|have|has|had|must|might|need|ai)n'?t)$/u;
const NOT_A_NEGATION_AFTER_NO =
  /^(?:worries|problem|problems|prob|probs|doubt|rush|pressure|matter|question)$/u;

function negated(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 80), index);
  let start = 0;
  for (const m of window.matchAll(CLAUSE_BREAK)) start = (m.index ?? 0) + m[0].length;
  const tokens = window.slice(start).split(/\s+/u).filter(Boolean).slice(-4);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (!NEGATION.test(token)) continue;
    const prev = tokens[t - 1] ?? "";
    const next = tokens[t + 1] ?? "";
    if (/^(?:why|pourquoi|que|warum)$/u.test(prev)) continue;
    if (token === "no" && NOT_A_NEGATION_AFTER_NO.test(next)) continue;
    if (token === "not" && next === "only") continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Phrase rules. Written against normalised text (lower case, no accents, straight apostrophes);
// a space in a pattern matches any run of whitespace, and every pattern is word-bounded.

type Rule = { re: RegExp; weak: boolean; guard: boolean };
type RuleOptions = { weak?: boolean };

function phrases(guard: boolean, sources: readonly (string | [string, RuleOptions])[]): Rule[] {
  return sources.map((entry) => {
    const [src, opts] = typeof entry === "string" ? [entry, {}] : entry;
    const body = src.replace(/ /g, "\\s+");
    return {
      re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, "gu"),
      weak: opts.weak ?? false,
      guard,
    };
  });
}

const EN_DAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri";
const DE_DAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";
const FR_DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const ES_DAYS = "lunes|martes|miercoles|jueves|viernes|sabado|domingo";
const NEG_AUX =
  "(?:do|does|did|is|are|was|were|would|could|should|wo|ca|have|has|had|must|might|need|ai)n'?t|cannot";
const NEG = `(?:not|never|${NEG_AUX})`;
/** A short stretch inside one sentence. */
const GAP = "[^.!?\\n\\uffff]{0,40}?";
/** Lookbehind: "get a call booked", "to be scheduled" are requests, not confirmations. */
const PENDING =
  "(?<!(?:get|getting|to be|be|want|wants|need|needs|like|love|can we|could we)(?: [\\p{L}']+){0,3} )";

const UNSUBSCRIBE = phrases(false, [
  "unsubscrib\\p{L}*",
  "unsub",
  "remove (?:me|us|my (?:email|e-mail|address|name|details|data|contact)|our (?:email|e-mail|address|details|data))",
  "take (?:me|us) off",
  "(?:delete|erase) (?:me|us) from",
  "off (?:your|the) (?:mailing |email |e-mail |contact |distribution |outreach )?lists?",
  "(?:stop|quit|cease) (?:emailing|e-mailing|mailing|messaging|contacting|spamming|sending|writing|reaching out|pinging|following up)",
  "(?:please )?do not (?:ever )?(?:contact|email|e-mail|message)",
  "(?:don'?t|never) (?:ever )?(?:contact|email|e-mail|message|write|spam|reach out to) (?:me|us)",
  "opt(?:-| )?(?:me |us )?out",
  "(?:delete|erase|remove|purge) (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|information|info|details|contact details|records?)",
  "right to (?:be forgotten|erasure)",
  `(?:gdpr|dsgvo|rgpd)${GAP}(?:delet|eras|remov|losch|supprim|effac|borr|elimin)\\p{L}*`,
  `(?:delet|eras|remov|losch|supprim|effac|borr|elimin)\\p{L}*${GAP}(?:gdpr|dsgvo|rgpd)`,
  "^[\\s\\uffff]*stop[\\s\\uffff.!]*$",
  // de
  "abmelden",
  "austragen",
  "abbestellen",
  "(?:melden|melde|tragen|trage|nehmen|nimm) sie (?:mich|uns) (?:[\\p{L}-]+ ){0,4}?(?:ab|aus)",
  "keine (?:weiteren )?(?:e-?mails|mails|nachrichten|anfragen|werbung)",
  "nicht mehr (?:kontaktieren|anschreiben|anrufen|anmailen|schreiben)",
  "(?:kontaktieren|schreiben) sie (?:mich|uns|mir) (?:bitte )?nicht(?: mehr)?",
  "(?:aus|von) (?:ihrem|dem|ihrer) (?:verteiler|liste|e-?mail-verteiler|mailingliste)",
  "(?:entfernen|loschen|streichen) sie (?:mich|uns|meine daten|meine e-?mail)",
  // fr
  "desabonn\\p{L}*",
  "desinscri\\p{L}*",
  "ne plus recevoir",
  "(?:retirez|supprimez|enlevez)(?:-| )(?:moi|nous)",
  "(?:retirer|supprimer|effacer|enlever) (?:mon adresse|mes coordonnees|mes donnees|mon e-?mail|de (?:votre|vos) (?:liste|fichier|base))",
  "ne (?:me|nous) (?:contactez|sollicitez|ecrivez|relancez|envoyez) plus",
  "(?:arretez|cessez) de (?:m'|me |nous )(?:ecrire|envoyer|contacter|relancer|solliciter)",
  // es
  "(?:dar(?:me|nos)?|denme|deme|dame|me doy|nos damos) de baja",
  "no (?:me|nos) (?:escrib|contact|envi|mand)\\p{L}*",
  "dej(?:en|a|e|ad) de (?:escribir|enviar|contactar|mandar)\\p{L}*",
  "(?:eliminar|borrar|eliminen|borren|elimine|borre|eliminad|borrad) (?:mis|nuestros) datos",
  "(?:quitar|sacar|eliminar|borrar|quiten|saquen|eliminen|borren)(?:me|nos) de",
]);

const WRONG_PERSON = phrases(false, [
  `${NEG} (?:really )?(?:the|a) (?:right|correct|best|appropriate|relevant|proper|ideal) (?:person|contact|guy|one|point of contact|people)`,
  "wrong (?:person|contact|guy|individual|department|team)",
  "no longer (?:work|works|working|employed|with|at|here|part of)",
  "(?:don'?t|doesn'?t|do not|does not) work (?:here|there)",
  `(?:work|works|working|employed|be|is|am|i'm) (?:here|there|with|at|for)${GAP} (?:anymore|any more|any longer)`,
  "left (?:the|this|our) (?:company|business|firm|organi[sz]ation|org|team)",
  "(?:has|have|had) (?:since |recently )?left (?:the|us|our)",
  "(?:i've|i have|he's|she's|he has|she has) retired",
  `${NEG} (?:the one |the person )?(?:responsible|in charge) (?:for|of)`,
  `${NEG} (?:my|our) (?:area|department|responsibility|remit|domain|wheelhouse|decision)`,
  "you (?:should|could|might|may|'d|would|'ll|will|need to|want to)(?: (?:want|need|better|be better off|try))?(?: to)? (?:talk|speak|reach out|get in touch|contact|connect|write|email|e-mail|chat|ask|check)(?: to| with)?(?! (?:to |with )?(?:me|us|you)(?![\\p{L}]))",
  "(?:better|best) (?:person|contact|people) (?:to|for|would be|is|here)",
  "(?<!(?:i'm|i am|i'm probably|i am probably) the )right person (?:to (?:talk|speak|contact|reach)|is|would be)",
  `(?:contact|reach out to|talk to|speak to|speak with|email|write to) ${GAP} instead`,
  "(?:forwarded|forwarding|passed|passing|i'll forward|i will forward|i'll pass|i will pass) (?:this|it|your (?:email|e-mail|message|note|request)) (?:on |along |over )?to",
  // de
  "nicht mehr (?:im unternehmen|in der firma|in unserem unternehmen|bei uns|im haus|fur uns tatig|bei der firma)",
  "(?:hat|habe|haben) (?:das|unser) unternehmen verlassen",
  "(?:hat|habe|haben) (?:die firma|uns) verlassen",
  "arbeitet nicht mehr",
  "nicht (?:mehr |dafur |fur (?:[\\p{L}-]+ ){1,2})?zustandig",
  "nicht (?:der|die) richtige (?:ansprechpartner(?:in)?|person|kontakt)",
  "falsche(?:n|r)? (?:ansprechpartner(?:in)?|person|kontakt)",
  "wenden sie sich (?:bitte )?an",
  // fr
  "n'est plus (?:chez|dans|avec|parmi|en poste|au sein|employe|salarie|de l'entreprise|joignable)",
  "ne (?:fait|faisons|fais) plus partie",
  "ne travaille plus",
  "(?:pas|plus) la bonne (?:personne|interlocutrice|adresse)",
  "pas le bon (?:interlocuteur|contact|destinataire)",
  "mauvaise? (?:personne|interlocuteur|interlocutrice|contact|destinataire)",
  "a quitte (?:l'entreprise|la societe|notre|l'equipe|la boite|nos)",
  "ne suis pas (?:responsable|en charge|le bon|la bonne|decisionnaire)",
  "ne (?:m'occupe|s'occupe) pas",
  "(?:adressez-vous|adressez vous|vous adresser) a",
  "(?:contacter|contactez|voir) plutot",
  // es
  "ya no (?:trabaja|trabajo|forma parte|labora|pertenece)",
  "ya no (?:esta|estoy) (?:en|con) (?:la empresa|la compania|nosotros|el equipo)",
  "no (?:soy|es) (?:la persona|el responsable|la responsable|quien|el encargado|la encargada)",
  "persona (?:equivocada|incorrecta)",
  "(?:dejo|ha dejado|abandono) la (?:empresa|compania|organizacion)",
  "no estoy a cargo",
  "(?:deberia|deberias|debe|debes|le recomiendo|te recomiendo|mejor) (?:hablar|contactar|escribir|ponerse en contacto|ponerte en contacto) (?:con|a)",
]);

const NOT_INTERESTED = phrases(false, [
  `(?:${NEG}|no longer)(?: (?:be|been|really|very|that|so|too|all that|at all|currently|particularly|actually|even|remotely|overly|terribly|super|right now|anymore|any longer)){0,3} interested`,
  "(?:un|dis)interested",
  "no interest",
  "(?:not|of no) (?:of )?interest",
  "no,? (?:thanks|thank you|thx|ty)",
  "thanks,? but no",
  `${NEG} (?:a |the )?(?:good |great |right |strong |perfect )?fit`,
  `${NEG} (?:really |currently |right now |actually |exactly )?(?:a |an |our |my )?(?:(?:top|high|current|immediate|big|real|major) )?priorit(?:y|ies)`,
  "(?:we're|we are|i'm|i am) (?:already )?all set(?! (?:for|on|then|to meet|to talk))",
  "already (?:have|has|use|using|work with|working with|got|signed with|partner with|partnered with|have got|invested in|in contract with|under contract with) (?:a |an |the |our |one |some |another |existing )?(?:[\\p{L}-]+ ){0,3}?(?:solution|vendor|provider|tool|partner|agency|platform|system|supplier|someone|contract|service|product|software|competitor)s?",
  "(?<!(?:not|n'?t|un) )(?:very |quite |really )?happy with (?:our|my|the) (?:current |existing )?(?:solution|vendor|provider|tool|setup|supplier|partner|agency|platform|system)",
  `${NEG} (?:at|for) (?:this|the) (?:time|moment)`,
  `${NEG} (?:right )?now`,
  "not for (?:us|me|our team|our company|now)",
  "not looking (?:for|to|at|into)",
  "not in the market",
  "no budget",
  "^[\\s\\uffff]*(?:no|nope|nah|nein|non)[\\s\\uffff.!]*$",
  "(?:have|has|there's|there is) no (?:need|budget|use)",
  // "pass" only where it declines: not "pass this along", "pass it on to Jane"
  "(?:i'll|we'll|i will|we will|i'd|we'd|i would|we would|gonna|going to|have to|has to|need to|must|will|decided to|choose to|chose to|but) pass(?! (?:it|this|that|these|your|the|you|them|him|her|along|on to|onto|on your|on the|by|through|over)(?![\\p{L}]))",
  "pass on (?:this|it|that)(?! (?:to|along))",
  "pass (?:for now|this time|for the time being)",
  "(?<![\\p{L}'] )pass(?=\\s*[.!,]|\\s*$| thanks| thank you)",
  // de
  "kein(?:erlei)? interesse",
  "nein,? danke",
  "nicht(?: (?:wirklich|mehr|daran|dran|besonders|sonderlich|so|sehr|weiter|aktuell|derzeit|momentan)){0,3} interessiert",
  "kein(?:en)? bedarf",
  "(?:nicht jetzt|(?:aktuell|derzeit|momentan|im moment|zurzeit) nicht)",
  "(?:passt|ist) (?:leider |aktuell |derzeit )?nicht (?:zu uns|fur uns|das richtige)",
  "kein thema fur uns",
  "nicht relevant",
  "(?:haben|nutzen|verwenden) (?:bereits|schon) (?:einen |eine |ein )?(?:[\\p{L}-]+ ){0,2}?(?:anbieter|dienstleister|losung|partner|agentur|tool|system)",
  "keine prioritat",
  "kein budget",
  // fr
  "pas(?: (?:vraiment|du tout|tellement|trop|tres|forcement|particulierement|encore|actuellement)){0,2} interess(?:e|ee|es|ees)",
  "ne (?:m'|nous )interess\\p{L}* pas",
  "non,? merci",
  "pas (?:de |d')?(?:besoin|budget|interet)",
  "aucun (?:besoin|interet)",
  "(?:pas|plus) (?:une |notre |la )?priorite",
  "pas pour (?:nous|moi|le moment|l'instant)",
  "pas maintenant",
  "(?:avons|ai|utilisons) deja (?:un |une |notre )?(?:[\\p{L}-]+ ){0,2}?(?:prestataire|fournisseur|solution|outil|partenaire|agence|logiciel)",
  "deja equipes?",
  "pass\\p{L}* (?:mon|notre) tour",
  // es
  "no (?:me|nos) interesa(?:n|ria)?",
  "no,? gracias",
  "no (?:estoy|estamos|esta|estan)(?: (?:muy|realmente|tan|del todo))? interesad[oa]s?",
  "sin interes",
  "no (?:es|son) (?:una )?prioridad",
  "no (?:necesitamos|necesito)",
  "ya (?:tenemos|tengo|contamos con|trabajamos con|usamos) (?:un |una |nuestro |nuestra )?(?:[\\p{L}-]+ ){0,2}?(?:proveedor|solucion|herramienta|socio|agencia|sistema|plataforma|software)",
  "no es para (?:nosotros|mi)",
  "(?:por ahora no|ahora no|no por ahora|no en este momento)",
]);

const MEETING_BOOKED = phrases(true, [
  `${PENDING}(?<!(?:fully|completely|totally|pretty|quite|very|all|really) )booked(?! (?:up|solid|out))`,
  `${PENDING}scheduled(?! (?:to (?:be|leave|travel|go|return|fly)|maintenance|time off|leave|vacation|pto|holidays?))`,
  `see you (?:on|at|then|there|tomorrow|today|next|this|${EN_DAYS})`,
  `(?:talk|speak|chat) (?:to|with) you (?:on|at|then|tomorrow|${EN_DAYS})`,
  "looking forward to (?:our|the) (?:call|meeting|chat|conversation|demo)",
  "(?:calendar |meeting )?(?:invite|invitation) (?:sent|accepted|received)",
  "(?:sent|accepted|sending|just accepted|i've accepted|i have accepted) (?:you |over )?(?:an |the |a |your )?(?:calendar |meeting |zoom |teams )?(?:invite|invitation)",
  "confirm(?:ed|ing) (?:for|on|at)",
  "(?:it's|that's|we're|you're|all|meeting|call|time|slot|demo) (?:is )?confirmed",
  ["confirmed", { weak: true }],
  "(?:meeting|call|demo|chat) (?:is |has been )?(?:set|locked in|on the calendar|in the calendar|in my calendar)",
  `(?:we're|we are|you're|you are|all) set for (?:${EN_DAYS}|tomorrow|today|next|the|\\d)`,
  "(?:i've |i have |just )?(?:added|popped|dropped) (?:it|us|something|a call|time|the call|the meeting) (?:in|on|into|to) (?:the|my|our|your) calendar",
  // de
  "termin (?:ist |wurde )?(?:bestatigt|gebucht|eingetragen|fix|steht)",
  "gebucht",
  "einladung (?:angenommen|erhalten|verschickt|gesendet)",
  "(?:wir sehen uns|sehen uns) (?:am|morgen|dann)",
  "(?:freue mich|freuen uns) auf (?:unser|das|den) (?:gesprach|termin|telefonat|meeting|call)",
  // fr
  "(?:rendez-vous|rdv|reunion|appel|creneau) (?:est |a ete )?(?:confirme|reserve|planifie|cale|fixe|programme)e?s?",
  "(?:j'ai|nous avons|on a) (?:bien )?(?:reserve|cale|planifie|accepte|booke)",
  "invitation acceptee",
  `a (?:${FR_DAYS}|demain)(?: prochain)?(?=\\s*[!.]|\\s*$)`,
  // es
  "(?:reunion|cita|llamada) (?:esta |queda )?(?:confirmada|agendada|programada|reservada)",
  "(?:he|hemos|ya) (?:reservado|agendado|programado)",
  `nos vemos (?:el|manana|hoy|${ES_DAYS})`,
  "invitacion aceptada",
  "acepte la invitacion",
]);

const INTERESTED = phrases(true, [
  "interested",
  ["interesting", { weak: true }],
  "let'?s (?:talk|chat|connect|meet|do it|do this|set|find|schedule|book|hop|jump|discuss|explore|speak|try)",
  "let us (?:talk|chat|connect|meet)",
  "happy to (?:chat|talk|connect|learn|hear|discuss|take a look|look|jump|hop|meet|explore|try|speak|set up|find)",
  "(?:love|like|keen|open|happy|glad) to (?:chat|talk|connect|learn more|hear more|discuss|see (?:a|the|how|more)|know more|find out more|speak|meet|explore|set up)",
  "open to (?:a |an )?(?:chat|call|conversation|meeting|discussion|demo)",
  "sounds (?:good|great|interesting|promising|like a plan|fine|perfect|intriguing)",
  "tell me more",
  "(?:can|could|would) you (?:please )?(?:tell|share|send|explain) (?:me |us )?more",
  "(?:learn|know|hear|find out) more",
  "send (?:me |us |over )?(?:some |more |the |a |your |any |additional |further )*(?:info|information|details|deck|case stud(?:y|ies)|overview|brochure|pricing|examples?|materials?)",
  "(?:can|could|would) you (?:please )?share",
  "pricing",
  "prices?",
  "how much (?:does|is|would|do|will|are)",
  "what (?:does|do|would|will) (?:it|this|that|you) (?:cost|charge)",
  "(?:what's|what is) the (?:cost|price)",
  "book (?:a|an|some) (?:call|meeting|time|slot|demo|chat|session)",
  "set up (?:a|an|some) (?:call|meeting|time|chat|demo|intro|session)",
  "schedule (?:a|an|some|the) (?:call|meeting|time|chat|demo|intro)",
  "find (?:a|some) time",
  "(?:get|set) (?:a |some |the )?(?:call|meeting|time|something|chat|demo) (?:booked|scheduled|set up|in the calendar|on the calendar)",
  "grab (?:a|some) (?:time|slot|coffee|call)",
  "(?:jump|hop) on a (?:call|quick call)",
  `(?:free|available) (?:on|next|this|tomorrow|today|at|for a|${EN_DAYS})`,
  `(?:how|what) about (?:${EN_DAYS}|tomorrow|next|this|later)`,
  `(?:${EN_DAYS}|tomorrow) (?:works|would work|suits)`,
  "works for me",
  "send (?:me |us |over )?(?:a |an |the )?(?:calendar )?invite",
  "(?:see|get|book|schedule|want|like|have) (?:a |an |the |your )?(?:quick |short )?demo",
  ["(?:sure|ok|okay|yes|yeah|yep|why not)(?! not(?![\\p{L}]))", { weak: true }],
  // de
  "interessiert",
  "interesse",
  ["interessant", { weak: true }],
  "(?:klingt|hort sich) (?:gut|interessant|spannend|super|prima|gut an)",
  "(?:mehr|weitere) (?:infos?|informationen|details|erfahren|dazu)",
  "(?:lassen sie uns|lass uns) (?:[\\p{L}-]+ ){0,3}?(?:sprechen|telefonieren|reden|austauschen|treffen)",
  "(?:termin|gesprach|telefonat|call|meeting) (?:[\\p{L}-]+ ){0,2}?(?:vereinbaren|ausmachen|finden)",
  "(?:was|wie ?viel) kostet",
  "preise?",
  "(?:hatte|habe|hab) (?:(?!kein|nicht)[\\p{L}-]+ ){0,3}?zeit",
  `(?:${DE_DAYS}|morgen) (?:passt|geht)(?! (?:leider )?nicht)`,
  ["(?:gerne?|ja)(?! nicht)", { weak: true }],
  // fr (also "interesse" above, for "intéressé")
  "interess(?:ee|es|ees)",
  "avec plaisir",
  "volontiers",
  "(?:ca|cela) me (?:va|convient|parait bien|semble bien)",
  "(?:ca|cela) (?:a l'air|semble|parait) (?:interessant|bien|top)",
  "en savoir plus",
  "plus d'(?:infos?|informations|details)",
  "(?:envoyez|envoie|envoyer)(?:-moi| moi)? (?:[\\p{L}-]+ ){0,2}?(?:infos?|informations|documentation|plaquette|details|tarifs)",
  "quels? (?:est|sont) (?:le |les |vos )?(?:prix|tarifs?)",
  "combien (?:ca |cela )?(?:coute|coutera)",
  "tarifs?",
  "(?:on|nous) (?:peut|pourrait|pouvons|pourrions) (?:en )?(?:parler|discuter|echanger|caler|prevoir|organiser)",
  "(?:parlons|discutons|echangeons)-en",
  `disponible (?:[\\p{L}-]+ )?(?:${FR_DAYS}|demain|la semaine|cette semaine)`,
  ["(?:pourquoi pas|d'accord|oui)", { weak: true }],
  // es
  "(?:me|nos) interesa(?:ria)?",
  "interesad[oa]s?",
  "suena (?:bien|interesante|genial|muy bien)",
  "con (?:mucho )?gusto",
  "(?:mas|mayor) informacion",
  "(?:enviame|envieme|envienme|mandame|mandeme) (?:mas )?(?:informacion|info|detalles)",
  "(?:cuanto|que precio) (?:cuesta|cuestan|vale|tiene)",
  "precios?",
  "(?:podemos|podriamos) (?:hablar|conversar|agendar|tener|reunirnos|coordinar)",
  "hablemos",
  "agendar (?:una )?(?:llamada|reunion|cita)",
  "(?:estoy|estamos) disponibles?",
  `que tal el (?:${ES_DAYS})`,
  "me gustaria (?:saber|conocer|ver|hablar|una|tener|agendar|recibir)",
  ["(?:claro|vale)", { weak: true }],
]);

const OUT_OF_OFFICE = phrases(true, [
  "out of (?:the )?office",
  "ooo",
  "on (?:vacation|holiday|holidays|leave|pto|annual leave|parental leave|maternity leave|paternity leave|sick leave|sabbatical|business travel)",
  "(?:out|away|off|travell?ing|offline|unavailable) (?:until|till|til|through|thru|for the rest of|all week|this week|next week)",
  "(?:i'm|i am|i'll be|i will be) (?:currently )?(?:out|away|travell?ing|offline)(?! (?:of|to|on|for)(?![\\p{L}]))",
  `(?:i'll be|i will be|i'm|i am|be) back (?:on|next|after|from|by|tomorrow|in the office|in office|${EN_DAYS})`,
  "returning (?:on|next|to the office)",
  "limited access to (?:email|e-mail)",
  // de
  "nicht im buro",
  "(?:im|in) urlaub",
  "abwesend",
  "au(?:ss|ß)er haus",
  "elternzeit",
  "mutterschutz",
  "nicht erreichbar",
  "wieder (?:im buro|erreichbar|da)",
  "zuruck (?:am|ab)",
  // fr
  "absente?s?",
  "en (?:conges?|vacances|deplacement|arret maladie)",
  "hors du bureau",
  `de retour (?:le|au bureau|demain|la semaine|${FR_DAYS})`,
  // es
  "fuera de la oficina",
  "de vacaciones",
  "ausente",
  `de (?:regreso|vuelta) (?:el|a la oficina|manana|${ES_DAYS})`,
  "(?:vuelvo|regreso) el",
  "de viaje",
]);

const CATEGORIES: readonly { classification: ReplyClassification; rules: Rule[] }[] = [
  { classification: "unsubscribe_request", rules: UNSUBSCRIBE },
  { classification: "wrong_person", rules: WRONG_PERSON },
  { classification: "not_interested", rules: NOT_INTERESTED },
  { classification: "meeting_booked", rules: MEETING_BOOKED },
  { classification: "interested", rules: INTERESTED },
  { classification: "out_of_office", rules: OUT_OF_OFFICE },
];

/** A scheduling/video link; with a clock time it confirms a booking, without one it invites one. */
const MEETING_LINK =
  /(?<![\p{L}\p{N}_.-])(?:www\.)?(calendly\.com|cal\.com|[\p{L}\p{N}-]+\.zoom\.us|zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|whereby\.com|meetings\.hubspot\.com|savvycal\.com|tidycal\.com)/u;
const CLOCK_TIME =
  /(?<![\p{L}\p{N}])(?:\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:h]\d{2}|\d{1,2} ?uhr)(?![\p{L}\p{N}])/u;

// ---------------------------------------------------------------------------------------------

type Hit = { classification: ReplyClassification; index: number; weak: boolean; reason: string };

const MAX_MATCHES_PER_RULE = 50;

function findHits(n: Normalised, text: string, rules: Rule[], classification: ReplyClassification): Hit[] {
  const hits: Hit[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    let tries = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null && tries++ < MAX_MATCHES_PER_RULE) {
      if (m[0] === "") {
        rule.re.lastIndex++;
        continue;
      }
      if (rule.guard && negated(text, m.index)) continue;
      hits.push({
        classification,
        index: m.index,
        weak: rule.weak,
        reason: `mentions "${quote(n, m.index, m[0].length)}"`,
      });
      break;
    }
  }
  return hits;
}

function linkHits(text: string): Hit[] {
  const link = MEETING_LINK.exec(text);
  if (!link) return [];
  const host = link[1];
  if (CLOCK_TIME.test(text))
    return [
      {
        classification: "meeting_booked",
        index: link.index,
        weak: false,
        reason: `shares a ${host} link with a time`,
      },
    ];
  return [{ classification: "interested", index: link.index, weak: false, reason: `shares a ${host} link` }];
}

function pick(hits: Hit[]): Hit | null {
  for (const weak of [false, true]) {
    for (const { classification } of CATEGORIES) {
      const inClass = hits.filter((h) => h.classification === classification && h.weak === weak);
      if (inClass.length) return inClass.reduce((a, b) => (b.index < a.index ? b : a));
    }
  }
  return null;
}

function stripReplyPrefixes(subject: string): string {
  let s = subject;
  for (let i = 0; i < 10; i++) {
    const next = s.replace(/^\s*(?:re|aw|sv|vs|antw|wg|fw|fwd|tr|rv|res|rif|odp)(?:\[\d+\])?\s?:\s*/, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Suggests the user-facing classification for an inbound reply.
 *
 * - auto_reply → out_of_office, bounce → other (both high confidence).
 * - human_reply: only the prospect's new text counts: everything from the first quote header
 *   ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:", "-----Original
 *   Message-----", "From: … / Sent: …") or signature separator ("-- ") on is dropped, as are lines
 *   starting with ">". Phrases are matched case- and accent-insensitively on word boundaries, with
 *   curly and straight apostrophes alike. When several classes match, the order is
 *   unsubscribe_request > wrong_person > not_interested > meeting_booked > interested >
 *   out_of_office; a weak word ("sure", "ok", "gerne") only decides when nothing stronger matched,
 *   and then with low confidence. The subject is read for unsubscribe requests only (our own
 *   outreach subjects would otherwise leak into the suggestion).
 */
export function suggestClassification(input: SuggestClassificationInput): ClassificationSuggestion {
  if (input.kind === "auto_reply")
    return {
      classification: "out_of_office",
      confidence: "high",
      reason: "automatic reply (auto-responder)",
    };
  if (input.kind === "bounce")
    return {
      classification: "other",
      confidence: "high",
      reason: "the message is a bounce (delivery failure)",
    };

  const raw = typeof input.text === "string" ? input.text.slice(0, MAX_TEXT_CHARS) : "";
  const body = normalise(raw);
  const own = ownText(body.text);

  const hits: Hit[] = [];
  for (const { classification, rules } of CATEGORIES)
    hits.push(...findHits(body, own, rules, classification));
  hits.push(...linkHits(own));

  const rawSubject = typeof input.subject === "string" ? input.subject.slice(0, MAX_SUBJECT_CHARS) : "";
  const subject = normalise(rawSubject);
  // Prefixes blanked, not cut, so match offsets still index the normalised subject.
  const stripped = stripReplyPrefixes(subject.text);
  const subjectText = " ".repeat(subject.text.length - stripped.length) + stripped;
  for (const hit of findHits(subject, subjectText, UNSUBSCRIBE, "unsubscribe_request"))
    hits.push({ ...hit, reason: `subject ${hit.reason}` });

  const best = pick(hits);
  if (best)
    return {
      classification: best.classification,
      confidence: best.weak ? "low" : "high",
      reason: best.reason,
    };
  return {
    classification: "other",
    confidence: "low",
    reason: /[\p{L}\p{N}]/u.test(own) ? "no recognisable intent" : "no new text in the reply",
  };
}
