import { seededRng } from "../linkedin/seededRng";
import { MERGE_FIELD_SOURCE } from "./mergeField";

/*
 * Spintax: `{Hi|Hello|Hey}` picks one option, options may nest (`{Hi {there|friend}|Hello}`).
 * - Double braces are merge fields (`{{first_name|there}}`) and pass through untouched, even inside
 *   an option, to be filled afterwards.
 * - Braces with no `|` directly inside (`{this}`) are plain text, so existing templates keep meaning
 *   what they said.
 * - `\{`, `\}` and `\|` write the character itself, to show `{a|b}` literally.
 * - An empty option is allowed (`{|really }good` sometimes says "really"); a group whose options are
 *   all empty is a mistake. A `{` that opens options (has a `|`) and is never closed is a mistake, as
 *   is nesting deeper than MAX_DEPTH (unreadable, and usually a missing `}`).
 */
export const MAX_DEPTH = 3;

export type SpintaxProblem = { position: number; message: string };
type Group = { at: number; options: Node[][] };
type Node = string | Group;

const mergeField = new RegExp(MERGE_FIELD_SOURCE, "y");
const ESCAPABLE = "{}|";

function parse(text: string): { nodes: Node[]; problems: SpintaxProblem[] } {
  const problems: SpintaxProblem[] = [];
  let i = 0;
  // Reads until this group's `}` (or the end); `|` splits options only inside a group.
  const readGroup = (depth: number): { options: Node[][]; closed: boolean } => {
    const options: Node[][] = [[]];
    const push = (...n: Node[]) => options[options.length - 1]!.push(...n);
    while (i < text.length) {
      const c = text[i]!;
      if (c === "\\" && ESCAPABLE.includes(text[i + 1] ?? "")) {
        push(text[i + 1]!);
        i += 2;
      } else if (c === "{") {
        mergeField.lastIndex = i;
        const m = mergeField.exec(text);
        if (m) {
          push(m[0]);
          i += m[0].length;
          continue;
        }
        const at = i++;
        const g = readGroup(depth + 1);
        if (g.options.length === 1) push("{", ...g.options[0]!, ...(g.closed ? ["}"] : []));
        else if (!g.closed) {
          problems.push({ position: at, message: "this { is never closed with }" });
          push("{", ...g.options.flatMap((o, k) => (k ? ["|", ...o] : o)));
        } else {
          if (depth + 1 > MAX_DEPTH)
            problems.push({ position: at, message: `options nested more than ${MAX_DEPTH} deep` });
          if (g.options.every((o) => o.every((n) => typeof n === "string" && !n.trim())))
            problems.push({ position: at, message: "every option is empty" });
          push({ at, options: g.options });
        }
      } else if (c === "}" && depth > 0) {
        i++;
        return { options, closed: true };
      } else if (c === "|" && depth > 0) {
        options.push([]);
        i++;
      } else {
        push(c);
        i++;
      }
    }
    return { options, closed: false };
  };
  return { nodes: readGroup(0).options[0]!, problems };
}

/** What is wrong with a template's spintax, each with the 0-based position of its `{`. */
export function spintaxProblems(text: string): SpintaxProblem[] {
  return parse(text).problems;
}

/** A 32-bit FNV-1a hash: a seed from a string key. */
export function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}

/**
 * The seed of one lead's step part: the same lead, step and part always get the same options,
 * so the preview shows exactly what is sent, whenever either is computed.
 */
export const spinKey = (leadId: string, stepIndex: number, part: "subject" | "body") =>
  `${leadId}:${stepIndex}:${part}`;

export type SpinResult = { ok: true; text: string } | { ok: false; problems: SpintaxProblem[] };

/** One variant of the text, chosen by the key; merge fields are left for renderTemplate. */
export function renderSpintax(text: string, key: string): SpinResult {
  const { nodes, problems } = parse(text);
  if (problems.length) return { ok: false, problems };
  const random = seededRng(hash(key));
  const emit = (ns: Node[]): string =>
    ns
      .map((n) => (typeof n === "string" ? n : emit(n.options[Math.floor(random() * n.options.length)]!)))
      .join("");
  return { ok: true, text: emit(nodes) };
}

/** Describes a problem for a person: "at character 12: this { is never closed with }". */
export const describeSpintaxProblem = (p: SpintaxProblem) => `at character ${p.position + 1}: ${p.message}`;
