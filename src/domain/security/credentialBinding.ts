/**
 * A stored secret is bound to where it is sent: changing the destination (host, port, user, TLS
 * mode, base URL) without entering the secret again would let anyone who may edit the settings
 * send the stored password to a server of their choosing.
 */
export type Endpoint = Record<string, string | number | boolean | null | undefined>;

/** The destination fields that differ between what is stored and what is asked for. */
export function changedEndpointFields(stored: Endpoint, next: Endpoint): string[] {
  const norm = (v: unknown) =>
    v === undefined || v === null || v === "" ? null : String(v).trim().toLowerCase();
  return Object.keys(next).filter((k) => norm(stored[k]) !== norm(next[k]));
}

/**
 * Null when the change is allowed; otherwise the message for the secret's field. Allowed: no stored
 * secret (nothing to leak), a new secret given, or the destination unchanged.
 */
export function rebindProblem(input: {
  stored: Endpoint;
  next: Endpoint;
  hasStoredSecret: boolean;
  newSecretGiven: boolean;
  /** What the person must re-enter, e.g. "password" or "API key". */
  secret?: string;
  /** Display names of the fields, e.g. { baseUrl: "base URL" }. */
  labels?: Record<string, string>;
}): string | null {
  if (!input.hasStoredSecret || input.newSecretGiven) return null;
  const changed = changedEndpointFields(input.stored, input.next);
  if (!changed.length) return null;
  const names = changed.map((f) => input.labels?.[f] ?? f);
  const verb = names.length === 1 ? "changes" : "change";
  return `re-enter the ${input.secret ?? "password"} when the ${names.join(", ")} ${verb}`;
}
