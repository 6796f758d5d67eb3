import { REASONS } from "./verificationReasons";
import type { VerificationResult } from "./verificationTypes";

/**
 * Whether probing the same address again later is likely to give an answer: the server
 * greylisted us (4xx). Unreachable servers and policy blocks are not retried: they usually mean
 * port 25 is blocked from here or our IP is listed, and a retry only adds to the noise.
 * Works on a stored result, since it only reads `status` and `reasons`.
 */
export function shouldRetryLater(result: VerificationResult): boolean {
  return result.status === "unknown" && result.reasons.includes(REASONS.greylisted);
}
