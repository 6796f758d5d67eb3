import type { AuditFinding, AuditObservations } from "./auditTypes";
import type { PageFacts } from "./extractPageFacts";

/** What every check may look at: the raw observations plus what was derived from them once. */
export type CheckContext = {
  o: AuditObservations;
  /** The final URL parsed; null when unreachable or unparseable. */
  final: URL | null;
  requested: URL | null;
  /** Page facts when a 2xx HTML page was fetched; null otherwise. */
  facts: PageFacts | null;
  /** The mail domain the DNS records belong to, for wording. */
  domain: string;
};

/** A finding before scoring adds its penalty. */
export type FindingDraft = Omit<AuditFinding, "penalty">;

export function parseUrlOrNull(href: string | null): URL | null {
  if (href === null) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/**
 * A URL as a person would read it in a sentence: path only when it is on the audited site
 * ("/pricing"), the full URL otherwise.
 */
export function displayUrl(href: string, site: URL | null): string {
  const url = parseUrlOrNull(href);
  if (!url || !site || url.host.replace(/^www\./, "") !== site.host.replace(/^www\./, "")) return href;
  return `${url.pathname}${url.search}`;
}
