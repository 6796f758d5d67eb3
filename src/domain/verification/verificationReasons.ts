/**
 * The short human phrases `classifyVerification` puts in `reasons`. Kept in one place because
 * callers (and `shouldRetryLater`) match on them after the result has been stored and reloaded.
 */
export const REASONS = {
  dnsFailed: "DNS lookup failed",
  noMailServer: "domain has no mail server (no MX or A record)",
  notProbed: "mailbox not probed",
  accepted: "mailbox accepted",
  freeMail: "free-mail provider",
  catchAll: "domain accepts any address (catch-all)",
  catchAllNotTested: "catch-all not tested",
  catchAllInconclusive: "catch-all check inconclusive",
  noMailbox: "mailbox does not exist",
  mailboxFull: "mailbox full",
  greylisted: "greylisted — retry later",
  policyBlock: "probe refused by mail server (policy block)",
  disposable: "disposable email provider",
  role: "role account",
} as const;

export function unreachableReason(connectError: string): string {
  return `could not reach mail server (${connectError})`;
}

export function unexpectedReplyReason(code: number): string {
  return `unexpected SMTP reply ${code}`;
}
