/** One SMTP reply to a `RCPT TO` command, as the app layer's probe received it. */
export type ProbeReply = {
  code: number;
  /** RFC 3463 enhanced status code ("5.1.1"), when the caller split it off; otherwise it is read from `text`. */
  enhanced?: string | null;
  text: string;
};

/**
 * What the app layer observed on the network for one address. Stored as given next to the
 * verdict, so a later re-classification (with better rules) needs no new probe.
 */
export type ProbeEvidence = {
  /** MX hosts by preference; [] = no MX; null = DNS failure. */
  mx: string[] | null;
  /** No MX but the domain has an A record (RFC 5321 §5.1 implicit MX). */
  aFallback?: boolean;
  /** Could not reach any MX (timeout, refused). */
  connectError?: string | null;
  /** Reply for the address being verified. */
  rcpt?: ProbeReply | null;
  /** Reply for a random never-existing address at the same domain (catch-all detection). */
  randomRcpt?: ProbeReply | null;
};

export type VerificationStatus = "valid" | "risky" | "catch_all" | "invalid" | "unknown";

export type VerificationResult = { status: VerificationStatus; reasons: string[] };
