/**
 * What API input may not contain, whatever the field: NUL (PostgreSQL text cannot hold it),
 * undecodable text (U+FFFD where invalid UTF-8 was, lone UTF-16 surrogates from \ud800 escapes),
 * keys that mean something to JavaScript objects, and nesting deeper than any schema of ours.
 */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
export const MAX_DEPTH = 32;

export function stringProblem(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain NUL bytes";
  if (s.includes("\uFFFD")) return "is not valid UTF-8";
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s))
    return "is not valid UTF-8 (a lone surrogate)";
  return null;
}

/** The first problem in a parsed value, as { field, message }, or null. `where` names the root. */
export function findHostileInput(value: unknown, where: string): { field: string; message: string } | null {
  const walk = (v: unknown, path: string, depth: number): { field: string; message: string } | null => {
    if (typeof v === "string") {
      const p = stringProblem(v);
      return p ? { field: path, message: p } : null;
    }
    if (v === null || typeof v !== "object") return null;
    if (depth > MAX_DEPTH) return { field: path, message: `is nested more than ${MAX_DEPTH} levels deep` };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const r = walk(v[i], `${path}.${i}`, depth + 1);
        if (r) return r;
      }
      return null;
    }
    for (const k of Object.keys(v)) {
      const field = `${path}.${k}`;
      if (FORBIDDEN_KEYS.has(k)) return { field, message: `the key "${k}" is not allowed` };
      const kp = stringProblem(k);
      if (kp) return { field, message: `key ${kp}` };
      const r = walk((v as Record<string, unknown>)[k], field, depth + 1);
      if (r) return r;
    }
    return null;
  };
  return walk(value, where, 0);
}
