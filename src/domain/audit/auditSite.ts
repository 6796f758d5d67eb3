import { type CheckContext, parseUrlOrNull } from "./auditCheck";
import type { AuditObservations, AuditResult } from "./auditTypes";
import { dnsChecks } from "./dnsChecks";
import { extractPageFacts } from "./extractPageFacts";
import { brokenLinks, pageChecks } from "./pageChecks";
import { scoreFindings } from "./scoreFindings";
import { isReachable, transportChecks } from "./transportChecks";

/**
 * Turns what the fetcher observed into explainable findings, a 0–100 score, a grade and the one
 * issue to lead with. Pure and deterministic: the same observations always give the same result,
 * so a stored audit can be re-derived when the checks improve.
 */
export function auditSite(o: AuditObservations): AuditResult {
  const requested = parseUrlOrNull(o.requestedUrl);
  const base: CheckContext = {
    o,
    requested,
    final: parseUrlOrNull(o.finalUrl),
    facts: null,
    domain: o.dns.domain ?? requested?.hostname.replace(/^www\./, "") ?? o.requestedUrl,
  };
  const reachable = isReachable(base);
  // Content checks on an error page or a redirect body would only describe the error page.
  const okPage = reachable && o.status! >= 200 && o.status! <= 299;
  const ctx: CheckContext = {
    ...base,
    facts: okPage && o.html !== null ? extractPageFacts(o.html, base.final!.href) : null,
  };

  const drafts = [
    ...transportChecks(ctx),
    ...(okPage ? pageChecks(ctx) : []),
    ...(reachable ? [brokenLinks(ctx)].filter((f) => f !== null) : []),
    ...dnsChecks(ctx),
  ];
  const { grade, score, topIssue, findings } = scoreFindings(drafts);
  return { grade, score, topIssue, findings, facts: ctx.facts };
}
