import type { AuditCode } from "./checkOrder";
import type { PageFacts } from "./extractPageFacts";

/**
 * What the app layer observed about a lead's website and mail domain. Plain data only, so it can be
 * stored as JSON and an audit can be re-run (and re-explained) later without fetching again.
 */
export type AuditObservations = {
  /** The URL the fetcher started from, e.g. "http://acme.com". */
  requestedUrl: string;
  /** Where the redirects ended; null when the site could not be fetched at all. */
  finalUrl: string | null;
  redirects: { from: string; to: string; status: number }[];
  /** Why fetching failed, e.g. "timeout after 10 s", "ENOTFOUND"; null on success. */
  fetchError: string | null;
  /**
   * Our own fetch guard refused the address (private, loopback, not http): the site was never asked,
   * so nothing is known about it. Not the same as a site that does not answer.
   */
  fetchRefused?: boolean;
  /** Status of the final response. */
  status: number | null;
  /** Milliseconds until the final response arrived. */
  responseMs: number | null;
  /** Body of the final page, possibly truncated by the fetcher; null when it was not HTML. */
  html: string | null;
  /** Size of the HTML document in bytes (the full size even when `html` was truncated). */
  bytes: number | null;
  /** Response headers of the final page, names lower-cased. */
  headers: Record<string, string>;
  /** The sample of internal links the fetcher requested (see sampleInternalLinks). */
  internalLinksChecked: { url: string; status: number | null; error: string | null }[];
  /**
   * Optional: when the site ended on plain HTTP, the fetcher's attempt at the https:// version.
   * It tells "has no HTTPS at all" apart from "has HTTPS but does not redirect to it".
   */
  httpsProbe?: { url: string; status: number | null; error: string | null } | null;
  dns: {
    /** The domain the records belong to; defaults to the requested host without "www.". */
    domain?: string;
    /** TXT records at the domain (SPF is picked out of them); null when the lookup failed. */
    spf: string[] | null;
    /** TXT records at _dmarc.<domain>; null when the lookup failed. */
    dmarc: string[] | null;
    /** MX hosts; [] when there are none, null when the lookup failed. */
    mx: string[] | null;
  };
};

export type Severity = "critical" | "major" | "minor" | "info";
export type Grade = "A" | "B" | "C" | "D" | "F";

export type AuditFinding = {
  code: AuditCode;
  severity: Severity;
  /** Short, stable wording; used as the top issue. */
  title: string;
  /** One or two sentences naming the evidence and why it matters. */
  detail: string;
  /** The raw thing observed (a record, a URL list, a tag), when there is one. */
  evidence?: string;
  /** Points this finding took off the score, so the grade can be explained line by line. */
  penalty: number;
};

export type AuditResult = {
  grade: Grade;
  score: number;
  /** Title of the most severe finding; null when nothing is wrong (info findings don't count). */
  topIssue: string | null;
  findings: AuditFinding[];
  /** What the homepage contains; null when no page was analysed (unreachable, error status, not HTML). */
  facts: PageFacts | null;
};
