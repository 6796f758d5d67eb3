import { type CheckContext, type FindingDraft, displayUrl } from "./auditCheck";
import type { PageFacts } from "./extractPageFacts";
import { formatBytes, graphemeLength, listSome, plural, quoted } from "./textUtils";

// Lengths in characters that search results show without cutting or padding.
export const TITLE_RANGE = { min: 30, max: 60 } as const;
export const DESCRIPTION_RANGE = { min: 70, max: 160 } as const;
// HTML document alone (no images/scripts): beyond this it delays the first paint on mobile.
export const HEAVY_MINOR_BYTES = 500 * 1024;
export const HEAVY_MAJOR_BYTES = 2 * 1024 * 1024;
/** Statuses that usually mean "not for bots" or "use GET", not a broken page. */
const NOT_BROKEN = new Set([401, 403, 405, 429]);

const ROBOTS_VALUE_DIRECTIVES = /^(max-snippet|max-image-preview|max-video-preview|unavailable_after)$/i;

/**
 * Whether a robots meta content or X-Robots-Tag value forbids indexing. Handles "noindex, nofollow",
 * "none", bot-scoped "googlebot: noindex", and ignores values like "max-image-preview:none".
 */
export function forbidsIndexing(value: string): boolean {
  return value.split(",").some((part) => {
    const pieces = part.split(":");
    if (pieces.length > 1 && ROBOTS_VALUE_DIRECTIVES.test(pieces[0].trim())) return false;
    const directive = pieces[pieces.length - 1].trim().toLowerCase();
    return directive === "noindex" || directive === "none";
  });
}

function notHtml({ o }: CheckContext): FindingDraft | null {
  if (o.html !== null) return null;
  const type = o.headers["content-type"];
  return {
    code: "not-html",
    severity: "info",
    title: "Homepage content not analysed",
    detail: `The homepage answered ${o.status} but no HTML came back${type ? ` (content-type ${type})` : ""}, so title, headings and links were not checked.`,
  };
}

function noindex({ o }: CheckContext, facts: PageFacts): FindingDraft | null {
  const header = o.headers["x-robots-tag"] ?? null;
  const byMeta = facts.robots !== null && forbidsIndexing(facts.robots);
  const byHeader = header !== null && forbidsIndexing(header);
  if (!byMeta && !byHeader) return null;
  const evidence = byMeta ? `<meta name="robots" content="${facts.robots}">` : `X-Robots-Tag: ${header}`;
  return {
    code: "noindex",
    severity: "major",
    title: "Homepage hidden from search engines",
    detail: `${byMeta ? "A robots meta tag" : "The X-Robots-Tag header"} tells search engines not to index the homepage, so it disappears from search results (often left over from a staging site).`,
    evidence,
  };
}

function title(_: CheckContext, facts: PageFacts): FindingDraft | null {
  const text = facts.title ?? "";
  if (text === "") {
    return {
      code: "title-missing",
      severity: "major",
      title: "Missing page title",
      detail:
        facts.title === null
          ? "The page has no <title>, so browser tabs and search results fall back to the bare URL."
          : "The <title> is empty, so browser tabs and search results fall back to the bare URL.",
    };
  }
  const length = graphemeLength(text);
  if (length >= TITLE_RANGE.min && length <= TITLE_RANGE.max) return null;
  const short = length < TITLE_RANGE.min;
  return {
    code: short ? "title-short" : "title-long",
    severity: "minor",
    title: short ? "Page title too short" : "Page title too long",
    detail: `The title is ${plural(length, "character")} long (${quoted(text)}); aim for ${TITLE_RANGE.min}–${TITLE_RANGE.max}${short ? " so it says what the company does" : ", as search results cut it off around 60"}.`,
    evidence: text,
  };
}

function description(_: CheckContext, facts: PageFacts): FindingDraft | null {
  const text = facts.description ?? "";
  if (text === "") {
    return {
      code: "description-missing",
      severity: "minor",
      title: "Missing meta description",
      detail: `There is no meta description${facts.description === "" ? " (the tag is empty)" : ""}, so search engines pick a random snippet of the page to show under the title.`,
    };
  }
  const length = graphemeLength(text);
  if (length >= DESCRIPTION_RANGE.min && length <= DESCRIPTION_RANGE.max) return null;
  const short = length < DESCRIPTION_RANGE.min;
  return {
    code: short ? "description-short" : "description-long",
    severity: "minor",
    title: short ? "Meta description too short" : "Meta description too long",
    detail: `The meta description is ${plural(length, "character")} long (${quoted(text)}); aim for ${DESCRIPTION_RANGE.min}–${DESCRIPTION_RANGE.max}${short ? "" : ", as search results cut it off around 160"}.`,
    evidence: text,
  };
}

