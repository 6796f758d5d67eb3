import { decodeCharset } from "./mimeDecoding";

export type ContentType = { type: string; params: Record<string, string> };

/** Splits on `;` outside quoted strings and strips (comments). */
function segments(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted) {
      if (c === "\\" && i + 1 < value.length) cur += value[++i];
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (depth > 0) {
      if (c === "(") depth++;
      else if (c === ")") depth--;
    } else if (c === '"') quoted = true;
    else if (c === "(") depth++;
    else if (c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * `type/subtype; key=value; key="quoted"` with lower-cased type and keys. RFC 2231 extended
 * (`key*=utf-8''...`) and continued (`key*0=`, `key*1=`) parameters are joined and decoded.
 * A missing or unparseable type is text/plain, as RFC 2045 §5.2 says.
 */
export function parseContentType(value: string | null | undefined): ContentType {
  const [first = "", ...rest] = segments(value ?? "");
  const type = /^[!#-'*+.0-9A-Z^-~-]+\/[!#-'*+.0-9A-Z^-~-]+$/i.test(first)
    ? first.toLowerCase()
    : "text/plain";
  const pieces: Record<string, { index: number; value: string; extended: boolean }[]> = {};
  for (const seg of rest) {
    const eq = seg.indexOf("=");
    if (eq <= 0) continue;
    const m = seg
      .slice(0, eq)
      .trim()
      .toLowerCase()
      .match(/^([^*]+)(?:\*(\d+))?(\*)?$/);
    if (!m) continue;
    (pieces[m[1]!] ??= []).push({
      index: Number(m[2] ?? 0),
      value: seg.slice(eq + 1).trim(),
      extended: !!m[3],
    });
  }
  const params: Record<string, string> = {};
  for (const [key, list] of Object.entries(pieces)) {
    list.sort((a, b) => a.index - b.index);
    let charset: string | null = null;
    let bin = "";
    for (const p of list) {
      let v = p.value;
      if (p.extended && p.index === 0) {
        const parts = v.split("'");
        if (parts.length >= 3) {
          charset = parts[0]!;
          v = parts.slice(2).join("'");
        }
      }
      bin += p.extended
        ? v.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        : v;
    }
    params[key] = charset ? decodeCharset(bin, charset) : bin;
  }
  return { type, params };
}
