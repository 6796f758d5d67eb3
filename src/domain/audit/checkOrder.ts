/**
 * Every finding code, in the fixed order checks run and findings are listed within a severity.
 * Transport problems come first (they affect every visitor), then what search engines and visitors
 * see on the page, then the email domain. The order is part of the output contract: it breaks ties
 * for the top issue, so reordering changes which issue a prospect is told about first.
 */
export const CHECK_ORDER = [
  "unreachable",
  "http-status",
  "no-https",
  "no-https-redirect",
  "redirect-chain",
  "slow-response",
  "hsts-missing",
  "not-html",
  "noindex",
  "title-missing",
  "title-short",
  "title-long",
  "description-missing",
  "description-short",
  "description-long",
  "viewport-missing",
  "h1-missing",
  "h1-multiple",
  "lang-missing",
  "images-missing-alt",
  "heavy-page",
  "broken-links",
  "spf-missing",
  "spf-multiple",
  "dmarc-missing",
  "dmarc-multiple",
  "dmarc-none",
  "mx-missing",
  "dns-lookup-failed",
] as const;

export type AuditCode = (typeof CHECK_ORDER)[number];
