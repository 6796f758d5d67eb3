/**
 * The text a new sequence's steps start with (from the play, or "Add step"): a greeting and an
 * ellipsis. It fills every merge variable, so without this check a sequence launched untouched sends
 * "Hi Ada, …" to everyone and readiness calls it ready.
 */
export const PLACEHOLDER_BODIES = {
  email: "Hi {{first_name|there}},\n\n…",
  linkedin_invite: "Hi {{first_name|there}}, I'd like to connect.",
  linkedin_message: "Thanks for connecting, {{first_name|there}}!",
} as const;

/** The web's "Add step" starts with the greeting alone. */
const OTHER_PLACEHOLDERS = ["Hi {{first_name|there}},"];

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const KNOWN = new Set([...Object.values(PLACEHOLDER_BODIES), ...OTHER_PLACEHOLDERS].map(norm));

/**
 * Whether a step's text is still a placeholder nobody wrote: one of the starting texts unchanged, or
 * a text whose only line besides the greeting is an ellipsis. An invite note left as the starting text
 * is a real (if plain) note, so only email and message bodies count.
 */
export function isPlaceholderBody(channel: string, body: string): boolean {
  if (channel === "linkedin_invite") return false;
  const n = norm(body);
  if (KNOWN.has(n)) return true;
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.some((l) => /^(…|\.\.\.)$/.test(l)) && lines.length <= 2;
}
