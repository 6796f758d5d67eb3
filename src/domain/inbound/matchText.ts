/**
 * Lower-case, accents stripped (NFKD), typographic apostrophes and whitespace flattened, so the
 * phrase and date patterns can be written once in plain ASCII ("réponse" and "reponse" alike).
 */
export function normaliseForMatching(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, " ")
    .replace(/[ \t]+/g, " ");
}

const QUOTE_START = [
  /^[ \t]*on .{0,200}wrote:[ \t]*$/im,
  /^[ \t]*am .{0,200}schrieb .{0,200}:[ \t]*$/im,
  /^[ \t]*le .{0,200}a ecrit\s*:[ \t]*$/im,
  /^[ \t]*el .{0,200}escribio:[ \t]*$/im,
  /^[ \t]*op .{0,200}schreef .{0,200}:[ \t]*$/im,
  /^[ \t]*il .{0,200}ha scritto:[ \t]*$/im,
  /^[ \t]*em .{0,200}escreveu:[ \t]*$/im,
  /^-{2,}[ \t]*(original message|ursprungliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale|mensagem original)[ \t]*-{2,}/im,
  /^_{10,}[ \t]*$/m,
  /^[ \t]*(from|von|de|van|da):\s.*\n[ \t]*(sent|gesendet|envoye|enviado|verzonden|inviato|date|datum):\s/im,
];

/**
 * The part a person (or their autoresponder) wrote: ">" quoted lines dropped and everything from
 * the first quote header ("On ... wrote:", "-----Original Message-----", ...) cut, so our own
 * outreach text and its dates never count. Expects normalised text; callers bound its length, and
 * the patterns avoid \s* across lines so a flood of blank lines stays linear.
 */
export function unquotedText(normalised: string): string {
  let end = normalised.length;
  for (const re of QUOTE_START) {
    const m = re.exec(normalised);
    if (m && m.index < end) end = m.index;
  }
  return normalised
    .slice(0, end)
    .split("\n")
    .filter((l) => !/^[ \t]*>/.test(l))
    .join("\n");
}