function viewport(_: CheckContext, facts: PageFacts): FindingDraft | null {
  if (facts.viewport) return null;
  return {
    code: "viewport-missing",
    severity: "major",
    title: "Not optimised for mobile",
    detail:
      'There is no <meta name="viewport">, so phones render the desktop layout zoomed out and Google ranks the page as not mobile-friendly.',
  };
}

function headings(_: CheckContext, facts: PageFacts): FindingDraft | null {
  if (facts.h1Count === 0) {
    return {
      code: "h1-missing",
      severity: "minor",
      title: "No main heading (h1)",
      detail: `The page has no <h1>${facts.h2Count > 0 ? ` (it has ${plural(facts.h2Count, "<h2>")})` : ""}; one main heading tells visitors, screen readers and search engines what the page is about.`,
    };
  }
  if (facts.h1Count === 1) return null;
  // Several <h1>s are valid HTML and Google copes; it is reported, but costs no points.
  const texts = facts.h1Texts.filter((t) => t !== "").map(quoted);
  return {
    code: "h1-multiple",
    severity: "info",
    title: "Several h1 headings",
    detail: `The page has ${facts.h1Count} <h1> headings${texts.length ? ` (${listSome(texts)})` : ""}; a single main heading makes the page's topic clearer.`,
    evidence: facts.h1Texts.join(" | "),
  };
}

function lang(_: CheckContext, facts: PageFacts): FindingDraft | null {
  if (facts.lang) return null;
  return {
    code: "lang-missing",
    severity: "minor",
    title: "Page language not declared",
    detail:
      "<html> has no lang attribute, so screen readers and translation tools have to guess the page's language.",
  };
}

function imageAlts(_: CheckContext, facts: PageFacts): FindingDraft | null {
  if (facts.imagesWithoutAlt === 0) return null;
  const percent = Math.round((facts.imagesWithoutAlt / facts.imageCount) * 100);
  return {
    code: "images-missing-alt",
    severity: "minor",
    title: "Images without alt text",
    detail: `${facts.imagesWithoutAlt} of ${plural(facts.imageCount, "image")} (${percent}%) ${facts.imagesWithoutAlt === 1 ? "has" : "have"} no alt attribute, so screen readers skip ${facts.imagesWithoutAlt === 1 ? "it" : "them"} and search engines can't tell what ${facts.imagesWithoutAlt === 1 ? "it shows" : "they show"}, e.g. ${listSome(facts.imagesWithoutAltSrc)}.`,
    evidence: facts.imagesWithoutAltSrc.join("\n"),
  };
}

function heavyPage({ o }: CheckContext): FindingDraft | null {
  const bytes = o.bytes ?? (o.html === null ? null : new TextEncoder().encode(o.html).length);
  if (bytes === null || bytes <= HEAVY_MINOR_BYTES) return null;
  return {
    code: "heavy-page",
    severity: bytes > HEAVY_MAJOR_BYTES ? "major" : "minor",
    title: "Heavy page",
    detail: `The HTML document alone weighs ${formatBytes(bytes)}, before any image, script or stylesheet; above ${formatBytes(HEAVY_MINOR_BYTES)} it noticeably delays the first paint on phones.`,
    evidence: `${bytes} bytes`,
  };
}

/** Checks on the homepage's content; they only run on a 2xx HTML page. */
export function pageChecks(ctx: CheckContext): FindingDraft[] {
  const facts = ctx.facts;
  if (!facts) return [notHtml(ctx)].filter((f): f is FindingDraft => f !== null);
  return [noindex, title, description, viewport, headings, lang, imageAlts, heavyPage]
    .map((check) => check(ctx, facts))
    .filter((f): f is FindingDraft => f !== null);
}

/**
 * Broken links in the sample the fetcher checked. One can be a slip; several suggest nobody looks
 * after the site, so two or more is major.
 */
export function brokenLinks({ o, final }: CheckContext): FindingDraft | null {
  const broken = o.internalLinksChecked.filter(
    (l) => l.error !== null || l.status === null || (l.status >= 400 && !NOT_BROKEN.has(l.status)),
  );
  if (broken.length === 0) return null;
  const why = (l: (typeof broken)[number]) =>
    l.status !== null && l.error === null ? `${l.status}` : (l.error ?? "no response");
  const shown = broken.map((l) => `${displayUrl(l.url, final)} (${why(l)})`);
  return {
    code: "broken-links",
    severity: broken.length >= 2 ? "major" : "minor",
    title: "Broken internal links",
    detail: `${broken.length} of ${plural(o.internalLinksChecked.length, "checked internal link")} ${broken.length === 1 ? "is" : "are"} broken: ${listSome(shown, 5)}.`,
    evidence: broken.map((l) => `${why(l)} ${l.url}`).join("\n"),
  };
}
