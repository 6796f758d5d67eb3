import { useState } from "react";

const fresh = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * One Idempotency-Key per intent (a form being filled in): a double submit or a retried request sends
 * the same key and the server answers the first result; `renew` after success for the next one.
 */
export function useIdempotencyKey(): { headers: { "Idempotency-Key": string }; renew: () => void } {
  const [key, setKey] = useState(fresh);
  return { headers: { "Idempotency-Key": key }, renew: () => setKey(fresh()) };
}
